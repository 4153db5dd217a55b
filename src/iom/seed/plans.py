"""Offender and prevention plans: needs and their assessments, actions, reviews, control."""

from __future__ import annotations

from iom.seed.actions import write_action
from iom.seed.force import PATHWAY_PARTNERS, partner_for
from iom.seed.records import day_in, stamp, weighted_choice
from iom.seed.referrals import write_referral
from iom.seed.reviews import write_reviews
from iom.seed.world import F, World

__all__ = ["build_plans", "plan_control"]

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
    steps = [(day, level, weighted_choice(w, (("NOT_STARTED", 40), ("IN_PROGRESS", 60))), before)]
    while w.aux.random() < 0.4 and day < w.today - 60:
        day = day_in(w, day + 28, min(w.today - 1, day + 200))
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
    last = day_in(w, opened, (closed or w.today) - 1)
    w.out.node(
        "PlanControl",
        plan,
        {
            "version": edits,
            "review_interval_weeks": weeks[0] + int(w.aux.random() * (weeks[1] - weeks[0] + 1)),
            "updated_at": stamp(w, last) if edits else None,
            "updated_by": w.officer_name(owner) if edits else None,
        },
    )
    w.out.rel("RECORDED", "Plan", plan, "PlanControl", plan)


def _offender_plan(w: World, ep: dict[str, object]) -> None:
    """One episode's plan: needs with their history, actions assigned to partners, reviews."""
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
        write_referral(w, idx, source, opened - w.randint(5, 30), "ACCEPTED", reason)
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


def build_plans(w: World) -> None:
    """A plan with needs, actions and reviews per episode, then the prevention plans."""
    for ep in w.episodes:
        if ep["end"] is not None or w.rng.random() < 0.92:
            _offender_plan(w, ep)
    _prevention(w)
