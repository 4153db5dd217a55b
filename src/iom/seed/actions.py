"""Plan actions: status, due dates, and the evaluation of what worked."""

from __future__ import annotations

from iom.seed.records import day_in, pick_one, weighted_choice
from iom.seed.world import World

__all__ = ["write_action"]

_WORKED = (
    "Joint home visit with the recovery worker kept engagement going",
    "Starting the job placement the week after release mattered most",
    "Same-day housing appointment avoided a night on the streets",
    "Text reminders from the offender manager stopped missed appointments",
    "Seeing the same worker every time built trust",
    "Peer mentor with lived experience made the difference",
)
_EVALUATIONS = {
    "ACCOMMODATION": (
        (
            "Supported housing place held for six months; no missed appointments since moving in",
            "Housing officer at the release meeting meant a tenancy on day one",
            "Rent arrears cleared with a repayment plan; eviction notice withdrawn",
        ),
        (
            "Housing place lost after three weeks: rent arrears and a neighbour dispute",
            "No housing offer in time; released to no fixed abode and reoffended within a month",
        ),
    ),
    "EDUCATION_TRAINING_EMPLOYMENT": (
        (
            "CSCS card gained and a site labouring job started; attendance good",
            "Work coach kept weekly contact; part-time warehouse job since",
        ),
        (
            "Dropped out of the course after the second week",
            "Placement fell through: employer would not take an unspent conviction",
        ),
    ),
    "HEALTH": (
        ("Registered with a GP and attending mental health appointments",),
        ("Did not attend the assessment twice; referral closed by the service",),
    ),
    "DRUGS_ALCOHOL": (
        (
            "Stable on a substitute prescription; negative tests for three months",
            "Joint visits with the recovery worker kept engagement going",
        ),
        (
            "Relapsed after a month; stopped attending the recovery service",
            "Treatment declined: says drug use is under control",
        ),
    ),
    "FINANCE_BENEFIT_DEBT": (
        ("Universal Credit in payment and ID documents obtained",),
        ("Debt advice appointment missed; benefit sanction followed",),
    ),
    "CHILDREN_FAMILIES": (
        ("Completed the parenting programme; contact arrangement agreed",),
        ("Contact review postponed twice; no progress",),
    ),
    "ATTITUDES_THINKING_BEHAVIOUR": (
        (
            "Completed the thinking skills programme; better at managing conflict",
            "Weekly compliance visits kept him engaged with the plan",
        ),
        ("Left the programme after four sessions; breach considered",),
    ),
    "ABUSE_RAPE_DOMESTIC_VIOLENCE": (
        ("Specialist support worker in place; safety plan agreed",),
        ("Declined the specialist service; kept on offer",),
    ),
    "SEX_WORK": (
        ("Regular contact with the outreach service; health checks attended",),
        ("Lost contact with outreach after moving area",),
    ),
    "PREVENT": (
        ("Attends the youth club twice a week; no further police contact",),
        ("Stopped attending after the first month; family disengaged",),
    ),
    "PURSUE": (
        ("Arrests and seizures followed; the line went quiet for weeks",),
        ("Nothing found on the day; intelligence was out of date",),
    ),
    "PROTECT": (
        ("Safeguarding visits identified two children at risk; referrals made",),
        ("Visits made but no engagement from the occupants",),
    ),
    "PREPARE": (
        ("Community reassurance patrols welcomed by residents",),
        ("Little take-up of the community event",),
    ),
}
_OUTCOMES = {
    "DONE": "Completed as planned",
    "DECLINED": "Declined by the person; offered again at the next review",
    "SUPPORT_REQUIRED": "Partner asked for more support before it can go ahead",
}


def write_action(
    w: World,
    plan: str,
    text: str,
    opened: int,
    closed: int | None,
    *,
    pathway: str | None = None,
    four_p: str | None = None,
    evaluator: str | None = None,
) -> str:
    """One plan action with its record: old actions are closed and evaluated (worked, did not,
    unknown, with a note); open ones were set recently and mostly fall due in the coming weeks,
    about one in eight overdue."""
    rng = w.aux
    aid = w.next_id("ACT", 7)
    completed = None
    if closed is not None or (opened < w.today - 60 and rng.random() < 0.5):
        end = closed if closed is not None else w.today - 30
        created = day_in(w, opened, max(opened, end - 20))
        due = created + 14 + int(rng.random() * 100)
        status = weighted_choice(w, (("DONE", 72), ("DECLINED", 20), ("SUPPORT_REQUIRED", 8)))
        if closed is None and status == "SUPPORT_REQUIRED":
            status = "DONE"
        if status == "DONE":
            completed = day_in(w, created + 7, min(end, due + 21))
    else:
        created = day_in(w, max(opened, w.today - 100), w.today - 2)
        status = weighted_choice(
            w, (("NOT_STARTED", 30), ("IN_PROGRESS", 55), ("SUPPORT_REQUIRED", 15))
        )
        if rng.random() < 0.155 and created + 7 < w.today - 1:
            due = day_in(w, max(created + 7, w.today - 45), w.today - 1)
        else:
            due = w.today + 1 + int(rng.random() * 60)
    evaluation = note = worked = None
    key = pathway or four_p or ""
    if status in ("DONE", "DECLINED") or (status == "SUPPORT_REQUIRED" and closed is not None):
        options = (
            (("WORKED", 55), ("DID_NOT_WORK", 25), ("UNKNOWN", 20))
            if status == "DONE"
            else (("DID_NOT_WORK", 60), ("UNKNOWN", 40))
        )
        evaluation = weighted_choice(w, options)
        good, bad = _EVALUATIONS.get(key, ((pick_one(w, _WORKED),), ("No change seen",)))
        if evaluation == "WORKED":
            note = good[int(rng.random() * len(good))]
            worked = pick_one(w, _WORKED) if rng.random() < 0.5 else note
        elif evaluation == "DID_NOT_WORK":
            note = bad[int(rng.random() * len(bad))]
        else:
            note = "Too early to tell; lost contact before the next review"
    w.out.node(
        "Action",
        aid,
        {
            "description": text,
            "status": status,
            "pathway": pathway,
            "four_p": four_p,
            "due_on": due,
            "completed_on": completed,
            "what_worked": worked,
        },
    )
    w.out.rel("HAS_ACTION", "Plan", plan, "Action", aid)
    w.out.node(
        "ActionRecord",
        aid,
        {
            "created_on": created,
            "outcome": _OUTCOMES.get(status) if evaluation else None,
            "evaluation": evaluation,
            "evaluation_note": note,
            "evaluated_by": evaluator if evaluation else None,
        },
    )
    w.out.rel("RECORDED", "Action", aid, "ActionRecord", aid)
    return aid
