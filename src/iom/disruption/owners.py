"""Plan owners: a ranked suggestion of lead responsible officers for an OCG, and the assignment.

The seed documents: OCGs are given "the most appropriate plan owner based on location and
type of activity". Each candidate's points are shown with the rule: area match, activity
match (a declared specialism or OCGs of the same threat owned now), and spare capacity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from iom.disruption.common import config, new_id, parse_day, raise_problems
from iom.errors import RecordNotFound
from iom.model import vocab_label
from iom.reference import Reference
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["OwnerSuggestion", "assign_owner", "suggest_owners"]


@dataclass(frozen=True)
class OwnerSuggestion:
    """One candidate plan owner, the points for each reason, and the reason in words."""

    officer_id: str
    name: str
    rank: str | None
    points: float
    parts: dict[str, float]
    load: int
    capacity: int
    reason: str
    current: bool


def _ocg(store: Store, ocg_id: str) -> dict[str, Any]:
    for row in store.read("disruption/ocgs"):
        if row["id"] == ocg_id:
            return row
    raise RecordNotFound(f"no OCG with id {ocg_id!r}")


def suggest_owners(
    store: Store, actor: Actor, ocg_id: str, *, reference: Reference, limit: int = 5
) -> tuple[list[OwnerSuggestion], str]:
    """Candidates ranked by points (ties: lighter load, then id), and the rule. Audited."""
    rules = config(reference, "owners")
    ocg = _ocg(store, ocg_id)
    threat, areas = ocg["threat"], set(ocg.get("areas") or [])
    current = {o["id"] for o in ocg.get("owners") or [] if o.get("id")}
    roles = set(rules.get("roles") or ["PLAN_OWNER"])
    out = []
    for o in store.read("disruption/officers"):
        if o.get("role") not in roles:
            continue
        owned = [g for g in o.get("owned") or [] if g.get("id") and g.get("status") != "ARCHIVED"]
        load = len([g for g in owned if g["id"] != ocg_id])
        capacity = int(o.get("caseload_capacity") or rules.get("default_capacity", 4))
        in_area = sorted(areas & set(o.get("areas") or []))
        ever = [g for g in o.get("owned") or [] if g.get("id") and g["id"] != ocg_id]
        same = [g["id"] for g in ever if g.get("threat") == threat]
        parts = {
            "area": float(rules["area_points"]) if in_area else 0.0,
            "activity": float(rules["activity_points"]) if same else 0.0,
            "spare_capacity": float(rules["spare_capacity_points"]) * max(0, capacity - load),
        }
        why = []
        why.append(f"based in {', '.join(in_area)}" if in_area else "not based in the OCG's area")
        if same:
            label = vocab_label("SocThreat", threat).lower()
            why.append(f"owns {len(same)} other {label} OCG(s) (live or archived)")
        else:
            why.append("no record of this activity")
        why.append(f"owns {load} of {capacity}")
        out.append(
            OwnerSuggestion(
                o["id"],
                o["name"],
                o.get("rank"),
                round(sum(parts.values()), 2),
                parts,
                load,
                capacity,
                "; ".join(why),
                o["id"] in current,
            )
        )
    out.sort(key=lambda s: (-s.points, s.load, s.officer_id))
    rule = (
        f"points = {rules['area_points']:g} if based in an area the OCG operates in "
        f"+ {rules['activity_points']:g} if the officer owns (or owned, now archived) OCGs of "
        f"the same threat + {rules['spare_capacity_points']:g} per free place under capacity "
        f"(load = live OCGs owned); candidates: officers in role {', '.join(sorted(roles))}"
    )
    audit.record(store, actor, "CONSULTATION", [ocg_id], "plan owner suggestions")
    return out[:limit], rule


def assign_owner(
    store: Store,
    actor: Actor,
    ocg_id: str,
    officer_id: str,
    *,
    reason: str,
    on: date | str | None = None,
) -> list[str]:
    """Record an officer as the OCG's owner (and its open 4P plans'); returns the replaced."""
    problems: list[str] = []
    if not reason.strip():
        problems.append("reason: say why this officer (e.g. the suggestion's reason)")
    day = parse_day(on, "date", problems) or date.today()
    raise_problems("owner assignment", problems)
    _ocg(store, ocg_id)
    if not store.read("disruption/existing", {"ids": [officer_id]}, slots={"Label": "Officer"}):
        raise RecordNotFound(f"no officer with id {officer_id!r}")
    with store.transaction() as tx:
        rows = tx.write(
            "disruption/assign_owner",
            {
                "ocg": ocg_id,
                "officer": officer_id,
                "id": new_id("OWN"),
                "assigned_on": day.isoformat(),
                "reason": reason.strip(),
                "assigned_by": actor.user,
            },
        )
        tx.write("disruption/assign_plan_owner", {"ocg": ocg_id, "officer": officer_id})
        previous = [p for p in (rows[0]["previous"] if rows else []) if p]
        audit.record(
            tx,
            actor,
            "ALTERATION",
            [ocg_id],
            f"plan owner of {ocg_id}: {officer_id} (was {', '.join(previous) or 'none'}); "
            f"{reason.strip()}",
        )
    return previous
