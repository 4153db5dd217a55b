"""4P plans: objectives and actions under Pursue, Prevent, Protect and Prepare, each with an
owner (officer or partner agency), due date and status; overdue actions reach the owner's
work list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iom.dates import parse_date
from iom.disruption.common import check_vocab, new_id, parse_day, raise_problems
from iom.disruption.links import existing, link, plain_props
from iom.errors import RecordNotFound
from iom.model import MODEL
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Row, Store, Transaction

__all__ = [
    "CLOSED_STATUSES",
    "NewAction",
    "add_action",
    "check_action",
    "four_p_plan",
    "is_overdue",
    "work_list",
    "write_action",
]

CLOSED_STATUSES = ("DONE", "DECLINED")
OWNER_LABELS = ("Officer", "Partner")


def is_overdue(action: dict[str, Any], today: date) -> bool:
    """An open action whose due date has passed."""
    due = parse_date(action.get("due_on"))
    return action.get("status") not in CLOSED_STATUSES and due is not None and due < today


def _owner(row: Row) -> dict[str, Any] | None:
    if not row.get("owner_id"):
        return None
    kind = next((x for x in row.get("owner_labels") or [] if x in OWNER_LABELS), "")
    return {"id": row["owner_id"], "name": row.get("owner_name"), "kind": kind}


def four_p_plan(
    store: Store, actor: Actor, ocg_id: str, *, today: date | None = None
) -> dict[str, Any]:
    """An OCG's 4P plans, actions grouped by strand, overdue ones flagged. Audited."""
    if not existing(store, "OCG", [ocg_id]):
        raise RecordNotFound(f"no OCG with id {ocg_id!r}")
    day = today or date.today()
    plans: dict[str, dict[str, Any]] = {}
    for row in store.read("disruption/plan", {"ocg": ocg_id}):
        plan = plans.setdefault(
            row["plan_id"],
            {
                "id": row["plan_id"],
                "title": row.get("title"),
                "status": row.get("plan_status"),
                "opened_on": row.get("opened_on"),
                "next_review_due": row.get("next_review_due"),
                "owner": {"id": row.get("plan_owner_id"), "name": row.get("plan_owner_name")},
                "strands": {s: [] for s in MODEL.vocabularies["FourP"].values},
            },
        )
        if not row.get("action_id"):
            continue
        action = {
            "id": row["action_id"],
            "description": row.get("description"),
            "objective": row.get("objective"),
            "four_p": row.get("four_p"),
            "status": row.get("status"),
            "due_on": row.get("due_on"),
            "completed_on": row.get("completed_on"),
            "what_worked": row.get("what_worked"),
            "owner": _owner(row),
            "targets": [t for t in row.get("targets") or [] if t.get("id")],
        }
        action["overdue"] = is_overdue(action, day)
        plan["strands"].setdefault(action["four_p"] or "UNSET", []).append(action)
    people = {
        t["id"]
        for p in plans.values()
        for acts in p["strands"].values()
        for a in acts
        for t in a["targets"]
        if "Person" in (t.get("labels") or [])
    }
    audit.record(store, actor, "CONSULTATION", [ocg_id, *sorted(people)], "OCG 4P plan")
    return {"ocg_id": ocg_id, "plans": list(plans.values())}


@dataclass
class NewAction:
    """A 4P action to add to an OCG's plan; `owner_id` names an officer or a partner."""

    ocg_id: str
    four_p: str
    description: str
    owner_id: str | None
    due_on: date | str | None
    objective: str = ""
    status: str = "NOT_STARTED"
    targets: Sequence[tuple[str, str]] = field(default_factory=list)  # (label, id)


def check_action(store: Store, new: NewAction) -> list[str]:
    """Every problem with a new action (empty when it can be saved)."""
    problems: list[str] = []
    new.four_p = (new.four_p or "").strip().upper()
    check_vocab("FourP", new.four_p, "4P strand", problems)
    check_vocab("ActionStatus", new.status, "status", problems)
    if not (new.description or "").strip():
        problems.append("description: say what the action is")
    parse_day(new.due_on, "due date", problems)
    if new.due_on in (None, ""):
        problems.append("due date: required")
    if not (new.owner_id or "").strip():
        problems.append("owner: a plan action needs an owner (an officer or a partner agency)")
    elif _owner_kind(store, new.owner_id or "") is None:
        problems.append(f"owner: no officer or partner with id {new.owner_id!r}")
    if not existing(store, "OCG", [new.ocg_id]):
        problems.append(f"OCG: no OCG with id {new.ocg_id!r}")
    targets_end = MODEL.relationship("TARGETS").end
    for label, target in new.targets:
        if label not in targets_end:
            problems.append(f"target: {label!r} is not one of {', '.join(targets_end)}")
        elif not existing(store, label, [target]):
            problems.append(f"target: no {label} with id {target!r}")
    return problems


def _owner_kind(store: Store | Transaction, owner_id: str) -> str | None:
    return next((lab for lab in OWNER_LABELS if existing(store, lab, [owner_id])), None)


def write_action(
    tx: Transaction,
    actor: Actor,
    new: NewAction,
    *,
    meeting_id: str | None = None,
    today: date | None = None,
) -> str:
    """Write a checked action inside a transaction (opening a 4P plan when there is none)."""
    day = today or date.today()
    plans = tx.read("disruption/plan", {"ocg": new.ocg_id})
    open_plans = sorted({r["plan_id"] for r in plans if r.get("plan_status") == "OPEN"})
    action_id = new_id("ACT")
    if open_plans:
        plan_id = open_plans[0]
    else:
        plan_id = new_id("PLN")
        tx.write(
            "disruption/create_plan",
            {
                "ocg": new.ocg_id,
                "id": plan_id,
                "title": f"4P plan: {new.ocg_id}",
                "opened_on": day.isoformat(),
            },
        )
    due = parse_date(new.due_on)
    props = plain_props(
        {
            "id": action_id,
            "description": new.description.strip(),
            "four_p": new.four_p,
            "status": new.status,
            "due_on": due.isoformat() if due else None,
        }
    )
    tx.write("disruption/create_action", {"plan": plan_id, "props": props})
    if new.objective.strip():
        text = new.objective.strip()
        found = tx.read(
            "disruption/objective", {"plan": plan_id, "four_p": new.four_p, "text": text}
        )
        objective_id = found[0]["id"] if found else new_id("OBJ")
        if not found:
            tx.write(
                "disruption/create_objective",
                {"plan": plan_id, "id": objective_id, "four_p": new.four_p, "text": text},
            )
        link(tx, "SERVES", "Action", "Objective", [(action_id, objective_id, {})])
    kind = _owner_kind(tx, new.owner_id or "")
    link(tx, "ASSIGNED_TO", "Action", str(kind), [(action_id, str(new.owner_id), {})])
    for label in MODEL.relationship("TARGETS").end:
        rows: list[tuple[str, str, dict[str, Any]]] = [
            (action_id, t, {}) for lab, t in new.targets if lab == label
        ]
        link(tx, "TARGETS", "Action", label, rows)
    if meeting_id:
        link(tx, "AGREED", "Meeting", "Action", [(meeting_id, action_id, {})])
    people = [t for lab, t in new.targets if lab == "Person"]
    audit.record(tx, actor, "COLLECTION", [new.ocg_id, *people], f"4P action {action_id} added")
    return action_id


def add_action(store: Store, actor: Actor, new: NewAction, *, today: date | None = None) -> str:
    """Add a checked action to the OCG's open 4P plan (opened if none), all or nothing."""
    raise_problems("plan action", check_action(store, new))
    with store.transaction() as tx:
        return write_action(tx, actor, new, today=today)


def work_list(
    store: Store, actor: Actor, owner_id: str, *, today: date | None = None
) -> list[dict[str, Any]]:
    """Open actions assigned to an officer or partner, overdue first, then by due date."""
    day = today or date.today()
    rows: list[Row] = []
    for label in OWNER_LABELS:
        rows += store.read("disruption/work_list", {"owner": owner_id}, slots={"Label": label})
    if not rows and not any(existing(store, label, [owner_id]) for label in OWNER_LABELS):
        raise RecordNotFound(f"no officer or partner with id {owner_id!r}")
    out = [
        {**r, "overdue": is_overdue(r, day)} for r in rows if r.get("status") not in CLOSED_STATUSES
    ]
    out.sort(key=lambda r: (not r["overdue"], str(r.get("due_on") or "9999"), r["action_id"]))
    subjects = {r["ocg_id"] for r in out if r.get("ocg_id")} | {
        r["person_id"] for r in out if r.get("person_id")
    }
    audit.record(store, actor, "CONSULTATION", sorted(subjects), f"work list of {owner_id}")
    return out
