"""What the panel sees of an OCG's network: its key players, and a what-if.

The what-if takes the people a proposed tactic would remove (arrest, remand, relocation)
out of the OCG's network (the network package's projection, 2 hops around its members) and
measures what is left: right after, after the network re-forms for `steps` steps (triadic
closure and preferential attachment, seeded), and beside removing as many people by
betweenness. Next to it, the ledger's record of what similar disruptions achieved: the
tactic history against OCGs of the same threat (`suggest_tactics`). Plain values only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from iom.disruption.common import DisruptionInputError
from iom.disruption.tactics import suggest_tactics
from iom.errors import RecordNotFound
from iom.model import vocab_label
from iom.network.analyses import store_key_players
from iom.network.attack import attack, remove_people
from iom.network.keyplayers import KeyPlayer
from iom.network.projection import DEFAULT_HOPS, Projection
from iom.network.recovery import DEFAULT_STEPS, recover
from iom.reference import Reference
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "KEY_CENTRALITY",
    "KEY_PLAYERS",
    "MEASURES",
    "OcgNetwork",
    "WhatIf",
    "key_rule",
    "ocg_network",
    "ocg_whatif",
]

KEY_CENTRALITY = "betweenness"
KEY_PLAYERS = 5
MEASURES = (
    ("lcc_size", "Largest connected group (people)"),
    ("lcc_fraction", "Largest group / intact largest group"),
    ("components", "Separate groups"),
    ("isolates", "People left with no tie"),
    ("efficiency", "Global efficiency"),
)


def key_rule(top: int = KEY_PLAYERS) -> str:
    """How key players are chosen, in words."""
    return (
        f"top {top} by {KEY_CENTRALITY} in the OCG's {DEFAULT_HOPS}-hop network: who lies on "
        "the shortest paths between others; nobody with 0"
    )


@dataclass(frozen=True)
class OcgNetwork:
    """An OCG's network (for drawing) and its key players as plain rows."""

    projection: Projection
    key_players: list[dict[str, Any]]
    rule: str

    @property
    def ranks(self) -> dict[str, int]:
        """Key player id -> rank (for marking them in a picture)."""
        return {k["id"]: k["rank"] for k in self.key_players}


def _rows(proj: Projection, players: list[KeyPlayer]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in players:
        value = p.values[KEY_CENTRALITY]
        if value <= 0:
            continue
        out.append(
            {
                "rank": len(out) + 1,
                "id": str(p.id),
                "name": p.name,
                "role": proj.role_of(str(p.id)) or "not a member of an OCG",
                KEY_CENTRALITY: round(value, 3),
                "reason": p.reason,
            }
        )
    return out


def _check_ocg(store: Store, ocg_id: str) -> dict[str, Any]:
    found = store.read("disruption/ocg", {"ocg": ocg_id})
    if not found:
        raise RecordNotFound(f"no OCG with id {ocg_id!r}")
    return found[0]["details"]


def ocg_network(
    store: Store,
    actor: Actor,
    ocg_id: str,
    *,
    top: int = KEY_PLAYERS,
    ties: Sequence[str] | str | None = None,
) -> OcgNetwork:
    """The OCG's 2-hop network and its key players (betweenness > 0), ranked. Audited."""
    _check_ocg(store, ocg_id)
    proj, players = store_key_players(
        store, actor, KEY_CENTRALITY, top, ocg=ocg_id, hops=DEFAULT_HOPS, ties=ties
    )
    return OcgNetwork(proj, _rows(proj, players), key_rule(top))


@dataclass(frozen=True)
class WhatIf:
    """The predicted effect of removing people from an OCG's network, and the ledger's record."""

    ocg_id: str
    ocg_name: str
    threat_label: str
    scope: str
    people: int
    ties: int
    removed: list[dict[str, Any]]
    key_players: list[dict[str, Any]]
    key_rule: str
    measures: list[dict[str, Any]]
    steps: int
    seed: int
    summary: str
    tactic: dict[str, Any] | None
    history: list[dict[str, Any]] = field(default_factory=list)
    history_rule: str = ""

    @property
    def removed_ids(self) -> list[str]:
        """The ids removed, in the order given."""
        return [r["id"] for r in self.removed]


def _value(value: Any) -> Any:
    return round(value, 3) if isinstance(value, float) else value


def ocg_whatif(
    store: Store,
    actor: Actor,
    ocg_id: str,
    remove: Sequence[str],
    *,
    reference: Reference,
    tactic_id: str | None = None,
    steps: int = DEFAULT_STEPS,
    seed: int = 0,
    top: int = KEY_PLAYERS,
) -> WhatIf:
    """Remove `remove` from the OCG's network: measures before, after, after recovery; and
    what the tactic (or every tactic tried) achieved against same-threat OCGs. Audited."""
    details = _check_ocg(store, ocg_id)
    wanted = list(dict.fromkeys(r.strip() for r in remove if r and r.strip()))
    if not wanted:
        raise DisruptionInputError(
            "what-if: --remove: name at least one person the tactic would remove"
        )
    if steps < 0:
        raise DisruptionInputError("what-if: --steps: must be 0 or more")
    suggestions, history_rule, _advice = suggest_tactics(store, actor, ocg_id, reference=reference)
    tactic = None
    if tactic_id:
        chosen = [s for s in suggestions if s.tactic_id == tactic_id]
        if not chosen:
            raise DisruptionInputError(f"what-if: --tactic: no tactic with id {tactic_id!r}")
        suggestions = chosen
        tactic = {
            "id": chosen[0].tactic_id,
            "name": chosen[0].name,
            "area": vocab_label("TacticArea", chosen[0].tactic_area),
        }
    else:
        suggestions = [s for s in suggestions if s.tries]
    net = ocg_network(store, actor, ocg_id, top=top)
    graph, names = net.projection.graph, net.projection.names()
    missing = [r for r in wanted if r not in graph]
    if missing:
        raise DisruptionInputError(
            f"what-if: --remove: {', '.join(missing)} not in the network of {net.projection.scope}"
        )
    chosen_curve = remove_people(graph, wanted)
    rec = recover(graph, wanted, steps, seed=seed)
    top_curve = attack(graph, KEY_CENTRALITY, "sequential", len(wanted))
    before, after, best = chosen_curve.steps[0], chosen_curve.final, top_curve.final
    recovered = dict(rec.after, lcc_fraction=rec.lcc_fraction_after)
    measures = [
        {
            "measure": key,
            "label": label,
            "before": _value(getattr(before, key)),
            "after": _value(getattr(after, key)),
            "recovered": _value(recovered.get(key)),
            "by_centrality": _value(getattr(best, key)),
        }
        for key, label in MEASURES
    ]
    by = ", ".join(names.get(str(n), str(n)) for n in top_curve.removed)
    summary = (
        f"Removing {len(wanted)} of {graph.number_of_nodes()} people leaves a largest group of "
        f"{after.lcc_size} ({after.lcc_fraction:.0%} of {before.lcc_size}) in "
        f"{after.components} separate group(s); after {steps} recovery steps (seed {seed}: "
        f"triadic closure and preferential attachment) it is {rec.after['lcc_size']} "
        f"({rec.lcc_fraction_after:.0%}). Removing the top {len(top_curve.removed)} by "
        f"{KEY_CENTRALITY} instead ({by}) would leave {best.lcc_size} ({best.lcc_fraction:.0%})."
    )
    removed = [
        {"id": r, "name": names.get(r, r), "role": net.projection.role_of(r) or "-"} for r in wanted
    ]
    history = [
        {
            "tactic_id": s.tactic_id,
            "tactic": s.name,
            "area": vocab_label("TacticArea", s.tactic_area),
            "tries": s.tries,
            "worked": s.worked,
            "share": None if s.share is None else round(s.share, 3),
            "record": s.reason,
            "evidence": s.evidence,
        }
        for s in suggestions
    ]
    return WhatIf(
        ocg_id=ocg_id,
        ocg_name=details.get("name") or ocg_id,
        threat_label=vocab_label("SocThreat", details.get("threat")),
        scope=net.projection.scope,
        people=graph.number_of_nodes(),
        ties=graph.number_of_edges(),
        removed=removed,
        key_players=net.key_players,
        key_rule=net.rule,
        measures=measures,
        steps=steps,
        seed=seed,
        summary=summary,
        tactic=tactic,
        history=history,
        history_rule=history_rule,
    )
