"""Person and Household rows, written last: labels, categories and flags depend on everything."""

from __future__ import annotations

from datetime import date

from iom.seed.world import F, World

__all__ = ["write_households", "write_people"]

_OGRS = {
    "prolific_burglar": (65, 95),
    "prolific_robber": (60, 92),
    "prolific_vehicle": (60, 93),
    "prolific_shoplifter": (70, 96),
    "da": (30, 65),
    "violent": (35, 72),
    "ocg": (30, 70),
    "sexoff": (5, 25),
}
_ROSH = {
    "da": (("MEDIUM", 45), ("HIGH", 45), ("VERY_HIGH", 10)),
    "violent": (("MEDIUM", 45), ("HIGH", 45), ("VERY_HIGH", 10)),
    "sexoff": (("MEDIUM", 40), ("HIGH", 50), ("VERY_HIGH", 10)),
    "ocg": (("LOW", 20), ("MEDIUM", 50), ("HIGH", 30)),
}
_DEFAULT_ROSH = (("LOW", 55), ("MEDIUM", 40), ("HIGH", 5))


def _extra(flags: int) -> str:
    labels = []
    if flags & F.NOMINAL:
        labels.append("Nominal")
    if flags & F.SUSPECT:
        labels.append("Offender")
    if flags & F.VICTIM:
        labels.append("Victim")
    if flags & F.WITNESS:
        labels.append("Witness")
    return ";".join(labels)


def _categories(flags: int) -> list[str]:
    cats = []
    open_case = flags & (F.OUTSTANDING | F.CHARGED | F.INVESTIGATION)
    if flags & F.OCG or (flags & F.SUSPECT and (open_case or not flags & F.CONVICTED)):
        cats.append("SUSPECT")
    if flags & F.CONVICTED:
        cats.append("CONVICTED")
    if flags & F.VICTIM:
        cats.append("VICTIM")
    if flags & F.WITNESS:
        cats.append("WITNESS")
    return cats or ["OTHER"]


def write_people(w: World) -> None:
    """Every Person row, in id order, with probation scores and warrant/bail flags."""
    rng = w.rng
    table = w.out.nodes("Person")
    pnc = 0
    for p in w.people:
        flags = p.flags
        if p.idx in w.member_of:
            flags |= F.OCG
        props: dict[str, object] = {
            "first_name": p.first,
            "last_name": p.last,
            "date_of_birth": p.dob,
            "gender": p.gender,
            "categories": _categories(flags),
            "fictional": True,
        }
        if flags & F.SUSPECT:
            pnc += 1
            first = p.first_off or w.window_start
            year = max(
                date.fromordinal(first).year - w.randint(0, 6), date.fromordinal(p.dob).year + 10
            )
            props["pnc_id"] = f"ZZ/{year % 100:02d}/{pnc:07d}"
            props["wanted"] = (
                bool(flags & F.OUTSTANDING and rng.random() < 0.2) or rng.random() < 0.005
            )
            props["on_bail"] = bool(flags & (F.CHARGED | F.INVESTIGATION)) and rng.random() < 0.15
            props["failed_to_appear"] = bool(flags & F.CHARGED) and rng.random() < 0.1
            probation = flags & (F.CONVICTED | F.NOMINAL) or p.idx in w.mappa
            if probation and p.age(w.today) >= 18:
                lo, hi = _OGRS.get(p.kind, (10, 45))
                ogrs3 = round(rng.uniform(lo, hi), 1)
                props["ogrs3"] = ogrs3
                props["ogrs4"] = round(min(99.0, max(1.0, ogrs3 + rng.uniform(-8, 8))), 1)
                props["ogrs_assessed_on"] = w.today - w.randint(10, 400)
                rosh = _ROSH.get(p.kind, _DEFAULT_ROSH)
                if w.mappa.get(p.idx, "1") >= "2":
                    rosh = (("HIGH", 60), ("VERY_HIGH", 40))
                props["risk_of_serious_harm"] = w.weighted(rosh)
        table.write((w.pid(p.idx), _extra(p.flags)), props)


def write_households(w: World) -> None:
    """Every Household row. No high-impact flag: the cohort library scores households from what is
    stored (who lives there, their offences, domestic-abuse offences, children's dates of birth)."""
    table = w.out.nodes("Household")
    for h in w.households:
        table.write((w.hid(h.idx),), {"address": h.address, "postcode": h.postcode})
