"""IOM casework: referrals, pathway needs, offender plans with actions, supervisors' reviews."""

from __future__ import annotations

from iom.seed.force import PATHWAY_PARTNERS, partner_for
from iom.seed.world import F, World

__all__ = ["build_casework", "write_action", "write_reviews"]

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


def _referral(w: World, idx: int, source: str, day: int, status: str, reason: str) -> None:
    rid = w.next_id("REF", 6)
    w.out.node(
        "Referral", rid, {"received_on": day, "source": source, "status": status, "reason": reason}
    )
    w.out.rel("REFERS", "Referral", rid, "Person", w.pid(idx))
    partner = partner_for(w, _SOURCE_PARTNER[source], w.people[idx].area)
    w.out.rel("REFERRED_BY", "Referral", rid, "Partner", partner)


def _referrals(w: World) -> None:
    rng = w.rng
    for ep in w.episodes:
        idx, cohort, start = int(ep["person"]), str(ep["cohort"]), int(ep["start"])
        if rng.random() >= 0.88:
            continue
        source = w.weighted(_SOURCES[cohort])
        day = start - w.randint(7, 60)
        _referral(w, idx, source, day, "ACCEPTED", f"Referred for the {cohort} cohort")
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
        prev = held
        if final:
            return None
        due = held + w.randint(*gap)
    return None if closed is not None else due


def write_action(
    w: World,
    plan: str,
    text: str,
    opened: int,
    closed: int | None,
    *,
    pathway: str | None = None,
    four_p: str | None = None,
) -> str:
    """One plan action with a status, due date and, when it went well, what worked."""
    rng = w.rng
    aid = w.next_id("ACT", 7)
    due = opened + w.randint(14, 150)
    age = (closed or w.today) - opened
    if closed is not None:
        status = w.weighted((("DONE", 70), ("DECLINED", 20), ("SUPPORT_REQUIRED", 10)))
    elif age < 30:
        status = w.weighted((("NOT_STARTED", 60), ("IN_PROGRESS", 40)))
    else:
        status = w.weighted(
            (
                ("NOT_STARTED", 8),
                ("IN_PROGRESS", 35),
                ("SUPPORT_REQUIRED", 12),
                ("DECLINED", 8),
                ("DONE", 37),
            )
        )
    completed = None
    if status == "DONE":
        completed = w.day_between(opened + 7, min(closed or w.today - 1, opened + 200))
    worked = None
    if (status == "DONE" and rng.random() < 0.6) or (
        status == "IN_PROGRESS" and rng.random() < 0.2
    ):
        worked = w.pick(_WORKED)
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
    return aid


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
    nxt = write_reviews(w, pid, opened, closed, sergeant, rng.random() < 0.15)
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
        for _ in range(1 if rng.random() < 0.7 else 2):
            aid = write_action(w, pid, w.pick(_ACTIONS[code]), opened, closed, pathway=code)
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
        for text, ptype in w.rng.sample(_PREVENT, w.randint(1, 3)):
            aid = write_action(w, pid, text, opened, None, four_p="PREVENT")
            w.out.rel("ASSIGNED_TO", "Action", aid, "Partner", partner_for(w, ptype, p.area))


def build_casework(w: World) -> None:
    """Referrals for every route, then a plan with needs, actions and reviews per episode."""
    _referrals(w)
    for ep in w.episodes:
        if ep["end"] is not None or w.rng.random() < 0.92:
            _offender_plan(w, ep)
    _prevention(w)
