"""IOM casework: referrals, pathway needs, offender plans with actions, supervisors' reviews."""

from __future__ import annotations

from datetime import date

from iom.seed.force import PATHWAY_PARTNERS, partner_for
from iom.seed.world import F, World

__all__ = ["build_casework", "plan_control", "write_action", "write_reviews"]

_SOURCE_PARTNER = {
    "PRISON": "PRISON",
    "PROBATION": "PROBATION",
    "CUSTODY": "POLICE",
    "POLICE": "POLICE",
    "DRUGS_ALCOHOL_SERVICE": "DRUGS_ALCOHOL_SERVICE",
    "THIRD_SECTOR": "THIRD_SECTOR",
    "LOCAL_AUTHORITY": "LOCAL_AUTHORITY",
    "HOUSING": "HOUSING",
    "MAPPA": "PROBATION",
    "MARAC": "THIRD_SECTOR",
    "YOUTH_JUSTICE": "LOCAL_AUTHORITY",
    "HEALTH": "HEALTH",
}
_SOURCES = {
    "FIXED": (("PRISON", 35), ("PROBATION", 35), ("CUSTODY", 15), ("POLICE", 15)),
    "FLEX": (("PROBATION", 30), ("POLICE", 25), ("MARAC", 20), ("MAPPA", 10), ("CUSTODY", 15)),
    "FREE": (
        ("DRUGS_ALCOHOL_SERVICE", 25),
        ("THIRD_SECTOR", 20),
        ("HOUSING", 15),
        ("HEALTH", 10),
        ("LOCAL_AUTHORITY", 10),
        ("CUSTODY", 20),
    ),
}
_NEEDS = {
    "prolific": (
        ("DRUGS_ALCOHOL", 70),
        ("ACCOMMODATION", 50),
        ("EDUCATION_TRAINING_EMPLOYMENT", 60),
        ("FINANCE_BENEFIT_DEBT", 45),
        ("ATTITUDES_THINKING_BEHAVIOUR", 40),
        ("HEALTH", 30),
        ("CHILDREN_FAMILIES", 15),
    ),
    "da": (
        ("ATTITUDES_THINKING_BEHAVIOUR", 90),
        ("DRUGS_ALCOHOL", 50),
        ("CHILDREN_FAMILIES", 40),
        ("ACCOMMODATION", 30),
        ("HEALTH", 20),
        ("EDUCATION_TRAINING_EMPLOYMENT", 20),
    ),
    "other": (
        ("ATTITUDES_THINKING_BEHAVIOUR", 60),
        ("DRUGS_ALCOHOL", 50),
        ("EDUCATION_TRAINING_EMPLOYMENT", 50),
        ("ACCOMMODATION", 35),
        ("FINANCE_BENEFIT_DEBT", 35),
        ("HEALTH", 25),
        ("CHILDREN_FAMILIES", 15),
    ),
}
_ACTIONS = {
    "ACCOMMODATION": (
        "Secure supported housing on release",
        "Referral to housing options",
        "Resolve rent arrears to prevent eviction",
    ),
    "EDUCATION_TRAINING_EMPLOYMENT": (
        "CSCS card course and site placement",
        "Work coach appointment and CV support",
        "Enrol on functional skills English and maths",
    ),
    "HEALTH": ("Register with a GP", "Mental health assessment via liaison and diversion"),
    "DRUGS_ALCOHOL": (
        "Structured treatment with the recovery service",
        "Opiate substitution prescription review",
        "Alcohol brief intervention",
    ),
    "FINANCE_BENEFIT_DEBT": ("Universal Credit claim and ID documents", "Debt advice referral"),
    "CHILDREN_FAMILIES": ("Parenting programme", "Supervised contact arrangement review"),
    "ATTITUDES_THINKING_BEHAVIOUR": (
        "Thinking skills programme",
        "Building Better Relationships",
        "Weekly compliance visit by the offender manager",
    ),
    "ABUSE_RAPE_DOMESTIC_VIOLENCE": ("Referral to women's specialist support service",),
    "SEX_WORK": ("Outreach support from the women's service",),
}
_WORKED = (
    "Joint home visit with the recovery worker kept engagement going",
    "Starting the job placement the week after release mattered most",
    "Same-day housing appointment avoided a night on the streets",
    "Text reminders from the offender manager stopped missed appointments",
    "Seeing the same worker every time built trust",
    "Peer mentor with lived experience made the difference",
)
_NOTES = {
    "CONTINUE": (
        "Engaging well; actions on track",
        "Some missed appointments; plan unchanged",
        "Stable accommodation now; focus moves to employment",
    ),
    "ESCALATE": (
        "New arrest for burglary; escalate to enforcement",
        "Disengaged from treatment; multi-agency meeting requested",
    ),
    "DE_SELECT": ("Offending reduced; de-selected from the cohort",),
    "CLOSE": ("Plan closed at the end of the episode",),
}


_DECISION_REASONS = {
    "ACCEPTED": "Meets the selection criteria; accepted at the selection panel",
    "DECLINED": "Below the selection threshold; managed by the neighbourhood team",
    "DEFERRED": "Deferred to the next panel pending the probation assessment",
}
_REFERRERS = ("Case manager", "Duty officer", "Key worker", "Team leader", "Outreach worker")


def _stamp(w: World, day: int) -> str:
    """A timestamp on `day` in working hours (as the casework library writes them)."""
    minute = 8 * 60 + int(w.aux.random() * 9 * 60)
    return f"{date.fromordinal(day).isoformat()}T{minute // 60:02d}:{minute % 60:02d}:00+00:00"


_DECISIONS = {
    "CONTINUE": (
        "Plan unchanged; housing and treatment actions carried forward",
        "Keep weekly contact; chase the work coach referral",
        "Agreed new due dates for the open actions",
    ),
    "ESCALATE": (
        "Escalate to enforcement: recall to be considered with probation",
        "Multi-agency meeting within a week; drug testing on arrest",
    ),
    "DE_SELECT": ("De-select: no offending for six months and stable housing",),
    "CLOSE": ("Close the plan with the episode; hand over to probation",),
}


def _referral(
    w: World,
    idx: int,
    source: str,
    day: int,
    status: str,
    reason: str,
    episode: str | None = None,
) -> str:
    rid = w.next_id("REF", 6)
    w.out.node(
        "Referral", rid, {"received_on": day, "source": source, "status": status, "reason": reason}
    )
    w.out.rel("REFERS", "Referral", rid, "Person", w.pid(idx))
    area = w.people[idx].area
    partner = partner_for(w, _SOURCE_PARTNER[source], area)
    w.out.rel("REFERRED_BY", "Referral", rid, "Partner", partner)
    sergeant = w.officer_name(_one(w, w.areas[area].officers["IOM_SERGEANT"]))
    w.out.node(
        "ReferralIntake",
        rid,
        {
            "referrer": f"{_one(w, _REFERRERS)}, {w.partners[partner]['name']}",
            "recorded_by": sergeant,
            "recorded_at": _stamp(w, day),
        },
    )
    w.out.rel("RECORDED", "Referral", rid, "ReferralIntake", rid)
    decisions: list[str] = []
    if status in ("ACCEPTED", "DECLINED"):
        if w.aux.random() < 0.15:
            decisions.append("DEFERRED")
        decisions.append(status)
    elif status == "RECEIVED" and day < w.today - 7 and w.aux.random() < 0.3:
        decisions.append("DEFERRED")
    when = day
    for decision in decisions:
        when = min(w.today - 1, when + 3 + int(w.aux.random() * 18))
        did = w.next_id("RDC", 6)
        w.out.node(
            "ReferralDecision",
            did,
            {
                "decision": decision,
                "decided_by": sergeant,
                "decided_at": _stamp(w, when),
                "reason": _DECISION_REASONS[decision]
                if decision != "ACCEPTED" or not reason.startswith("Prevention")
                else "Accepted for a prevention plan (early intervention)",
            },
        )
        w.out.rel("DECIDED", "Referral", rid, "ReferralDecision", did)
    if episode is not None:
        w.out.rel("FOR_EPISODE", "Referral", rid, "IomEpisode", episode)
    return rid


def _referrals(w: World) -> None:
    rng = w.rng
    for ep in w.episodes:
        idx, cohort, start = int(ep["person"]), str(ep["cohort"]), int(ep["start"])
        if rng.random() >= 0.88:
            continue
        source = w.weighted(_SOURCES[cohort])
        day = start - w.randint(7, 60)
        _referral(
            w, idx, source, day, "ACCEPTED", f"Referred for the {cohort} cohort", str(ep["id"])
        )
        if rng.random() < 0.12:
            other = w.weighted(tuple(s for s in _SOURCES[cohort] if s[0] != source))
            _referral(
                w,
                idx,
                other,
                day + w.randint(1, 21),
                "DUPLICATE",
                "Same person already referred by another partner",
            )
    offenders = [
        p.idx
        for p in w.people
        if p.flags & F.SUSPECT and not p.flags & F.NOMINAL and p.dob < w.today - 17 * 366
    ]
    for idx in offenders[:: max(1, len(offenders) // max(1, w.scaled(100)))]:
        _referral(
            w,
            idx,
            w.weighted(_SOURCES[w.pick(("FIXED", "FLEX", "FREE"))]),
            w.day_between(w.window_start, w.today - 30),
            "DECLINED",
            "Below the selection threshold; managed by neighbourhood team",
        )
    recent = [
        p.idx
        for p in w.people
        if p.off_12m >= 2 and not p.flags & F.NOMINAL and p.dob < w.today - 17 * 366
    ]
    for n, idx in enumerate(recent[7 :: max(1, len(recent) // max(1, w.scaled(30)))]):
        day = w.today - w.randint(1, 30)
        source = w.weighted(_SOURCES["FREE"])
        _referral(w, idx, source, day, "RECEIVED", "Awaiting screening at the selection panel")
        if n % 4 == 0:
            other = w.weighted(tuple(s for s in _SOURCES["FIXED"] if s[0] != source))
            _referral(
                w,
                idx,
                other,
                min(w.today - 1, day + w.randint(0, 6)),
                "RECEIVED",
                "Awaiting screening at the selection panel",
            )
    planted = 0
    boundary = {i for i, _days in w.planted.get("boundary", ())}
    for idx in sorted(w.marac_perps):  # planted: MARAC perpetrators referred to IOM
        if idx in w.cohort or idx in boundary or planted == 3:
            continue
        _referral(
            w,
            idx,
            "MARAC",
            w.today - w.randint(3, 20),
            "RECEIVED",
            "MARAC perpetrator referred to IOM for the Flex cohort",
        )
        w.planted.setdefault("marac_referred_to_iom", []).append((idx, 0))
        planted += 1
    youth = [i for i in w.kinds.get("ocg", ()) if w.people[i].age(w.today) == 17]
    youth += [i for i in w.kinds.get("occasional", ()) if w.people[i].age(w.today) == 17]
    for idx in youth[: w.scaled(6)]:
        _referral(
            w,
            idx,
            "YOUTH_JUSTICE",
            w.today - w.randint(5, 120),
            "RECEIVED",
            "Transition from youth justice at 18",
        )


def write_reviews(
    w: World,
    plan: str,
    opened: int,
    closed: int | None,
    reviewer: str,
    lapsing: bool,
    gap: tuple[int, int] = (28, 42),
) -> int | None:
    """Reviews every 4-6 weeks from `opened`; returns the next due date (None once closed)."""
    rng = w.rng
    end = closed if closed is not None else w.today
    due = opened + w.randint(*gap)
    prev = opened
    while True:
        if due > end:
            break
        if lapsing and due >= w.today - 70:
            return due
        roll = rng.random()
        if roll < 0.065 and due < end - gap[0]:
            # Missed: the review was due and never held; the next falls due a cycle later.
            rid = w.next_id("REV", 7)
            w.out.node("Review", rid, {"due_on": due, "notes": "Missed: not held by the due date"})
            w.out.rel("HAS_REVIEW", "Plan", plan, "Review", rid)
            w.out.rel("REVIEWED_BY", "Review", rid, "Officer", reviewer)
            due += w.randint(*gap)
            continue
        slip = w.randint(8, 35) if roll < 0.135 else w.randint(-4, 7)
        held = min(max(prev + 1, due + slip), end - 1 if closed else w.today - 1)
        if held <= prev:
            break
        final = closed is not None and held + gap[0] > closed
        outcome = (
            ("DE_SELECT" if rng.random() < 0.5 else "CLOSE")
            if final
            else ("ESCALATE" if rng.random() < 0.12 else "CONTINUE")
        )
        rid = w.next_id("REV", 7)
        w.out.node(
            "Review",
            rid,
            {"due_on": due, "held_on": held, "outcome": outcome, "notes": w.pick(_NOTES[outcome])},
        )
        w.out.rel("HAS_REVIEW", "Plan", plan, "Review", rid)
        w.out.rel("REVIEWED_BY", "Review", rid, "Officer", reviewer)
        w.out.node(
            "ReviewRecord",
            rid,
            {"decisions": _one(w, _DECISIONS[outcome]), "reviewed_by": w.officer_name(reviewer)},
        )
        w.out.rel("RECORDED", "Review", rid, "ReviewRecord", rid)
        prev = held
        if final:
            return None
        due = held + w.randint(*gap)
    return None if closed is not None else due


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


def _choice(w: World, options: tuple[tuple[str, float], ...]) -> str:
    """A weighted choice from the records stream."""
    r = w.aux.random() * sum(wt for _, wt in options)
    for value, wt in options:
        r -= wt
        if r < 0:
            return value
    return options[-1][0]


def _one(w: World, seq: tuple[str, ...] | list[str]) -> str:
    """A random element from the records stream."""
    return seq[int(w.aux.random() * len(seq))]


def _day(w: World, lo: int, hi: int) -> int:
    """A day in [lo, hi] from the records stream (hi raised to lo if below it)."""
    return lo + int(w.aux.random() * (max(lo, hi) - lo + 1))


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
        created = _day(w, opened, max(opened, end - 20))
        due = created + 14 + int(rng.random() * 100)
        status = _choice(w, (("DONE", 72), ("DECLINED", 20), ("SUPPORT_REQUIRED", 8)))
        if closed is None and status == "SUPPORT_REQUIRED":
            status = "DONE"
        if status == "DONE":
            completed = _day(w, created + 7, min(end, due + 21))
    else:
        created = _day(w, max(opened, w.today - 100), w.today - 2)
        status = _choice(w, (("NOT_STARTED", 30), ("IN_PROGRESS", 55), ("SUPPORT_REQUIRED", 15)))
        if rng.random() < 0.155 and created + 7 < w.today - 1:
            due = _day(w, max(created + 7, w.today - 45), w.today - 1)
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
        evaluation = _choice(w, options)
        good, bad = _EVALUATIONS.get(key, ((_one(w, _WORKED),), ("No change seen",)))
        if evaluation == "WORKED":
            note = good[int(rng.random() * len(good))]
            worked = _one(w, _WORKED) if rng.random() < 0.5 else note
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


_NEED_NOTES = {
    "ACCOMMODATION": ("No fixed abode; sofa-surfing", "Housing place secured; tenancy holding"),
    "EDUCATION_TRAINING_EMPLOYMENT": ("Never held a job; no qualifications", "On a course"),
    "HEALTH": ("Not registered with a GP", "Registered with a GP; attending appointments"),
    "DRUGS_ALCOHOL": ("Daily heroin and crack use", "Stable on a substitute prescription"),
    "FINANCE_BENEFIT_DEBT": ("No income; debts to a dealer", "Universal Credit in payment"),
    "CHILDREN_FAMILIES": ("No contact with his children", "Supervised contact agreed"),
    "ATTITUDES_THINKING_BEHAVIOUR": ("Impulsive; blames others", "Completed the programme"),
    "ABUSE_RAPE_DOMESTIC_VIOLENCE": ("Disclosed abuse by an ex-partner", "Support worker in place"),
    "SEX_WORK": ("Street sex work to fund drug use", "In contact with outreach"),
}


def _need_history(w: World, plan: str, code: str, severity: str, opened: int, om: str) -> None:
    """Dated assessments of one need: the first when the plan opened; four in ten re-assessed
    since (the newest is current), most improving."""
    if w.aux.random() < 0.12:
        return  # still the imported need: not yet assessed in iom
    before, after = _NEED_NOTES.get(code, ("Need identified", "Progress made"))
    day, level = opened, severity
    steps = [(day, level, _choice(w, (("NOT_STARTED", 40), ("IN_PROGRESS", 60))), before)]
    while w.aux.random() < 0.4 and day < w.today - 60:
        day = _day(w, day + 28, min(w.today - 1, day + 200))
        level = {"HIGH": "MEDIUM", "MEDIUM": "LOW", "LOW": "LOW"}[level]
        if w.aux.random() < 0.25:
            level = "HIGH"  # a setback
        state = "DONE" if level == "LOW" and w.aux.random() < 0.5 else "IN_PROGRESS"
        steps.append((day, level, state, after if level != "HIGH" else before))
    for day, level, state, note in steps:
        nid = w.next_id("NAS", 6)
        w.out.node(
            "NeedAssessment",
            nid,
            {
                "pathway": code,
                "severity": level,
                "status": state,
                "assessed_on": day,
                "assessed_by": w.officer_name(om),
                "notes": note,
            },
        )
        w.out.rel("HAS_ASSESSMENT", "Plan", plan, "NeedAssessment", nid)


def plan_control(
    w: World, plan: str, opened: int, closed: int | None, owner: str, weeks: tuple[int, int]
) -> None:
    """A plan's control record: edit version, review interval and last editor."""
    edits = int(w.aux.random() * 6)
    last = _day(w, opened, (closed or w.today) - 1)
    w.out.node(
        "PlanControl",
        plan,
        {
            "version": edits,
            "review_interval_weeks": weeks[0] + int(w.aux.random() * (weeks[1] - weeks[0] + 1)),
            "updated_at": _stamp(w, last) if edits else None,
            "updated_by": w.officer_name(owner) if edits else None,
        },
    )
    w.out.rel("RECORDED", "Plan", plan, "PlanControl", plan)


def _offender_plan(w: World, ep: dict[str, object]) -> None:
    rng = w.rng
    idx, area, om = int(ep["person"]), int(ep["area"]), str(ep["om"])
    p = w.people[idx]
    end = ep["end"]
    closed = int(end) if end is not None else None
    opened = min(int(ep["start"]) + w.randint(0, 14), (closed or w.today) - 1)
    pid = w.next_id("PLN", 6)
    status = "CLOSED" if closed is not None else "OPEN"
    sergeant = w.pick(w.areas[area].officers["IOM_SERGEANT"])
    nxt = write_reviews(w, pid, opened, closed, sergeant, rng.random() < 0.13)
    w.out.node(
        "Plan",
        pid,
        {
            "plan_type": "OFFENDER",
            "title": f"IOM plan ({ep['cohort']} cohort)",
            "status": status,
            "opened_on": opened,
            "closed_on": closed,
            "next_review_due": nxt,
        },
    )
    w.out.rel("HAS_PLAN", "Person", w.pid(idx), "Plan", pid)
    w.out.rel("OWNED_BY", "Plan", pid, "Officer", om)
    w.out.rel("FOR_EPISODE", "Plan", pid, "IomEpisode", str(ep["id"]))
    plan_control(w, pid, opened, closed, om, (4, 6))
    group = "prolific" if p.kind.startswith("prolific") else "da" if p.kind == "da" else "other"
    table = _NEEDS[group]
    if p.gender == "FEMALE":
        table = (*table, ("ABUSE_RAPE_DOMESTIC_VIOLENCE", 40), ("SEX_WORK", 12))
    needs = [code for code, chance in table if rng.random() * 100 < chance][:5]
    if not needs:
        needs = [table[0][0]]
    for code in needs:
        if closed is None:
            severity = w.weighted((("LOW", 25), ("MEDIUM", 45), ("HIGH", 30)))
            w.out.rel(
                "HAS_NEED",
                "Person",
                w.pid(idx),
                "Pathway",
                code,
                {"severity": severity, "assessed_on": opened},
            )
            _need_history(w, pid, code, severity, opened, om)
            w.open_needs[(area, code)] = w.open_needs.get((area, code), 0) + 1
        for _ in range(1 if rng.random() < 0.7 else 2):
            aid = write_action(
                w,
                pid,
                w.pick(_ACTIONS[code]),
                opened,
                closed,
                pathway=code,
                evaluator=w.officer_name(om),
            )
            if code == "ATTITUDES_THINKING_BEHAVIOUR" and rng.random() < 0.4:
                w.out.rel("ASSIGNED_TO", "Action", aid, "Officer", om)
            else:
                partner = partner_for(w, w.pick(PATHWAY_PARTNERS[code]), area)
                w.out.rel("ASSIGNED_TO", "Action", aid, "Partner", partner)


_PREVENT = (
    ("Mentoring for young people at risk", "THIRD_SECTOR"),
    ("School input on county lines exploitation", "LOCAL_AUTHORITY"),
    ("Youth club and diversionary sport place", "LOCAL_AUTHORITY"),
    ("Family support worker visits", "CHILDRENS_SERVICES"),
)


def _prevention(w: World) -> None:
    """Early intervention for about a third of the 10-17-year-old siblings living with an OCG
    member: a referral, a prevention plan with Prevent actions, and its reviews."""
    homes = {w.people[m].home for o in w.ocgs for m, _ in o.members}
    young = [
        i
        for i in w.kinds.get("young_sibling", ())
        if i not in w.member_of
        and w.people[i].home in homes
        and 10 <= w.people[i].age(w.today) <= 17
    ]
    for idx in young:
        if w.rng.random() >= 0.35:
            continue
        p = w.people[idx]
        opened = w.today - w.randint(20, 500)
        source = "YOUTH_JUSTICE" if p.flags & F.SUSPECT else "LOCAL_AUTHORITY"
        reason = "Prevention: younger sibling of an OCG member (early intervention)"
        _referral(w, idx, source, opened - w.randint(5, 30), "ACCEPTED", reason)
        pid = w.next_id("PLN", 6)
        owner = w.areas[p.area].officers["OCG_COORDINATOR"][0]
        nxt = write_reviews(w, pid, opened, None, owner, w.rng.random() < 0.1, (42, 84))
        w.out.node(
            "Plan",
            pid,
            {
                "plan_type": "PREVENTION",
                "title": "Prevention plan (young person at risk of exploitation)",
                "status": "OPEN",
                "opened_on": opened,
                "next_review_due": nxt,
            },
        )
        w.out.rel("HAS_PLAN", "Person", w.pid(idx), "Plan", pid)
        w.out.rel("OWNED_BY", "Plan", pid, "Officer", owner)
        plan_control(w, pid, opened, None, owner, (6, 12))
        for text, ptype in w.rng.sample(_PREVENT, w.randint(1, 3)):
            aid = write_action(
                w, pid, text, opened, None, four_p="PREVENT", evaluator=w.officer_name(owner)
            )
            w.out.rel("ASSIGNED_TO", "Action", aid, "Partner", partner_for(w, ptype, p.area))


def build_casework(w: World) -> None:
    """Referrals for every route, then a plan with needs, actions and reviews per episode."""
    _referrals(w)
    for ep in w.episodes:
        if ep["end"] is not None or w.rng.random() < 0.92:
            _offender_plan(w, ep)
    _prevention(w)
    _offers(w)


def _offers(w: World) -> None:
    """Each partner's declared places per pathway it delivers; in some hubs a pathway's open
    needs exceed the places (e.g. accommodation), as coverage reports should show."""
    for pid, partner in w.partners.items():
        for code, types in PATHWAY_PARTNERS.items():
            if partner["type"] not in types:
                continue
            areas = list(partner["areas"])
            need = sum(w.open_needs.get((a, code), 0) for a in areas)
            shared = sum(
                1
                for other in w.partners.values()
                if other["type"] in types and set(other["areas"]) & set(areas)
            )
            capacity = max(2, round(need / max(1, shared) * (0.6 + w.aux.random() * 0.9)) + 1)
            w.out.rel(
                "OFFERS",
                "Partner",
                pid,
                "Pathway",
                code,
                {"capacity": capacity, "declared_on": w.today - 30 - int(w.aux.random() * 300)},
            )
