"""OCG disruption work: 4P plans, the disruption ledger, panels and partner meetings."""

from __future__ import annotations

from iom.seed.actions import write_action
from iom.seed.force import TACTICS, partner_for
from iom.seed.plans import plan_control
from iom.seed.reviews import write_reviews
from iom.seed.world import Ocg, World

__all__ = ["build_disruption", "build_meetings"]

# Tactics (by index into TACTICS) that suit each threat.
_BY_THREAT = {
    "ILLEGAL_DRUGS": (0, 1, 2, 3, 5, 6, 7, 8, 9, 18, 20, 22, 23, 24, 25, 27),
    "ILLEGAL_FIREARMS": (0, 1, 3, 6, 8, 17, 27, 28),
    "ORGANISED_ACQUISITIVE_CRIME": (1, 3, 4, 7, 8, 10, 11, 15, 19, 26, 28),
    "FRAUD": (1, 4, 5, 10, 12, 14, 26, 27),
    "MODERN_SLAVERY_HUMAN_TRAFFICKING": (1, 4, 11, 12, 16, 19, 21, 28),
    "MONEY_LAUNDERING": (3, 4, 5, 12, 13, 14, 11),
}
_RATIONALE = {
    "MAJOR": (
        "After the {t}, the group could not operate at its usual level for over three months",
        "The {t} removed a principal's means to operate; supply has not resumed",
    ),
    "MODERATE": (
        "The {t} cut activity for about six weeks before the group recovered",
        "The {t} slowed the group down; two members stepped back for a month",
    ),
    "MINOR": (
        "The {t} had a short-lived effect; activity resumed within days",
        "Small effect from the {t}; no visible change after a week",
    ),
    "NONE": ("No change in the group's activity was seen after the {t}",),
    "NEGATIVE": (
        "The {t} displaced activity to a new location and raised tensions with a rival group",
    ),
}
_IMPACT = (("MAJOR", 12), ("MODERATE", 30), ("MINOR", 38), ("NONE", 14), ("NEGATIVE", 6))
_DECISIONS = (
    "Continue Pursue strand; plan owner to bring warrant results to the next panel",
    "Add a Protect action: safeguarding visits to children at risk of exploitation",
    "Refer to trading standards and HMRC for a joint business visit",
    "Financial investigator to scope POCA cash forfeiture",
    "Downgrade to monitoring; no new intelligence this period",
    "Re-score at the next assessment: new members identified",
    "Agree a partnership action day with the local authority and housing",
)
_OBJECTIVES = (
    ("PURSUE", "Prosecute the principals of {name} and take their criminal assets"),
    ("PREVENT", "Stop young people being drawn into {name}"),
    ("PROTECT", "Protect the people and businesses {name} exploits"),
    ("PREPARE", "Reassure the community and reduce the harm {name} causes"),
)
_PERSON_DECISIONS = (
    "Selected for the cohort; offender manager allocated",
    "Not selected: below threshold, refer to neighbourhood team",
    "Defer to next panel pending probation assessment",
)


def _approvers(w: World) -> list[str]:
    senior = [
        o
        for o, v in w.officers.items()
        if v["role"] in ("PLAN_OWNER", "IOM_INSPECTOR") and v["rank"] in ("DI", "DCI")
    ]
    return senior or list(w.officers)


def _four_p_plan(w: World, ocg: Ocg) -> None:
    rng = w.rng
    pid = w.next_id("PLN", 6)
    opened = min(ocg.mapped_on + w.randint(7, 60), w.today - 1)
    closed = None
    if ocg.status == "ARCHIVED":
        closed = min(w.today - 1, max(opened + 30, ocg.active_until + w.randint(30, 90)))
    coordinator = w.areas[ocg.areas[0]].officers["OCG_COORDINATOR"][0]
    start = max(opened, w.today - 400)
    nxt = (
        write_reviews(w, pid, start, closed, coordinator, rng.random() < 0.15, (28, 56))
        if start < (closed or w.today) - 30
        else (w.today + 28 if closed is None else None)
    )
    w.out.node(
        "Plan",
        pid,
        {
            "plan_type": "FOUR_P",
            "title": f"4P plan: {ocg.name}",
            "status": "CLOSED" if closed else "OPEN",
            "opened_on": opened,
            "closed_on": closed,
            "next_review_due": nxt,
        },
    )
    w.out.rel("HAS_PLAN", "OCG", ocg.id, "Plan", pid)
    w.out.rel("OWNED_BY", "Plan", pid, "Officer", ocg.owner)
    plan_control(w, pid, opened, closed, ocg.owner, (4, 8))
    ocg.plan = pid
    objectives: dict[str, str] = {}
    for strand, text in _OBJECTIVES:
        oid = w.next_id("OBJ", 5)
        objectives[strand] = oid
        w.out.node("Objective", oid, {"four_p": strand, "text": text.format(name=ocg.name)})
        w.out.rel("HAS_OBJECTIVE", "Plan", pid, "Objective", oid)
    options = _BY_THREAT[ocg.threat]
    strands = ["PURSUE", "PREVENT", "PROTECT", "PREPARE"]
    for n in range(w.randint(4, 9)):
        strand = strands[n] if n < 4 else w.pick(strands)
        fitting = [t for t in options if TACTICS[t][2] == strand] or list(options)
        name, _area, _four_p, owner = TACTICS[w.pick(fitting)]
        aid = write_action(
            w, pid, name, opened, closed, four_p=strand, evaluator=w.officer_name(ocg.owner)
        )
        if owner == "POLICE" and rng.random() < 0.6:
            w.out.rel("ASSIGNED_TO", "Action", aid, "Officer", ocg.owner)
        else:
            w.out.rel("ASSIGNED_TO", "Action", aid, "Partner", partner_for(w, owner, ocg.areas[0]))
        w.out.rel("SERVES", "Action", aid, "Objective", objectives[strand])
        _targets(w, ocg, aid, strand, name)
        ocg.actions.append((aid, strand, name))


def _targets(w: World, ocg: Ocg, aid: str, strand: str, name: str) -> None:
    """Whom or what a 4P action is aimed at: Pursue the core (and their address for warrants
    and closures), Prevent the young periphery, Protect and Prepare the group or its fronts."""
    rng = w.aux
    core = [m for m, r in ocg.members if r in ("PRINCIPAL", "LIEUTENANT", "SIGNIFICANT")]
    edge = [m for m, r in ocg.members if r == "PERIPHERAL"] or core
    if strand == "PURSUE" and core:
        m = core[int(rng.random() * len(core))]
        w.out.rel("TARGETS", "Action", aid, "Person", w.pid(m))
        if any(word in name.lower() for word in ("warrant", "closure", "tenancy")):
            w.out.rel("TARGETS", "Action", aid, "Household", w.hid(w.people[m].home))
    elif strand == "PREVENT" and edge:
        w.out.rel("TARGETS", "Action", aid, "Person", w.pid(edge[int(rng.random() * len(edge))]))
    elif ocg.uses and rng.random() < 0.5:
        label, xid = ocg.uses[int(rng.random() * len(ocg.uses))]
        w.out.rel("TARGETS", "Action", aid, label, xid)
    else:
        w.out.rel("TARGETS", "Action", aid, "OCG", ocg.id)


def _disruptions(w: World, ocg: Ocg, approvers: list[str], ecu: str) -> None:
    rng = w.rng
    n = w.randint(1, 6) if ocg.status == "ACTIVE" else w.randint(0, 3)
    lo = max(ocg.mapped_on, w.window_start)
    for k in range(n):
        if ocg.active_until - 1 <= lo:
            break
        did = w.next_id("DIS", 6)
        t = w.pick(_BY_THREAT[ocg.threat])
        if k == 0 and ocg.threat in ("FRAUD", "MONEY_LAUNDERING"):
            t = 12  # HMRC tax investigation: economic crime groups meet HMRC first
        name, _tarea, four_p, owner = TACTICS[t]
        impact = w.weighted(_IMPACT)
        day = w.day_between(lo, ocg.active_until - 1)
        approver = w.pick(approvers)
        w.out.node(
            "Disruption",
            did,
            {
                "occurred_on": day,
                "four_p": four_p,
                "impact": impact,
                "impact_rationale": w.pick(_RATIONALE[impact]).format(
                    t=name if name[:2].isupper() else name[0].lower() + name[1:]
                ),
                "approved_by": w.officer_name(approver),
                "description": f"{name} against {ocg.name}",
            },
        )
        w.out.rel("DISRUPTED_BY", "OCG", ocg.id, "Disruption", did)
        w.out.rel("USED", "Disruption", did, "Tactic", f"TAC{t + 1:03d}")
        if rng.random() < 0.2:
            t2 = w.pick(_BY_THREAT[ocg.threat])
            if t2 != t:
                w.out.rel("USED", "Disruption", did, "Tactic", f"TAC{t2 + 1:03d}")
        lead = (
            ecu
            if ("POCA" in name or "freezing" in name)
            else partner_for(w, owner, w.pick(ocg.areas))
        )
        w.out.rel("LED_BY", "Disruption", did, "Partner", lead)
        targets = (
            [m for m, r in ocg.members if r != "PERIPHERAL"]
            if four_p == "PURSUE"
            else [m for m, _ in ocg.members]
        )
        chosen: list[int] = []
        for _ in range(w.randint(1, 3)):
            m = w.pick(targets)
            if m not in chosen:
                chosen.append(m)
                w.out.rel("TARGETED", "Disruption", did, "Person", w.pid(m))
        if "warrant" in name or "closure" in name or "Tenancy" in name:
            w.out.rel("TARGETED", "Disruption", did, "Household", w.hid(w.people[chosen[0]].home))
        _ledger_records(w, ocg, did, name, four_p, impact, approver)


_EXHIBITS = ("search record", "seizure log", "custody record", "body-worn video", "phone download")


def _ledger_records(
    w: World, ocg: Ocg, did: str, name: str, four_p: str, impact: str, approver: str
) -> None:
    """The approver link (major and moderate grades need one), the plan action it came from,
    a business or vehicle target, and the evidence with POCA assets where the tactic is POCA."""
    rng = w.aux
    if impact in ("MAJOR", "MODERATE") or rng.random() < 0.5:
        w.out.rel("APPROVED_BY", "Disruption", did, "Officer", approver)
    fitting = [a for a, strand, _n in ocg.actions if strand == four_p]
    if fitting and rng.random() < 0.6:
        w.out.rel(
            "FROM_ACTION", "Disruption", did, "Action", fitting[int(rng.random() * len(fitting))]
        )
    lowered = name.lower()
    for label, xid in ocg.uses:
        wanted = (
            "Vehicle"
            if "vehicle" in lowered
            else "Business"
            if (
                "licence" in lowered
                or "closure" in lowered
                or "trading" in lowered
                or "HMRC" in name
            )
            else None
        )
        if label == wanted:
            w.out.rel("TARGETED", "Disruption", did, label, xid)
            break
    if rng.random() < 0.15:
        return  # evidence not yet recorded
    refs = [
        f"{did}/EX{k + 1} {_EXHIBITS[int(rng.random() * len(_EXHIBITS))]}"
        for k in range(1 + int(rng.random() * 3))
    ]
    restrained = recovered = None
    if "POCA" in name or "freezing" in lowered or "cash" in lowered or "confiscation" in lowered:
        restrained = round(2_000 + rng.random() ** 2 * 180_000, -2)
        recovered = (
            round(restrained * (0.3 + rng.random() * 0.7), -2) if rng.random() < 0.7 else 0.0
        )
    elif four_p == "PURSUE" and rng.random() < 0.25:
        recovered = round(500 + rng.random() * 15_000, -2)  # cash found on a warrant
    eid = w.next_id("DEV", 5)
    w.out.node(
        "DisruptionEvidence",
        eid,
        {
            "evidence_refs": refs,
            "assets_restrained": restrained,
            "assets_recovered": recovered,
            "recorded_by": w.officer_name(ocg.owner),
        },
    )
    w.out.rel("EVIDENCED_BY", "Disruption", did, "DisruptionEvidence", eid)


def build_disruption(w: World) -> None:
    """A 4P plan and a disruption ledger for every OCG."""
    approvers = _approvers(w)
    ecu = next(p for p, v in w.partners.items() if str(v["name"]).startswith("Economic Crime"))
    for ocg in w.ocgs:
        if not ocg.members:
            continue
        _four_p_plan(w, ocg)
        _disruptions(w, ocg, approvers, ecu)
        if ocg.status != "ARCHIVED":
            _advice(w, ocg)


_ADVICE = (
    "Lead with {a}; follow with {b} while the group regroups",
    "Start with {a} to reach the principals' money; {b} keeps the periphery off balance",
    "{a} has worked against similar groups here; pair it with {b}",
)


def _advice(w: World, ocg: Ocg) -> None:
    """The area co-ordinator's dated tactic advice for a live OCG, tactics in order."""
    rng = w.aux
    coordinator = w.areas[ocg.areas[0]].officers["OCG_COORDINATOR"][0]
    options = list(_BY_THREAT[ocg.threat])
    given = w.today - 20 - int(rng.random() * 400)
    for _ in range(1 + (rng.random() < 0.4)):
        picks: list[int] = []
        while len(picks) < min(3, len(options)):
            t = options[int(rng.random() * len(options))]
            if t not in picks:
                picks.append(t)
        tid = w.next_id("ADV", 5)
        first, second = (TACTICS[t][0] for t in picks[:2])
        text = _ADVICE[int(rng.random() * len(_ADVICE))].format(a=first, b=second.lower())
        w.out.node("TacticAdvice", tid, {"given_on": max(ocg.mapped_on, given), "advice": text})
        w.out.rel("ADVISED", "Officer", coordinator, "TacticAdvice", tid)
        w.out.rel("ADVICE_FOR", "TacticAdvice", tid, "OCG", ocg.id)
        for pos, t in enumerate(picks, start=1):
            w.out.rel(
                "RECOMMENDS", "TacticAdvice", tid, "Tactic", f"TAC{t + 1:03d}", {"position": pos}
            )
        given = min(w.today - 1, given + 120 + int(rng.random() * 120))


def _meeting(w: World, mtype: str, day: int, title: str) -> str:
    mid = w.next_id("MTG", 5)
    w.out.node("Meeting", mid, {"meeting_type": mtype, "held_on": day, "title": title})
    return mid


_REASONS = (
    "assessment due",
    "overdue action(s)",
    "new disruption(s) since the last meeting",
    "new band",
    "new intelligence",
)


def _panel(w: World, mid: str, day: int, ocgs: list[Ocg], chair: str) -> None:
    """An OCG meeting's agenda (in order, with reasons), decisions, agreed actions and minutes."""
    rng = w.aux
    decided = []
    for pos, ocg in enumerate(ocgs, start=1):
        decision = w.pick(_DECISIONS)
        w.out.rel("REVIEWED", "Meeting", mid, "OCG", ocg.id, {"decision": decision})
        reasons = sorted({_REASONS[int(rng.random() * len(_REASONS))] for _ in range(2)})
        w.out.rel("ON_AGENDA", "Meeting", mid, "OCG", ocg.id, {"position": pos, "reasons": reasons})
        decided.append(f"{ocg.name}: {decision}")
        if ocg.actions and rng.random() < 0.35:
            aid = ocg.actions[int(rng.random() * len(ocg.actions))][0]
            if aid not in w.agreed.setdefault(mid, set()):
                w.agreed[mid].add(aid)
                w.out.rel("AGREED", "Meeting", mid, "Action", aid)
    nid = w.next_id("MIN", 5)
    w.out.node(
        "Minutes",
        nid,
        {
            "held_on": day,
            "text": "Decisions: " + "; ".join(decided),
            "next_on": day + 42,
            "recorded_by": w.officer_name(chair),
        },
    )
    w.out.rel("HAS_MINUTES", "Meeting", mid, "Minutes", nid)


def build_meetings(w: World) -> None:
    """Six-weekly disruption panels per area, partner meetings and IOM selection panels."""
    rng = w.rng
    per_area: list[list[Ocg]] = [[] for _ in w.areas]
    for ocg in w.ocgs:
        if ocg.status != "ARCHIVED" and ocg.members:
            for a in ocg.areas:
                per_area[a].append(ocg)
    for area in w.areas:
        local = per_area[area.no]
        day = w.today - 365 + w.randint(0, 20)
        while day < w.today:
            mid = _meeting(w, "DISRUPTION_PANEL", day, f"{area.name} OCG disruption panel")
            k = min(len(local), max(3, len(local) // 2))
            _panel(w, mid, day, rng.sample(local, k), area.officers["OCG_COORDINATOR"][0])
            day += 42
    live = [o for o in w.ocgs if o.status == "ACTIVE" and o.members]
    day = w.today - 365 + 21
    while day < w.today:
        mid = _meeting(w, "PARTNER_MEETING", day, "Six-weekly partner meeting (all areas)")
        chosen = rng.sample(live, min(len(live), max(4, len(live) // 4)))
        _panel(w, mid, day, chosen, w.areas[0].officers["OCG_COORDINATOR"][0])
        day += 42
    months: dict[tuple[int, int], list[int]] = {}
    for ep in w.episodes:
        start = int(ep["start"])
        if ep["end"] is None and start >= w.today - 365:
            months.setdefault((int(ep["area"]), (w.today - start) // 30), []).append(
                int(ep["person"])
            )
    for (area, back), people in sorted(months.items()):
        day = w.today - back * 30 - 30
        mid = _meeting(w, "IOM_SELECTION_PANEL", day, f"{w.areas[area].name} IOM selection panel")
        for idx in sorted(set(people)):
            w.out.rel(
                "REVIEWED", "Meeting", mid, "Person", w.pid(idx), {"decision": _PERSON_DECISIONS[0]}
            )
        nid = w.next_id("MIN", 5)
        w.out.node(
            "Minutes",
            nid,
            {
                "held_on": day,
                "text": f"{len(set(people))} selected for the cohort; offender managers allocated",
                "next_on": day + 30,
                "recorded_by": w.officer_name(w.areas[area].officers["IOM_SERGEANT"][0]),
            },
        )
        w.out.rel("HAS_MINUTES", "Meeting", mid, "Minutes", nid)
