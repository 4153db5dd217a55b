"""Needs on a plan: dated assessments per pathway (severity and progress); the earlier ones kept."""

from __future__ import annotations

import uuid
from datetime import date

from iom.casework import checks
from iom.casework.changes import keep
from iom.casework.plans import PlanView, _Edit, _plan_row, get_plan
from iom.dates import precise_now
from iom.errors import InvalidInput
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["assess_need"]


def assess_need(
    store: Store,
    actor: Actor,
    plan_id: str,
    version: int,
    *,
    pathway: str,
    severity: str,
    status: str,
    assessed_on: str | date | None = None,
    notes: str = "",
) -> PlanView:
    """Record a dated needs assessment on a pathway; the earlier one is kept, and the change too."""
    plan = _plan_row(store, checks.text("plan", plan_id))
    code = checks.pathway_code(pathway)
    level = checks.code("severity", "NeedSeverity", severity)
    state = checks.code("status", "ActionStatus", status)
    day = checks.optional_day("assessed_on", assessed_on) or checks.today()
    if day > checks.today():
        raise InvalidInput("assessed_on", f"{day.isoformat()} is in the future")
    note = checks.text("notes", notes, required=False)
    previous = next(
        (
            r
            for r in store.read("casework/plan_assessments", {"id": plan["id"]})
            if r["pathway"] == code
        ),
        None,
    )
    if previous is None:
        previous = (
            next(
                (
                    r
                    for r in store.read("casework/person_needs", {"person_id": plan["person_id"]})
                    if r["pathway"] == code
                ),
                None,
            )
            if plan.get("person_id")
            else None
        )
    new_id = f"NA-{uuid.uuid4().hex[:10].upper()}"
    after = {"pathway": code, "severity": level, "status": state, "assessed_on": day.isoformat()}
    before = {k: (previous or {}).get(k) for k in after} if previous else {}
    with _Edit(store, actor, plan, version, f"{code} need assessed") as tx:
        tx.write(
            "casework/create_assessment",
            {
                "plan_id": plan["id"],
                "id": new_id,
                **after,
                "assessed_by": actor.user,
                "notes": note,
            },
        )
        keep(tx, actor, precise_now(), "NeedAssessment", new_id, before, after)
    return get_plan(store, actor, plan["id"])
