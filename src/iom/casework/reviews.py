"""Plan reviews every 4 to 6 weeks, and what is due or overdue per owner and hub.

A review is *overdue* the day after its due date and *due* from `horizon_days` before it up to
and including the due date itself (the force's choice of the seed documents' 4–6-week cadence).

>>> review_state(date(2025, 3, 3), today=date(2025, 3, 3))
'due'
>>> review_state(date(2025, 3, 2), today=date(2025, 3, 3))
'overdue'
>>> next_review(date(2025, 1, 6), 6)
datetime.date(2025, 2, 17)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from iom.casework import checks
from iom.casework.changes import keep
from iom.casework.plans import DEFAULT_INTERVAL_WEEKS, PlanView, _Edit, _plan_row, get_plan
from iom.dates import precise_now
from iom.errors import InvalidInput
from iom.model import person_name
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "DEFAULT_HORIZON_DAYS",
    "WorkItem",
    "next_review",
    "record_review",
    "review_state",
    "work_for_user",
    "work_items",
]

DEFAULT_HORIZON_DAYS = 7


def next_review(last: date, weeks: int | None) -> date:
    """The next review date: the last review (or the plan's opening) plus the interval."""
    return last + timedelta(weeks=int(weeks or DEFAULT_INTERVAL_WEEKS))


def review_state(due: date, *, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> str | None:
    """'overdue' after the due day, 'due' within the horizon up to the due day, else None."""
    if due < today:
        return "overdue"
    if due <= today + timedelta(days=horizon_days):
        return "due"
    return None


@dataclass(frozen=True)
class WorkItem:
    """One review or action that is due or overdue, for one owner."""

    kind: str  # "review" or "action"
    state: str  # "overdue" or "due"
    due_on: str
    days_late: int
    plan_id: str
    title: str
    person_id: str | None
    person_name: str
    owner_id: str | None
    owner_name: str
    owner_kind: str
    hub_id: str | None
    hub_name: str
    record_id: str
    description: str
    pathway: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain values (for tables and JSON)."""
        return dict(self.__dict__)


def _items(store: Store, today: date, horizon_days: int) -> list[WorkItem]:
    items: list[WorkItem] = []
    seen: set[tuple[str, str]] = set()
    for kind, query, key in (
        ("review", "casework/open_reviews", "plan_id"),
        ("action", "casework/open_actions", "action_id"),
    ):
        for row in store.read(query):
            due = date.fromisoformat(row["due_on"])
            state = review_state(due, today=today, horizon_days=horizon_days)
            if state is None or (kind, row[key]) in seen:
                continue
            seen.add((kind, row[key]))
            review = kind == "review"
            items.append(
                WorkItem(
                    kind=kind,
                    state=state,
                    due_on=row["due_on"],
                    days_late=max(0, (today - due).days),
                    plan_id=row["plan_id"],
                    title=row.get("title") or "",
                    person_id=row.get("person_id"),
                    person_name=person_name(row),
                    owner_id=row.get("owner_id"),
                    owner_name=row.get("owner_name") or "no owner",
                    owner_kind="Officer" if review else row.get("owner_kind") or "",
                    hub_id=row.get("hub_id"),
                    hub_name=row.get("hub_name") or "",
                    record_id=row[key],
                    description="plan review" if review else row.get("description") or "",
                    pathway=None if review else row.get("pathway"),
                )
            )
    items.sort(key=lambda i: (i.state != "overdue", i.due_on, i.kind, i.record_id))
    return items


def work_items(
    store: Store,
    actor: Actor,
    *,
    today: date | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    owner_id: str | None = None,
    hub_id: str | None = None,
) -> list[WorkItem]:
    """Due and overdue reviews and actions, overdue first; one owner's or hub's. Audited."""
    if not 0 <= horizon_days <= 90:
        raise InvalidInput("horizon_days", "must be between 0 and 90")
    day = today or checks.today()
    items = _items(store, day, horizon_days)
    if owner_id:
        items = [i for i in items if i.owner_id == owner_id.strip()]
    if hub_id:
        items = [i for i in items if i.hub_id == hub_id.strip()]
    people = sorted({i.person_id for i in items if i.person_id})
    if people:
        audit.record(
            store, actor, "CONSULTATION", people, f"due and overdue work ({len(items)} items)"
        )
    return items


def work_for_user(
    store: Store,
    actor: Actor,
    *,
    today: date | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
) -> tuple[list[str], list[WorkItem], list[WorkItem]]:
    """The acting user's officer ids, their own due/overdue items, then everyone else's."""
    mine = [r["id"] for r in store.read("casework/officer_for_user", {"user_name": actor.user})]
    items = work_items(store, actor, today=today, horizon_days=horizon_days)
    own = [i for i in items if i.owner_id in mine]
    return mine, own, [i for i in items if i.owner_id not in mine]


def record_review(
    store: Store,
    actor: Actor,
    plan_id: str,
    version: int,
    *,
    notes: str,
    decisions: str = "",
    outcome: str = "CONTINUE",
    held_on: str | date | None = None,
) -> PlanView:
    """Record a review held by the acting supervisor; the next review is the interval after it."""
    plan = _plan_row(store, checks.text("plan", plan_id))
    text = checks.text("notes", notes)
    decided = checks.text("decisions", decisions, required=False)
    result = checks.code("outcome", "ReviewOutcome", outcome)
    held = checks.optional_day("held_on", held_on) or checks.today()
    if held > checks.today():
        raise InvalidInput("held_on", f"{held.isoformat()} is in the future")
    if plan.get("status") != "OPEN":
        raise InvalidInput("plan", f"plan {plan['id']} is closed")
    review_id = f"REV-{uuid.uuid4().hex[:10].upper()}"
    changes: dict[str, Any] = {
        "next_review_due": next_review(held, plan.get("review_interval_weeks")).isoformat()
    }
    if result == "CLOSE":
        changes.update(status="CLOSED", closed_on=held.isoformat(), next_review_due=None)
    before = {k: plan.get(k) for k in changes}
    with _Edit(store, actor, plan, version, f"review {review_id} recorded ({result})") as tx:
        tx.write(
            "casework/create_review",
            {
                "plan_id": plan["id"],
                "id": review_id,
                "due_on": plan.get("next_review_due") or held.isoformat(),
                "held_on": held.isoformat(),
                "outcome": result,
                "notes": text,
                "decisions": decided,
                "reviewed_by": actor.user,
            },
        )
        tx.write("casework/link_reviewer", {"id": review_id, "user_name": actor.user})
        tx.write("casework/update_plan", {"id": plan["id"], "props": changes})
        keep(
            tx,
            actor,
            precise_now(),
            "Review",
            review_id,
            {},
            {"held_on": held.isoformat(), "outcome": result},
        )
        keep(tx, actor, precise_now(), "Plan", plan["id"], before, changes)
    return get_plan(store, actor, plan["id"])
