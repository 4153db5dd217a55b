"""The person network pulled from the store: chosen tie types, a date window, weighting,
bounded by a neighbourhood (hops around an OCG, a person or a list of people).

Each tie type is one named query in `cypher/network/`. A pair tied in several ways gets
one edge whose `ties` maps each type to its count and whose `weight` is the sum (or 1 for
every edge when unweighted); `distance` is 1/weight. Reading it is audited: the actor,
their purpose and every person in the projection are logged as one consultation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from iom.errors import IomError, RecordNotFound
from iom.model import vocab_label
from iom.network.edgelist import add_distances
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "TIE_QUERIES",
    "TIE_TYPES",
    "Projection",
    "ProjectionError",
    "build_graph",
    "expand",
    "ocg_choices",
    "parse_ties",
    "person_facts",
    "project",
    "read_ties",
]

TIE_QUERIES = {
    "co-offending": "network/co_offending",
    "association": "network/association",
    "family": "network/family",
    "household": "network/household",
    "ocg": "network/ocg",
    "phone": "network/phone",
}
TIE_TYPES = tuple(TIE_QUERIES)
DEFAULT_TIES = ("co-offending", "association", "ocg", "phone")
EARLIEST, LATEST = "0000-01-01", "9999-12-31"
DEFAULT_HOPS = 2


class ProjectionError(IomError):
    """A projection was asked for wrongly (unknown tie type, bad window, no anchor)."""


def parse_ties(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """Tie types from `co-offending,family` (or a list); unknown names are an error."""
    if text is None:
        return DEFAULT_TIES
    items = text.split(",") if isinstance(text, str) else list(text)
    ties = tuple(dict.fromkeys(t.strip() for t in items if t.strip()))
    unknown = [t for t in ties if t not in TIE_QUERIES]
    if unknown or not ties:
        raise ProjectionError(
            f"--ties: unknown tie type {', '.join(map(repr, unknown)) or '(none)'}; "
            f"use a comma-separated list of {', '.join(TIE_TYPES)}"
        )
    return ties


@dataclass
class Projection:
    """A person network and what the pages and CLI need to show it."""

    graph: nx.Graph
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    memberships: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    ties: tuple[str, ...] = DEFAULT_TIES
    scope: str = "force-wide"
    since: str = EARLIEST
    until: str = LATEST
    weighted: bool = True

    def names(self) -> dict[str, str]:
        """Person id -> display name."""
        return {pid: p["name"] for pid, p in self.people.items()}

    def ocg_of(self) -> dict[str, str | None]:
        """Person id -> the OCG name they are (first) a current member of, or None."""
        return {
            pid: (rows[0]["ocg_name"] if rows else None) for pid, rows in self.memberships.items()
        }

    def role_of(self, pid: str) -> str | None:
        """The human label of a person's OCG role (highest first), or None."""
        rows = self.memberships.get(pid) or []
        return vocab_label("OcgRole", rows[0]["role"]) if rows and rows[0]["role"] else None


def _window(since: date | str | None, until: date | str | None) -> tuple[str, str]:
    s = str(since) if since else EARLIEST
    u = str(until) if until else LATEST
    if s > u:
        raise ProjectionError(f"--since {s} is after --until {u}")
    return s, u


def _edges(
    store: Store, ties: Sequence[str], ids: list[str] | None, s: str, u: str
) -> Iterator[tuple[str, dict[str, Any]]]:
    for tie in ties:
        params: dict[str, Any] = {"ids": ids}
        if tie != "family":
            params.update(since=s, until=u)
        for row in store.read(TIE_QUERIES[tie], params):
            yield tie, row


def _seeds(
    store: Store, ocg: str | None, person: str | None, people: Sequence[str] | None
) -> tuple[list[str] | None, str]:
    if ocg:
        rows = store.read("network/ocg_members", {"ocg": ocg})
        if not rows:
            raise RecordNotFound(f"--ocg: no OCG with id {ocg!r}")
        return list(rows[0]["members"] or []), f"OCG {rows[0]['ocg_name']} ({ocg})"
    if person:
        if not store.read("network/person_exists", {"id": person}):
            raise RecordNotFound(f"--around: no person with id {person!r}")
        return [person], f"person {person}"
    if people is not None:
        return list(people), f"{len(people)} people"
    return None, "force-wide"


def read_ties(
    store: Store,
    ties: Sequence[str] | str | None,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """Every tie of the chosen types in the window, force-wide, as (tie type, row) pairs.

    Not audited: for callers that audit their own read (the cohort ranking) and only pass on
    measures computed from the ties, not the ties themselves.
    """
    s, u = _window(since, until)
    return list(_edges(store, parse_ties(ties), None, s, u))


def build_graph(
    rows: Iterable[tuple[str, dict[str, Any]]],
    *,
    weighted: bool = True,
    within: Iterable[str] | None = None,
) -> nx.Graph:
    """One edge per tied pair from (tie type, row) pairs; only between `within` when given.

    An edge's `ties` maps each tie type to its count (the row's `weight`, else 1), `weight`
    is their sum (1 when unweighted) and `distance` 1/weight.
    """
    graph = nx.Graph()
    if within is not None:
        graph.add_nodes_from(list(within))
    for tie, row in rows:
        a, b = row["a"], row["b"]
        if within is not None and (a not in graph or b not in graph):
            continue
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, ties={}, detail={})
        data = graph[a][b]
        data["ties"][tie] = data["ties"].get(tie, 0) + int(row.get("weight") or 1)
        extra = {k: v for k, v in row.items() if k not in ("a", "b", "weight")}
        if extra:
            data["detail"][tie] = extra
    for _, _, data in graph.edges(data=True):
        data["weight"] = float(sum(data["ties"].values())) if weighted else 1.0
    add_distances(graph)
    return graph


def person_facts(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Name, birth date, gender, labels and offence count of each person (not audited here)."""
    out = {}
    for row in store.read("network/people", {"ids": list(ids)}):
        name = " ".join(x for x in (row.get("first_name"), row.get("last_name")) if x)
        out[row["id"]] = {**row, "name": name or row["id"]}
    return out


def project(
    store: Store,
    actor: Actor,
    *,
    ties: Sequence[str] | str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    weighted: bool = True,
    ocg: str | None = None,
    around: str | None = None,
    people: Sequence[str] | None = None,
    hops: int = DEFAULT_HOPS,
    on: date | None = None,
) -> Projection:
    """The person network of `ties` in the window, `hops` around an OCG/person/people. Audited."""
    chosen = parse_ties(ties)
    s, u = _window(since, until)
    if hops < 0:
        raise ProjectionError("--hops: must be 0 or more")
    seeds, scope = _seeds(store, ocg, around, people)
    graph = nx.Graph()
    rows: list[tuple[str, dict[str, Any]]] = []
    if seeds is None:
        rows = list(_edges(store, chosen, None, s, u))
    else:
        graph.add_nodes_from(seeds)
        frontier: list[str] = list(seeds)
        seen_rows: set[tuple[str, str, str]] = set()
        for _ in range(hops):
            if not frontier:
                break
            new = []
            for tie, row in _edges(store, chosen, frontier, s, u):
                key = (tie, row["a"], row["b"])
                if key not in seen_rows:
                    seen_rows.add(key)
                    rows.append((tie, row))
                for end in (row["a"], row["b"]):
                    if end not in graph:
                        graph.add_node(end)
                        new.append(end)
            frontier = new
        for tie, row in _edges(store, chosen, frontier, s, u) if frontier else ():
            if (tie, row["a"], row["b"]) not in seen_rows:
                seen_rows.add((tie, row["a"], row["b"]))
                rows.append((tie, row))  # ties among the outermost people
        scope += f", {hops} hop(s)"
    graph = build_graph(rows, weighted=weighted, within=None if seeds is None else graph.nodes)
    ids = sorted(graph.nodes)
    facts = person_facts(store, ids) if ids else {}
    memberships: dict[str, list[dict[str, Any]]] = {pid: [] for pid in ids}
    if ids:
        today = (on or date.today()).isoformat()
        order = {"PRINCIPAL": 0, "SIGNIFICANT": 1, "PERIPHERAL": 2}
        for row in store.read("network/memberships", {"ids": ids, "on": today}):
            memberships[row["person_id"]].append(row)
        for rows_ in memberships.values():
            rows_.sort(key=lambda r: (order.get(r.get("role") or "", 9), r["ocg_id"]))
    audit.record(
        store,
        actor,
        "CONSULTATION",
        ids,
        f"network projection ({scope}; ties {', '.join(chosen)}; {s} to {u})",
    )
    return Projection(
        graph=graph,
        people=facts,
        memberships=memberships,
        ties=chosen,
        scope=scope,
        since=s,
        until=u,
        weighted=weighted,
    )


def expand(store: Store, actor: Actor, proj: Projection, person: str) -> Projection:
    """`proj` with `person`'s neighbours (1 hop, the same ties and window) added. Audited."""
    more = project(
        store, actor, ties=proj.ties, since=proj.since, until=proj.until,
        weighted=proj.weighted, around=person, hops=1,
    )  # fmt: skip
    graph = nx.compose(proj.graph, more.graph)
    return Projection(
        graph=graph,
        people={**proj.people, **more.people},
        memberships={**proj.memberships, **more.memberships},
        ties=proj.ties,
        scope=f"{proj.scope} + neighbours of {person}",
        since=proj.since,
        until=proj.until,
        weighted=proj.weighted,
    )


def ocg_choices(store: Store) -> list[dict[str, str]]:
    """Every OCG's id and name (no personal data), for the explorer's chooser."""
    return store.read("network/ocgs")
