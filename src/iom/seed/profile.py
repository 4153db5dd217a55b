"""Measure a generated force against published figures: the calibration targets in
`calibration.csv`, computed straight from the CSV files with pandas and NetworkX (no store)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import networkx as nx
import pandas as pd

from iom.errors import ConfigError
from iom.model import MODEL
from iom.reference import load_reference

__all__ = ["Measure", "Target", "load_targets", "profile_force", "profile_table"]

_VIOLENCE = frozenset(
    {
        "HOMICIDE",
        "VIOLENCE_WITH_INJURY",
        "VIOLENCE_WITHOUT_INJURY",
        "NON_FATAL_STRANGULATION",
        "STALKING_HARASSMENT",
    }
)
_SEXUAL = frozenset({"RAPE", "SEXUAL_ASSAULT", "OTHER_SEXUAL_OFFENCE"})
_BURGLARY = frozenset({"RESIDENTIAL_BURGLARY", "NON_RESIDENTIAL_BURGLARY"})
_SAMPLE = 400  # BFS sources / betweenness samples once the largest component is big


@dataclass(frozen=True)
class Target:
    """A calibration target: the measure, its accepted range and where the range comes from."""

    measure: str
    description: str
    low: float
    high: float
    source: str


@dataclass(frozen=True)
class Measure:
    """One measure computed on a force, beside its target."""

    target: Target
    value: float

    @property
    def within(self) -> bool:
        """True when the value lies in the target range (ends included)."""
        return self.target.low <= self.value <= self.target.high


def load_targets() -> list[Target]:
    """The calibration targets shipped with the seed package, in file order."""
    text = resources.files("iom.seed").joinpath("calibration.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return [
        Target(r["measure"], r["description"], float(r["low"]), float(r["high"]), r["source"])
        for r in rows
    ]


def _csv(root: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    path = root / name
    if not path.exists():
        return pd.DataFrame(columns=columns or [])
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.columns = [c.split(":")[0] if not c.startswith(":") else c for c in frame.columns]
    return frame


def _rels(root: Path, rtype: str) -> pd.DataFrame:
    names = sorted((root / "relationships").glob(f"{rtype}*.csv"))
    frames = [
        _csv(root, f"relationships/{p.name}")
        for p in names
        if p.stem == rtype or p.stem.startswith(rtype + "__")
    ]
    if not frames:
        return pd.DataFrame(columns=[":START_ID", ":END_ID"])
    out = pd.concat(frames, ignore_index=True)
    return out.rename(columns={out.columns[0]: "start", out.columns[1]: "end"})


def _age(dob: pd.Series, on: date) -> pd.Series:
    born = pd.to_datetime(dob, errors="coerce")
    return (pd.Timestamp(on) - born).dt.days / 365.25


def _network(suspects: pd.DataFrame, ties: pd.DataFrame) -> nx.Graph:
    g = nx.Graph()
    g.add_edges_from(zip(ties["start"], ties["end"], strict=True))
    for group in suspects.groupby("end")["start"]:
        people = sorted(set(group[1]))
        for i, a in enumerate(people[:-1]):
            g.add_edges_from((a, b) for b in people[i + 1 :])
    g.remove_edges_from(nx.selfloop_edges(g))
    return g


def _lcc_left(g: nx.Graph, removed: list[str]) -> float:
    h = g.copy()
    h.remove_nodes_from(removed)
    return max((len(c) for c in nx.connected_components(h)), default=0) / g.number_of_nodes()


def _paths(lcc: nx.Graph) -> tuple[float, float]:
    nodes = sorted(lcc)
    if len(nodes) > 2 * _SAMPLE:
        import random

        nodes = random.Random(7).sample(nodes, _SAMPLE)
    total = count = longest = 0
    for source in nodes:
        lengths = nx.single_source_shortest_path_length(lcc, source)
        total += sum(lengths.values())
        count += len(lengths) - 1
        longest = max(longest, max(lengths.values()))
    return (total / count if count else 0.0), float(longest)


def _network_measures(g: nx.Graph, members: pd.DataFrame) -> dict[str, float]:
    out: dict[str, float] = {}
    degrees = [d for _, d in g.degree()]
    out["hub_ratio"] = max(degrees) / (sum(degrees) / len(degrees)) if degrees else 0.0
    out["assortativity"] = nx.degree_assortativity_coefficient(g) if g.number_of_edges() else 0.0
    # Integer labels in id order, nodes and edges added sorted: set iteration over strings varies
    # with Python's hash seed, and Louvain's result depends on insertion order.
    lcc = nx.Graph()
    if len(g):
        biggest = max(nx.connected_components(g), key=lambda c: (len(c), min(c)))
        index = {n: i for i, n in enumerate(sorted(biggest))}
        lcc.add_nodes_from(range(len(index)))
        pairs = ((index[a], index[b]) for a, b in g.edges(biggest))
        lcc.add_edges_from(sorted((min(p), max(p)) for p in pairs))
    out["lcc_mean_path"], out["lcc_diameter"] = _paths(lcc) if len(lcc) > 1 else (0.0, 0.0)
    communities = nx.community.louvain_communities(lcc, seed=7) if len(lcc) > 1 else []
    out["modularity"] = nx.community.modularity(lcc, communities) if communities else 0.0
    by_ocg = members.groupby("end")["start"].apply(set)
    densities = []
    ocg_of: dict[str, set[str]] = {}
    for ocg, people in by_ocg.items():
        for p in people:
            ocg_of.setdefault(p, set()).add(str(ocg))
        around = set(p for p in people if p in g)
        for p in list(around):
            around |= set(g[p])
        if len(around) > 1:
            densities.append(nx.density(g.subgraph(around)))
    out["ocg_density"] = float(pd.Series(densities).median()) if densities else 0.0
    brokers = 0
    for person in g:
        if person in ocg_of:
            continue
        reached = set().union(*(ocg_of.get(n, set()) for n in g[person]))
        brokers += len(reached) >= 2
    out["brokers_per_ocg"] = brokers / max(1, len(by_ocg))
    k = min(len(lcc), _SAMPLE) if len(lcc) > 2 * _SAMPLE else None
    between = nx.betweenness_centrality(lcc, k=k, seed=7) if len(lcc) > 2 else {}
    top_degree = [n for n, _ in sorted(lcc.degree(), key=lambda x: (-x[1], x[0]))[:5]]
    top_between = sorted(between, key=lambda n: (-between[n], n))[:5]
    if len(lcc) > 5:
        out["removal_gap"] = abs(_lcc_left(lcc, top_degree) - _lcc_left(lcc, top_between))
    else:
        out["removal_gap"] = 0.0
    return out


def profile_force(root: Path) -> list[Measure]:
    """Compute every calibration measure on the generated force in `root`."""
    root = Path(root)
    manifest_path = root / "manifest.json"
    if not manifest_path.is_file():
        raise ConfigError(f"{root} has no manifest.json: not a generated force folder")
    for needed in ("nodes/Person.csv", "nodes/Offence.csv", "relationships/SUSPECT_IN.csv"):
        if not (root / needed).is_file():
            raise ConfigError(f"{root} has no {needed}: not a generated force folder")
    as_of = date.fromisoformat(json.loads(manifest_path.read_text(encoding="utf-8"))["as_of"])
    people = _csv(root, "nodes/Person.csv")
    offences = _csv(root, "nodes/Offence.csv")
    suspects = _rels(root, "SUSPECT_IN")
    victims = _rels(root, "VICTIM_IN")
    ties = _rels(root, "ASSOCIATES_WITH")
    members = _rels(root, "MEMBER_OF")
    v: dict[str, float] = {}

    g = _network(suspects, ties)
    v.update(_network_measures(g, members))
    offenders = set(suspects["start"])
    v["isolated_offenders"] = sum(1 for p in offenders if p not in g) / max(1, len(offenders))

    per_offence = suspects.groupby("end").size()
    v["co_offending"] = float((per_offence >= 2).mean())
    v["max_group"] = float(per_offence.max())
    counted = offences[offences["offence_type"] != "FRAUD"]["offence_type"]
    v["violence_share"] = float(counted.isin(_VIOLENCE).mean())
    v["sexual_share"] = float(counted.isin(_SEXUAL).mean())
    v["burglary_share"] = float(counted.isin(_BURGLARY).mean())
    harm = {k: w.cchi_days for k, w in load_reference().harm_weights.items()}
    reported = offences[offences["detection"] != "PROACTIVE"]
    days = reported["offence_type"].map(harm).fillna(0.0)
    lead = reported["offence_type"].isin(_VIOLENCE | _SEXUAL)
    v["harm_violence_sexual"] = float(days[lead].sum() / days.sum()) if days.sum() else 0.0
    v["business_victims"] = float((offences["business_victim"] != "").mean())

    per_offender = suspects.groupby("start").size()
    v["one_off_offenders"] = float((per_offender == 1).mean())
    da_ids = set(offences.loc[offences["domestic_abuse"] == "true", "id"])
    window = as_of.toordinal() - 1095
    committed = dict(zip(offences["id"], offences["committed_on"], strict=True))
    recent = {o for o in da_ids if date.fromisoformat(committed[o]).toordinal() >= window}
    da_victims = victims[victims["end"].isin(recent)].groupby("end")["start"].apply(set)
    perp_victims: dict[str, set[str]] = {}
    for perp, oid in zip(suspects["start"], suspects["end"], strict=True):
        if oid in recent:
            perp_victims.setdefault(perp, set()).update(da_victims.get(oid, set()))
    serial = [len(vs) >= 2 for vs in perp_victims.values()]
    v["da_serial"] = sum(serial) / max(1, len(serial))
    non_da = victims[~victims["end"].isin(da_ids)].groupby("start").size()
    v["repeat_victims"] = float((non_da >= 2).mean()) if len(non_da) else 0.0

    episodes = _csv(root, "nodes/IomEpisode.csv")
    open_eps = set(episodes.loc[episodes["end_on"] == "", "id"])
    in_ep = _rels(root, "IN_EPISODE")
    nominals = set(in_ep.loc[in_ep["end"].isin(open_eps), "start"])
    dob = dict(zip(people["id"], people["date_of_birth"], strict=True))
    ages = _age(pd.Series([dob[p] for p in sorted(nominals)], dtype=str), as_of)
    v["cohort_median_age"] = float(ages.median()) if len(ages) else 0.0
    ages = _age(pd.Series([dob[p] for p in sorted(offenders)], dtype=str), as_of)
    v["offender_median_age"] = float(ages.median()) if len(ages) else 0.0
    used = set(suspects.get("outcome", pd.Series(dtype=str))) - {""}
    v["outcome_types"] = float(len(used & set(MODEL.vocabularies["OffenceOutcome"].values)))

    spells = _csv(root, "nodes/CustodySpell.csv")
    held = _rels(root, "IN_CUSTODY")
    today = as_of.isoformat()
    spells = spells.rename(columns={"id": "spell", "start": "spell_start"})
    spell_of = held.rename(columns={"start": "person", "end": "spell"}).merge(spells, on="spell")
    inside = set(spell_of.loc[spell_of["released_on"] == "", "person"])
    v["nominals_in_custody"] = len(nominals & inside) / max(1, len(nominals))
    days_of = suspects.rename(columns={"start": "person"}).merge(
        offences[["id", "committed_on"]], left_on="end", right_on="id"
    )
    clash = days_of.merge(spell_of[["person", "spell_start", "released_on"]], on="person")
    if len(clash):
        end = clash["released_on"].where(clash["released_on"] != "", today)
        on = clash["committed_on"]
        v["custody_overlaps"] = float(((on >= clash["spell_start"]) & (on <= end)).sum())
    else:
        v["custody_overlaps"] = 0.0

    related = _rels(root, "RELATED_TO")
    member_ids = set(members["start"])
    kin = related[related["relation"].isin(["SIBLING", "COUSIN"]) & related["end"].isin(member_ids)]
    young = {
        p
        for p in set(kin["start"]) - member_ids
        if dob.get(p) and 10 <= float(_age(pd.Series([dob[p]]), as_of).iloc[0]) < 18
    }
    referred = set(_rels(root, "REFERS")["end"])
    v["young_relatives_referred"] = len(young & referred) / max(1, len(young))
    reviews = _csv(root, "nodes/Review.csv")
    due = reviews[reviews["due_on"] <= today]
    late_cut = [(date.fromisoformat(d).toordinal() + 7) for d in due["due_on"]]
    held_days = [date.fromisoformat(h).toordinal() if h else None for h in due["held_on"]]
    bad = sum(h is None or h > cut for h, cut in zip(held_days, late_cut, strict=True))
    v["reviews_missed_or_late"] = bad / max(1, len(due))

    return [Measure(t, round(float(v.get(t.measure, float("nan"))), 3)) for t in load_targets()]


def profile_table(measures: list[Measure]) -> str:
    """The measures as a Markdown table: measure, target, value, within."""
    lines = ["| measure | target | value | within |", "|---|---|---:|---|"]
    for m in measures:
        t = m.target
        target = f"{t.low:g}" if t.low == t.high else f"{t.low:g} to {t.high:g}"
        lines.append(
            f"| {t.measure}: {t.description} | {target} | {m.value:g} | "
            f"{'yes' if m.within else 'NO'} |"
        )
    return "\n".join(lines)
