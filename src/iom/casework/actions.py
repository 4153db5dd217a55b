"""Plan actions: added on a pathway and owned by an officer or partner, updated, evaluated."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from iom.casework import checks, directory
from iom.casework.changes import keep
from iom.casework.plans import PlanView, _Edit, _plan_row, get_plan
from iom.dates import precise_now
from iom.errors import InvalidInput
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["FINISHED", "add_action", "evaluate_action", "update_action"]

FINISHED = ("DONE", "DECLINED")
ACTION_COLUMNS = ("status", "due_on", "completed_on")  # the rest live on its ActionRecord


def add_action(
    store: Store,
    actor: Actor,
    plan_id: str,
    version: int,
    *,
    pathway: str,
    description: str,
    owner_id: str,
    due_on: str | date,
    created_on: str | date | None = None,
    status: str = "NOT_STARTED",
) -> PlanView:
    """Add an action on a pathway, owned by an existing officer or partner, due after creation."""
    plan = _plan_row(store, checks.text("plan", plan_id))
    code = checks.pathway_code(pathway)
    what = checks.text("description", description)
    owner = directory.find_owner(store, owner_id)
    created = checks.optional_day("created_on", created_on) or checks.today()
    due = checks.day("due_on", due_on)
    checks.not_before("due_on", due, created, "the day the action was created")
    state = checks.code("status", "ActionStatus", status)
    action_id = f"ACT-{uuid.uuid4().hex[:10].upper()}"
    props = {
        "id": action_id,
        "description": what,
        "status": state,
        "pathway": code,
        "due_on": due.isoformat(),
    }
    record = {"id": action_id, "created_on": created.isoformat()}
    with _Edit(store, actor, plan, version, f"action {action_id} added") as tx:
        tx.write(
            "casework/create_action",
            {"plan_id": plan["id"], "owner_id": owner["id"], "props": props, "record": record},
            slots={"To": owner["kind"]},
        )
        kept = {**props, "created_on": record["created_on"], "owner": owner["id"]}
        keep(tx, actor, precise_now(), "Action", action_id, {}, kept)
    return get_plan(store, actor, plan["id"])


def _action(store: Store, plan_id: str, action_id: str) -> dict[str, Any]:
    wanted = checks.text("action", action_id)
    for row in store.read("casework/plan_actions", {"id": plan_id}):
        if row["id"] == wanted:
            return row
    raise InvalidInput("action", f"no action {wanted!r} in plan {plan_id}")


def update_action(
    store: Store,
    actor: Actor,
    plan_id: str,
    version: int,
    action_id: str,
    *,
    status: str | None = None,
    outcome: str | None = None,
    due_on: str | date | None = None,
    completed_on: str | date | None = None,
) -> PlanView:
    """Change an action's status, outcome or due date; a finished action gets a completion date."""
    plan = _plan_row(store, checks.text("plan", plan_id))
    action = _action(store, plan["id"], action_id)
    changes: dict[str, Any] = {}
    if status is not None and status.strip():
        changes["status"] = checks.code("status", "ActionStatus", status)
    if outcome is not None and outcome.strip():
        changes["outcome"] = checks.text("outcome", outcome)
    if due_on is not None and str(due_on).strip():
        due = checks.day("due_on", due_on)
        created = action.get("created_on") or plan.get("opened_on")
        if created:
            checks.not_before(
                "due_on", due, date.fromisoformat(created), "the day the action was created"
            )
        changes["due_on"] = due.isoformat()
    done_on = checks.optional_day("completed_on", completed_on)
    if done_on is not None:
        changes["completed_on"] = done_on.isoformat()
    elif changes.get("status") in FINISHED and not action.get("completed_on"):
        changes["completed_on"] = checks.today().isoformat()
    if not changes:
        raise InvalidInput(
            "action", "nothing to change: give a status, outcome, due date or completion date"
        )
    before = {k: action.get(k) for k in changes}
    with _Edit(store, actor, plan, version, f"action {action['id']} changed") as tx:
        on_action = {k: v for k, v in changes.items() if k in ACTION_COLUMNS}
        on_record = {k: v for k, v in changes.items() if k not in ACTION_COLUMNS}
        tx.write(
            "casework/update_action",
            {"plan_id": plan["id"], "id": action["id"], "props": on_action, "record": on_record},
        )
        keep(tx, actor, precise_now(), "Action", action["id"], before, changes)
    return get_plan(store, actor, plan["id"])


def evaluate_action(
    store: Store,
    actor: Actor,
    plan_id: str,
    version: int,
    action_id: str,
    *,
    evaluation: str,
    note: str,
) -> PlanView:
    """Say whether a finished action worked (worked / did not / not known), with a note."""
    plan = _plan_row(store, checks.text("plan", plan_id))
    action = _action(store, plan["id"], action_id)
    verdict = checks.code("evaluation", "ActionEvaluation", evaluation)
    why = checks.text("note", note)
    if action.get("status") not in FINISHED:
        raise InvalidInput(
            "evaluation",
            f"action {action['id']} is not finished yet (status {action.get('status')})",
        )
    changes = {"evaluation": verdict, "evaluation_note": why}
    before = {k: action.get(k) for k in changes}
    record = {**changes, "evaluated_by": actor.user}
    with _Edit(store, actor, plan, version, f"action {action['id']} evaluated") as tx:
        tx.write(
            "casework/update_action",
            {"plan_id": plan["id"], "id": action["id"], "props": {}, "record": record},
        )
        keep(tx, actor, precise_now(), "Action", action["id"], before, changes)
    return get_plan(store, actor, plan["id"])
