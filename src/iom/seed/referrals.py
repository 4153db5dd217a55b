"""Referrals to IOM: the partner that referred, the intake record and the panel's decisions."""

from __future__ import annotations

from iom.seed.force import partner_for
from iom.seed.records import pick_one, stamp
from iom.seed.world import F, World

__all__ = ["build_referrals", "write_referral"]

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
_DECISION_REASONS = {
    "ACCEPTED": "Meets the selection criteria; accepted at the selection panel",
    "DECLINED": "Below the selection threshold; managed by the neighbourhood team",
    "DEFERRED": "Deferred to the next panel pending the probation assessment",
}
_REFERRERS = ("Case manager", "Duty officer", "Key worker", "Team leader", "Outreach worker")


def write_referral(
    w: World,
    idx: int,
    source: str,
    day: int,
    status: str,
    reason: str,
    episode: str | None = None,
) -> str:
    """One referral with its intake record and the panel's decisions; returns its id."""
    rid = w.next_id("REF", 6)
    w.out.node(
        "Referral", rid, {"received_on": day, "source": source, "status": status, "reason": reason}
    )
    w.out.rel("REFERS", "Referral", rid, "Person", w.pid(idx))
    area = w.people[idx].area
    partner = partner_for(w, _SOURCE_PARTNER[source], area)
    w.out.rel("REFERRED_BY", "Referral", rid, "Partner", partner)
    sergeant = w.officer_name(pick_one(w, w.areas[area].officers["IOM_SERGEANT"]))
    w.out.node(
        "ReferralIntake",
        rid,
        {
            "referrer": f"{pick_one(w, _REFERRERS)}, {w.partners[partner]['name']}",
            "recorded_by": sergeant,
            "recorded_at": stamp(w, day),
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
                "decided_at": stamp(w, when),
                "reason": _DECISION_REASONS[decision]
                if decision != "ACCEPTED" or not reason.startswith("Prevention")
                else "Accepted for a prevention plan (early intervention)",
            },
        )
        w.out.rel("DECIDED", "Referral", rid, "ReferralDecision", did)
    if episode is not None:
        w.out.rel("FOR_EPISODE", "Referral", rid, "IomEpisode", episode)
    return rid


def build_referrals(w: World) -> None:
    """Referrals for every route: cohort entries, duplicates, declined, awaiting the panel,
    MARAC perpetrators and transitions from youth justice."""
    rng = w.rng
    for ep in w.episodes:
        idx, cohort, start = int(ep["person"]), str(ep["cohort"]), int(ep["start"])
        if rng.random() >= 0.88:
            continue
        source = w.weighted(_SOURCES[cohort])
        day = start - w.randint(7, 60)
        write_referral(
            w, idx, source, day, "ACCEPTED", f"Referred for the {cohort} cohort", str(ep["id"])
        )
        if rng.random() < 0.12:
            other = w.weighted(tuple(s for s in _SOURCES[cohort] if s[0] != source))
            write_referral(
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
        write_referral(
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
        write_referral(w, idx, source, day, "RECEIVED", "Awaiting screening at the selection panel")
        if n % 4 == 0:
            other = w.weighted(tuple(s for s in _SOURCES["FIXED"] if s[0] != source))
            write_referral(
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
        write_referral(
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
        write_referral(
            w,
            idx,
            "YOUTH_JUSTICE",
            w.today - w.randint(5, 120),
            "RECEIVED",
            "Transition from youth justice at 18",
        )
