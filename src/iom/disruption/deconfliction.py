"""IOM–OCG deconfliction: for IOM nominals who are OCG members, the IOM plan and the 4P plans
side by side, with conflicts flagged.

Rules (window and enforcement words in `ocg_disruption.yaml`):
- two owners tasking the same person in the same fortnight: an open IOM plan action and an
  open 4P action aimed at the person, owned by different officers or partners, due fewer
  than `window_days` apart;
- enforcement against an address the IOM plan relies on: an open Pursue 4P action (or one
  whose wording names enforcement) aimed at a household where the person lives on its due
  date, while the IOM plan has an open accommodation action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iom.dates import parse_date
from iom.disruption.common import config
from iom.disruption.plans import CLOSED_STATUSES
from iom.model import person_name
from iom.reference import Reference
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["Conflict", "Deconfliction", "deconflict"]


@dataclass(frozen=True)
class Conflict:
    """One flagged conflict and the rule that found it."""

    rule: str
    iom_action: str
    ocg_action: str
    detail: str


@dataclass
class Deconfliction:
    """One person's IOM plan and 4P actions side by side, with the conflicts."""

    person_id: str
    name: str
    ocgs: list[dict[str, Any]]
    iom_actions: list[dict[str, Any]]
    ocg_actions: list[dict[str, Any]]
    conflicts: list[Conflict] = field(default_factory=list)


def _open(action: dict[str, Any]) -> bool:
    return action.get("status") not in CLOSED_STATUSES


def _lives_there(home: dict[str, Any], day: date | None) -> bool:
    start, end = parse_date(home.get("from_on")), parse_date(home.get("to_on"))
    if day is None:
        return end is None
    return (start is None or start <= day) and (end is None or end >= day)


def deconflict(
    store: Store, actor: Actor, *, reference: Reference, person_id: str | None = None
) -> list[Deconfliction]:
    """IOM nominals who are OCG members, their plans side by side and conflicts. Audited."""
    rules = config(reference, "deconfliction")
    window = int(rules.get("window_days", 14))
    words = [str(w).lower() for w in rules.get("enforcement_words") or []]
    plan_actions = store.read("disruption/plan_actions")
    out = []
    for person in store.read("disruption/dual_people", {"person": person_id}):
        pid = person["id"]
        ocg_ids = {g["id"] for g in person["ocgs"]}
        homes = store.read("disruption/homes", {"person": pid})
        home_ids = {h["id"] for h in homes}
        iom = store.read("disruption/iom_actions", {"person": pid})
        aimed = []
        for a in plan_actions:
            target_ids = {t["id"] for t in a.get("targets") or [] if t.get("id")}
            if a["ocg_id"] in ocg_ids and (pid in target_ids or target_ids & home_ids):
                aimed.append(
                    {
                        **a,
                        "at_person": pid in target_ids,
                        "households": sorted(target_ids & home_ids),
                    }
                )
        found = Deconfliction(
            pid,
            person_name(person),
            person["ocgs"],
            iom,
            aimed,
        )
        for o in (a for a in aimed if _open(a) and a["at_person"]):
            for i in (a for a in iom if _open(a)):
                di, do = parse_date(i.get("due_on")), parse_date(o.get("due_on"))
                if not (di and do) or i.get("owner_id") == o.get("owner_id"):
                    continue
                gap = abs((di - do).days)
                if gap < window:
                    found.conflicts.append(
                        Conflict(
                            "two owners, same person, same fortnight",
                            i["action_id"],
                            o["action_id"],
                            f"{i.get('owner_name') or i.get('owner_id')} (IOM, due {di}) and "
                            f"{o.get('owner_name') or o.get('owner_id')} (4P, due {do}) "
                            f"are {gap} day(s) apart",
                        )
                    )
        housing = [a for a in iom if _open(a) and a.get("pathway") == "ACCOMMODATION"]
        for o in (a for a in aimed if _open(a) and a["households"]):
            wording = (o.get("description") or "").lower()
            enforcement = o.get("four_p") == "PURSUE" or any(w in wording for w in words)
            due = parse_date(o.get("due_on"))
            lived = [h for h in homes if h["id"] in o["households"] and _lives_there(h, due)]
            if enforcement and lived and housing:
                for i in housing:
                    found.conflicts.append(
                        Conflict(
                            "enforcement at an address the IOM plan relies on",
                            i["action_id"],
                            o["action_id"],
                            f"{o.get('description')} at {lived[0]['address']} while "
                            f"{i.get('description')} is open",
                        )
                    )
        out.append(found)
    audit.record(store, actor, "COMBINATION", [d.person_id for d in out], "IOM–OCG deconfliction")
    return out
