"""Offender plans: one per nominal, opened, read, edited under a version, with their history.

Needs (`needs.assess_need`) and actions (`actions`) are edited through `_Edit` here.

Every change is kept as a `Change` (who, when, before -> after). Each edit names the plan
version it started from; if someone else saved the plan since, the edit is refused with a
conflict message and nothing is written (optimistic concurrency).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from iom.casework import checks, directory
from iom.casework.changes import keep
from iom.dates import precise_now
from iom.errors import EditConflict, InvalidInput, RecordNotFound
from iom.model import person_name
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store, Transaction

__all__ = [
    "DEFAULT_INTERVAL_WEEKS",
    "INTERVAL_WEEKS",
    "PlanView",
    "get_plan",
    "open_plan",
    "plan_history",
    "set_review_interval",
]

DEFAULT_INTERVAL_WEEKS = 6
INTERVAL_WEEKS = (4, 5, 6)


@dataclass
class PlanView:
    """A plan as the Plan page and `iom plan show` present it: plain values only."""

    plan: dict[str, Any]
    needs: list[dict[str, Any]]
    assessments: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    reviews: list[dict[str, Any]]
    legacy_needs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The plan id."""
        return str(self.plan["id"])

    @property
    def version(self) -> int:
        """The version an edit must name (see `EditConflict`)."""
        return int(self.plan.get("version") or 0)


def _plan_row(store: Store | Transaction, plan_id: str) -> dict[str, Any]:
    rows = store.read("casework/plan", {"id": plan_id})
    if not rows:
        raise RecordNotFound(f"no plan with id {plan_id!r}")
    row = dict(rows[0])
    row["person_name"] = person_name(row)
    return row


def _interval(weeks: int | str | None) -> int:
    try:
        value = int(weeks if weeks is not None else DEFAULT_INTERVAL_WEEKS)
    except (TypeError, ValueError):
        raise InvalidInput("review_interval_weeks", f"{weeks!r} is not a whole number") from None
    if value not in INTERVAL_WEEKS:
        raise InvalidInput(
            "review_interval_weeks", f"{value} weeks; reviews are every 4 to 6 weeks"
        )
    return value


def open_plan(
    store: Store,
    actor: Actor,
    person_id: str,
    owner_id: str,
    *,
    title: str | None = None,
    opened_on: str | date | None = None,
    review_interval_weeks: int = DEFAULT_INTERVAL_WEEKS,
) -> PlanView:
    """Open the person's offender plan (one open plan per nominal), owned by an officer."""
    person = checks.text("person", person_id)
    if not store.read("casework/person_by_id", {"id": person}):
        raise InvalidInput("person", f"no person with id {person!r}")
    owner = directory.find_owner(store, owner_id)
    if owner["kind"] != "Officer":
        raise InvalidInput(
            "owner", f"{owner['id']} is a partner agency; a plan is owned by an officer"
        )
    weeks = _interval(review_interval_weeks)
    opened = checks.optional_day("opened_on", opened_on) or checks.today()
    existing = store.read("casework/open_plan_of", {"person_id": person})
    if existing:
        raise InvalidInput("person", f"{person} already has an open plan, {existing[0]['id']}")
    episodes = store.read("casework/person_episodes", {"person_id": person})
    day = opened.isoformat()
    current = [
        e
        for e in episodes
        if (e.get("start_on") or "") <= day and not (e.get("end_on") and e["end_on"] < day)
    ]
    plan_id = f"PLN-{uuid.uuid4().hex[:10].upper()}"
    at = precise_now()
    plan_title = checks.text("title", title, required=False) or "IOM plan"
    due = opened + timedelta(weeks=weeks)
    with store.transaction() as tx:
        tx.write(
            "casework/create_plan",
            {
                "id": plan_id,
                "person_id": person,
                "owner_id": owner["id"],
                "title": plan_title,
                "opened_on": day,
                "next_review_due": due.isoformat(),
                "review_interval_weeks": weeks,
                "at": at,
                "user": actor.user,
            },
        )
        if current:
            tx.write(
                "casework/link_episode",
                {"id": plan_id, "episode_id": current[-1]["id"]},
                slots={"From": "Plan"},
            )
        keep(
            tx,
            actor,
            at,
            "Plan",
            plan_id,
            {},
            {"status": "OPEN", "owner": owner["id"], "next_review_due": due.isoformat()},
        )
        audit.record(tx, actor, "COLLECTION", [person], f"plan {plan_id} opened")
    return get_plan(store, actor, plan_id)


def get_plan(store: Store, actor: Actor, plan_id: str) -> PlanView:
    """A plan with its current needs per pathway, every assessment, actions and reviews. Audited."""
    plan = _plan_row(store, checks.text("plan", plan_id))
    assessments = store.read("casework/plan_assessments", {"id": plan["id"]})
    current: dict[str, dict[str, Any]] = {}
    for row in assessments:  # newest first: the first per pathway is current
        current.setdefault(row["pathway"], {**row, "source": "assessment"})
    legacy = (
        store.read("casework/person_needs", {"person_id": plan["person_id"]})
        if plan.get("person_id")
        else []
    )
    for row in legacy:  # imported HAS_NEED edges stand until a dated assessment replaces them
        current.setdefault(row["pathway"], {**row, "status": None, "source": "imported need"})
    view = PlanView(
        plan=plan,
        needs=sorted(current.values(), key=lambda r: _pathway_order(r["pathway"])),
        assessments=assessments,
        actions=store.read("casework/plan_actions", {"id": plan["id"]}),
        reviews=store.read("casework/plan_reviews", {"id": plan["id"]}),
        legacy_needs=legacy,
    )
    subjects = [plan["person_id"]] if plan.get("person_id") else []
    audit.record(store, actor, "CONSULTATION", subjects, f"plan {plan['id']}")
    return view


def _pathway_order(code: str | None) -> int:
    from iom.model import MODEL

    values = MODEL.vocabularies["Pathway"].values
    return values.index(code) if code in values else len(values)


def plan_of_person(store: Store, actor: Actor, person_id: str) -> PlanView:
    """The person's open plan (or latest plan). Audited."""
    rows = store.read("casework/person_plans", {"person_id": checks.text("person", person_id)})
    if not rows:
        raise RecordNotFound(f"no plan for person {person_id!r}")
    open_rows = [r for r in rows if r["status"] == "OPEN"]
    return get_plan(store, actor, (open_rows or rows)[0]["id"])


def _check_version(plan: dict[str, Any], version: int) -> None:
    have = int(plan.get("version") or 0)
    if have != int(version):
        who = plan.get("updated_by") or "someone"
        when = plan.get("updated_at") or "an earlier load"
        raise EditConflict(
            f"plan {plan['id']} was changed by {who} at {when} after you opened it "
            f"(you had version {version}, it is now version {have}); nothing was saved: "
            "reload the plan and make your change again"
        )


class _Edit:
    """One plan edit: version claimed, writes, changes kept and audit, in one transaction."""

    def __init__(
        self, store: Store, actor: Actor, plan: dict[str, Any], version: int, detail: str
    ) -> None:
        self.store, self.actor, self.plan, self.version, self.detail = (
            store,
            actor,
            plan,
            version,
            detail,
        )
        self.at = precise_now()

    def __enter__(self) -> Transaction:
        _check_version(self.plan, self.version)
        self._context = self.store.transaction()
        tx = self._context.__enter__()
        claimed = tx.write(
            "casework/claim_plan",
            {
                "id": self.plan["id"],
                "version": int(self.version),
                "at": self.at,
                "user": self.actor.user,
            },
        )
        if not claimed:
            fresh = _plan_row(tx, self.plan["id"])
            try:
                _check_version(fresh, self.version)
            except EditConflict as conflict:
                self._context.__exit__(type(conflict), conflict, conflict.__traceback__)
                raise
        self.tx = tx
        return tx

    def __exit__(self, kind: Any, error: Any, trace: Any) -> bool | None:
        if error is None:
            subjects = [self.plan["person_id"]] if self.plan.get("person_id") else []
            audit.record(
                self.tx,
                self.actor,
                "ALTERATION",
                subjects,
                f"plan {self.plan['id']}: {self.detail}",
            )
        return self._context.__exit__(kind, error, trace)


def set_review_interval(
    store: Store, actor: Actor, plan_id: str, version: int, weeks: int | str
) -> PlanView:
    """Change the review interval (4 to 6 weeks); the next review date moves with it."""
    plan = _plan_row(store, checks.text("plan", plan_id))
    value = _interval(weeks)
    reviews = store.read("casework/plan_reviews", {"id": plan["id"]})
    held = [r["held_on"] for r in reviews if r.get("held_on")]
    base = date.fromisoformat(max(held) if held else plan["opened_on"])
    changes = {
        "review_interval_weeks": value,
        "next_review_due": (base + timedelta(weeks=value)).isoformat(),
    }
    before = {k: plan.get(k) for k in changes}
    with _Edit(store, actor, plan, version, f"review interval {value} weeks") as tx:
        tx.write(
            "casework/update_plan",
            {"id": plan["id"], "props": {"next_review_due": changes["next_review_due"]}},
        )
        tx.write("casework/update_control", {"id": plan["id"], "review_interval_weeks": value})
        keep(tx, actor, precise_now(), "Plan", plan["id"], before, changes)
    return get_plan(store, actor, plan["id"])


def plan_history(store: Store, actor: Actor, plan_id: str) -> list[dict[str, Any]]:
    """Every change to a plan and its actions, assessments and reviews, oldest first. Audited."""
    view = get_plan(store, actor, plan_id)
    ids = [view.id, *(a["id"] for a in view.actions), *(r["id"] for r in view.reviews)]
    ids += [a["id"] for a in view.assessments]
    rows = store.read("casework/changes_of", {"ids": ids})
    for row in rows:
        row["before"] = json.loads(row["before"] or "{}")
        row["after"] = json.loads(row["after"] or "{}")
    return rows


def timeline(store: Store, actor: Actor, view: PlanView) -> list[dict[str, Any]]:
    """The person's offences with the plan's assessments, actions and reviews, newest first."""
    from iom.model import vocab_label

    events: list[dict[str, Any]] = []
    person = view.plan.get("person_id")
    if person:
        roles = {
            "SUSPECT_IN": "suspect",
            "CONVICTED_OF": "convicted",
            "VICTIM_IN": "victim",
            "WITNESS_IN": "witness",
        }
        for row in store.read("people/offences", {"id": person}):
            outcome = vocab_label("OffenceOutcome", row["outcome"]) if row.get("outcome") else ""
            events.append(
                {
                    "date": row.get("committed_on"),
                    "kind": "Offence",
                    "what": f"{row.get('offence_type')} ({roles.get(row['relationship'], '')})",
                    "detail": outcome,
                }
            )
        audit.record(store, actor, "CONSULTATION", [person], f"offence timeline for plan {view.id}")
    for row in view.assessments:
        events.append(
            {
                "date": row.get("assessed_on"),
                "kind": "Assessment",
                "what": vocab_label("Pathway", row["pathway"]),
                "detail": f"{vocab_label('NeedSeverity', row['severity'])}, "
                f"{vocab_label('ActionStatus', row['status'])}",
            }
        )
    for row in view.actions:
        if row.get("created_on"):
            events.append(
                {
                    "date": row["created_on"],
                    "kind": "Action added",
                    "what": row.get("description") or "",
                    "detail": row.get("owner_name") or "",
                }
            )
        if row.get("completed_on"):
            events.append(
                {
                    "date": row["completed_on"],
                    "kind": "Action finished",
                    "what": row.get("description") or "",
                    "detail": vocab_label("ActionStatus", row.get("status")),
                }
            )
    for row in view.reviews:
        outcome = vocab_label("ReviewOutcome", row["outcome"]) if row.get("outcome") else ""
        events.append(
            {
                "date": row.get("held_on") or row.get("due_on"),
                "kind": "Review",
                "what": row.get("notes") or "",
                "detail": outcome,
            }
        )
    return sorted(events, key=lambda e: e.get("date") or "", reverse=True)
