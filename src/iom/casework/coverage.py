"""Pathway coverage across the cohort: needs by pathway and status, partner capacity, unmet needs.

A person's *current* need on a pathway is the newest dated assessment under their open plan,
or, before any, the imported `HAS_NEED` (shown as "not assessed"). Rules, shown with results:

- a need is *open* while its status is not started, in progress or support required (or not
  assessed);
- a need is *unmet* when it is open, not in progress, and the plan has no action on that
  pathway other than declined ones;
- a pathway is *over capacity* in a hub when its open needs exceed the places partners based
  there declare on it (`OFFERS {capacity}`).

Unmet needs are listed with the person's cohort score now and 13 weeks ago, rising first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from iom.casework import checks, directory
from iom.casework.changes import keep
from iom.dates import precise_now
from iom.errors import InvalidInput
from iom.model import MODEL, person_name, vocab_label
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "NOT_ASSESSED",
    "OPEN_NEED",
    "RULE",
    "Coverage",
    "declare_capacity",
    "pathway_coverage",
]

NOT_ASSESSED = "NOT_ASSESSED"
OPEN_NEED = ("NOT_STARTED", "IN_PROGRESS", "SUPPORT_REQUIRED", NOT_ASSESSED)
SCORE_LOOKBACK = timedelta(weeks=13)
RULE = (
    "Open need: not started, in progress, support required or not yet assessed. Unmet: open, "
    "not in progress, and no action on the pathway except declined ones. Over capacity: open "
    "needs in the hub exceed the places its partners declare on the pathway. Rising: cohort "
    "score now minus 13 weeks ago, above zero."
)


@dataclass
class Coverage:
    """The heat-map (pathway x status counts), capacity per pathway and the unmet needs."""

    hub_id: str | None
    statuses: list[str]
    rows: list[dict[str, Any]]
    unmet: list[dict[str, Any]]
    rule: str = RULE
    capacity: list[dict[str, Any]] = field(default_factory=list)


def _current(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The current need per (plan, pathway): newest assessment, else the imported need."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in sorted(
        rows, key=lambda r: (r["source"] == "assessment", r.get("assessed_on") or "")
    ):
        out[(row["plan_id"], row["pathway"])] = {
            **row,
            "status": row.get("status") or NOT_ASSESSED,
        }
    return out


def _scores(store: Store, actor: Actor, as_of: date) -> dict[str, tuple[float, float]]:
    """Cohort score now and 13 weeks ago, per person (0 when not ranked)."""
    from iom.cohort import rank_people  # pandas loads only when needed

    now_frame = rank_people(store, actor, as_of=as_of).best()
    then_frame = rank_people(store, actor, as_of=as_of - SCORE_LOOKBACK).best()
    then = dict(zip(then_frame["id"], then_frame["score"], strict=True)) if len(then_frame) else {}
    out: dict[str, tuple[float, float]] = {}
    if len(now_frame):
        for pid, score in zip(now_frame["id"], now_frame["score"], strict=True):
            out[str(pid)] = (float(score), float(then.get(pid, 0.0)))
    for pid, score in then.items():
        out.setdefault(str(pid), (0.0, float(score)))
    return out


def pathway_coverage(
    store: Store,
    actor: Actor,
    *,
    hub_id: str | None = None,
    as_of: date | None = None,
    with_scores: bool = True,
) -> Coverage:
    """Needs by pathway and status (one hub or all), capacity, and unmet needs. Audited."""
    day = as_of or checks.today()
    needs = _current(store.read("casework/open_plan_needs"))
    if hub_id:
        needs = {k: v for k, v in needs.items() if v.get("hub_id") == hub_id.strip()}
    acted: set[tuple[str, str]] = {
        (r["plan_id"], r["pathway"])
        for r in store.read("casework/open_plan_action_pathways")
        if r.get("status") != "DECLINED"
    }
    capacity_rows = store.read("casework/partner_capacity")
    if hub_id:
        capacity_rows = [r for r in capacity_rows if r.get("hub_id") == hub_id.strip()]
    places: dict[str, int] = {}
    for row in capacity_rows:
        places[row["pathway"]] = places.get(row["pathway"], 0) + int(row["capacity"] or 0)
    statuses = [*MODEL.vocabularies["ActionStatus"].values, NOT_ASSESSED]
    rows = []
    for code in MODEL.vocabularies["Pathway"].values:
        counts = dict.fromkeys(statuses, 0)
        for (_, pathway), need in needs.items():
            if pathway == code:
                counts[need["status"]] += 1
        open_needs = sum(counts[s] for s in OPEN_NEED)
        declared = places.get(code)
        rows.append(
            {
                "pathway": code,
                "label": vocab_label("Pathway", code),
                **counts,
                "open_needs": open_needs,
                "capacity": declared,
                "over_capacity": declared is not None and open_needs > declared,
                "no_capacity": declared is None and open_needs > 0,
            }
        )
    unmet = [
        dict(need)
        for key, need in needs.items()
        if need["status"] in OPEN_NEED and need["status"] != "IN_PROGRESS" and key not in acted
    ]
    scores = _scores(store, actor, day) if with_scores and unmet else {}
    for need in unmet:
        score, before = scores.get(need["person_id"], (0.0, 0.0))
        need.update(
            person_name=person_name(need),
            score=round(score, 1),
            score_13_weeks_ago=round(before, 1),
            score_change=round(score - before, 1),
            rising=score - before > 0,
        )
    unmet.sort(key=lambda n: (not n["rising"], -n["score_change"], -n["score"], n["person_id"]))
    people = sorted({n["person_id"] for n in needs.values()})
    if people:
        audit.record(store, actor, "CONSULTATION", people, "pathway coverage and unmet needs")
    return Coverage(hub_id, statuses, rows, unmet, capacity=capacity_rows)


def declare_capacity(
    store: Store,
    actor: Actor,
    partner_id: str,
    pathway: str,
    capacity: int | str,
    *,
    declared_on: str | date | None = None,
) -> dict[str, Any]:
    """Declare how many people a partner can take at once on a pathway; the change is kept."""
    partner = checks.text("partner", partner_id)
    code = checks.pathway_code(pathway)
    try:
        places = int(capacity)
    except (TypeError, ValueError):
        raise InvalidInput("capacity", f"{capacity!r} is not a whole number") from None
    if places < 0:
        raise InvalidInput("capacity", "cannot be negative")
    day = checks.optional_day("declared_on", declared_on) or checks.today()
    found = directory.find_partner(store, partner)
    with store.transaction() as tx:
        rows = tx.write(
            "casework/declare_capacity",
            {
                "partner_id": partner,
                "pathway": code,
                "name": vocab_label("Pathway", code),
                "capacity": places,
                "declared_on": day.isoformat(),
            },
        )
        before = rows[0]["before"] if rows else None
        keep(
            tx,
            actor,
            precise_now(),
            "OFFERS",
            f"{partner}->{code}",
            {"capacity": before},
            {"capacity": places},
        )
    return {
        "partner_id": partner,
        "partner_name": found["name"],
        "pathway": code,
        "capacity": places,
        "before": before,
    }
