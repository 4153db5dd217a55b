"""Organised crime groups: activities, members and roles, areas, owners, dated assessments."""

from __future__ import annotations

from iom.reference import load_reference
from iom.seed.names import AREAS
from iom.seed.world import Ocg, World

__all__ = ["count_ocgs", "plan_ocgs", "write_ocgs"]

_DRUGS_MIX = (
    ("DRUG_SUPPLY", 55),
    ("POSSESSION_OF_WEAPON", 12),
    ("VIOLENCE_WITH_INJURY", 10),
    ("DRUG_POSSESSION", 10),
    ("MONEY_LAUNDERING", 4),
    ("ROBBERY_PERSONAL", 5),
)
# key -> (threat, activity, offence mix, base band rank, (principals, significant, peripheral))
_TEMPLATES: dict[str, tuple[str, str, tuple[tuple[str, float], ...], int, tuple]] = {
    "county": (
        "ILLEGAL_DRUGS",
        "County lines Class A drug supply",
        (*_DRUGS_MIX, ("MODERN_SLAVERY", 4)),
        3,
        ((1, 2), (2, 4), (5, 9)),
    ),
    "street": (
        "ILLEGAL_DRUGS",
        "Street-level heroin and crack cocaine supply",
        (*_DRUGS_MIX, ("FIREARMS", 1)),
        4,
        ((1, 2), (2, 3), (4, 8)),
    ),
    "cannabis": (
        "ILLEGAL_DRUGS",
        "Cannabis cultivation and wholesale supply",
        (
            ("DRUG_SUPPLY", 60),
            ("MODERN_SLAVERY", 6),
            ("MONEY_LAUNDERING", 8),
            ("POSSESSION_OF_WEAPON", 5),
        ),
        5,
        ((1, 1), (2, 3), (3, 6)),
    ),
    "firearms": (
        "ILLEGAL_FIREARMS",
        "Firearms supply to drug markets",
        (
            ("FIREARMS", 30),
            ("DRUG_SUPPLY", 40),
            ("POSSESSION_OF_WEAPON", 20),
            ("VIOLENCE_WITH_INJURY", 10),
        ),
        2,
        ((1, 2), (2, 3), (3, 5)),
    ),
    "vehicle": (
        "ORGANISED_ACQUISITIVE_CRIME",
        "Vehicle theft, ringing and export",
        (
            ("THEFT_OF_VEHICLE", 55),
            ("RESIDENTIAL_BURGLARY", 15),
            ("THEFT_FROM_VEHICLE", 10),
            ("MONEY_LAUNDERING", 5),
            ("FRAUD", 5),
        ),
        4,
        ((1, 2), (2, 3), (3, 7)),
    ),
    "commercial": (
        "ORGANISED_ACQUISITIVE_CRIME",
        "Commercial burglary and plant theft",
        (
            ("NON_RESIDENTIAL_BURGLARY", 55),
            ("THEFT_OF_VEHICLE", 15),
            ("ROBBERY_BUSINESS", 10),
            ("CRIMINAL_DAMAGE", 10),
            ("MONEY_LAUNDERING", 5),
        ),
        6,
        ((1, 1), (2, 3), (3, 6)),
    ),
    "counterfeit_oac": (
        "ORGANISED_ACQUISITIVE_CRIME",
        "Counterfeit goods distribution through market stalls",
        (("COUNTERFEIT_GOODS", 60), ("MONEY_LAUNDERING", 15), ("FRAUD", 10)),
        7,
        ((1, 1), (2, 3), (2, 5)),
    ),
    "counterfeit_fraud": (
        "FRAUD",
        "Counterfeit goods and online trade-mark fraud",
        (("COUNTERFEIT_GOODS", 50), ("FRAUD", 35), ("MONEY_LAUNDERING", 15)),
        6,
        ((1, 2), (2, 3), (2, 5)),
    ),
    "courier": (
        "FRAUD",
        "Courier fraud targeting older people",
        (("FRAUD", 70), ("MONEY_LAUNDERING", 20), ("THEFT_FROM_PERSON", 10)),
        5,
        ((1, 1), (2, 3), (2, 5)),
    ),
    "slavery": (
        "MODERN_SLAVERY_HUMAN_TRAFFICKING",
        "Labour exploitation in hand car washes",
        (
            ("MODERN_SLAVERY", 45),
            ("MONEY_LAUNDERING", 20),
            ("FRAUD", 15),
            ("VIOLENCE_WITH_INJURY", 10),
        ),
        3,
        ((1, 2), (1, 3), (2, 5)),
    ),
    "laundering": (
        "MONEY_LAUNDERING",
        "Cash laundering through shop fronts and money service businesses",
        (("MONEY_LAUNDERING", 70), ("FRAUD", 20), ("COUNTERFEIT_GOODS", 10)),
        4,
        ((1, 2), (1, 2), (2, 4)),
    ),
}
_ORDER = (
    "county",
    "street",
    "counterfeit_fraud",
    "vehicle",
    "courier",
    "slavery",
    "cannabis",
    "commercial",
    "county",
    "counterfeit_oac",
    "laundering",
    "street",
    "vehicle",
    "county",
    "firearms",
    "courier",
    "cannabis",
    "slavery",
    "county",
    "street",
    "commercial",
    "counterfeit_fraud",
    "vehicle",
    "county",
    "cannabis",
)
_GRADINGS = ("1/A/P", "2/B/P", "2/B/C", "3/C/P", "2/C/P")
_SOURCES = (
    ("INTELLIGENCE", 50),
    ("STOP_SEARCH", 15),
    ("SOCIAL_MEDIA", 15),
    ("CUSTODY", 10),
    ("PARTNER", 10),
)
_TIE_P = {
    ("PRINCIPAL", "PRINCIPAL"): 1.0,
    ("PRINCIPAL", "SIGNIFICANT"): 0.9,
    ("SIGNIFICANT", "SIGNIFICANT"): 0.7,
    ("PERIPHERAL", "PRINCIPAL"): 0.25,
    ("PERIPHERAL", "SIGNIFICANT"): 0.6,
    ("PERIPHERAL", "PERIPHERAL"): 0.35,
}


def count_ocgs(persons: int) -> int:
    """How many OCGs a force of this size maps (25 for 3,000 people)."""
    return max(4, round(persons / 120))


def plan_ocgs(w: World) -> None:
    """Decide each OCG's activity, areas, status, size and band history before members exist."""
    ref = load_reference()
    bands = sorted(ref.ocg_bands, key=lambda c: int(ref.ocg_bands[c].get("rank", 0)))
    weights = tuple((str(i), a[3]) for i, a in enumerate(AREAS))
    rng = w.rng
    for i in range(count_ocgs(w.n)):
        key = _ORDER[i % len(_ORDER)]
        threat, activity, mix, base, sizes = _TEMPLATES[key]
        areas = [int(w.weighted(weights))]
        if rng.random() < (0.85 if key == "county" else 0.3):
            areas.append((areas[0] + w.randint(1, len(w.areas) - 1)) % len(w.areas))
        status = "ARCHIVED" if i % 13 == 7 else "DORMANT" if i % 8 == 3 else "ACTIVE"
        mapped = w.today - w.randint(400, 2200)
        until = w.today
        if status == "DORMANT":
            until = w.today - w.randint(200, 420)
        elif status == "ARCHIVED":
            until = w.today - w.randint(300, 700)
        until = max(until, mapped + 200)
        roles = (
            ["PRINCIPAL"] * w.randint(*sizes[0])
            + ["SIGNIFICANT"] * w.randint(*sizes[1])
            + ["PERIPHERAL"] * w.randint(*sizes[2])
        )
        ocg = Ocg(
            i,
            f"OCG{i + 1:03d}",
            w.names.ocg_name(),
            threat,
            activity,
            mix,
            areas,
            status,
            mapped,
            roles,
            rng.random() < 0.3,
            active_until=until,
        )
        rank = min(len(bands), max(1, base + w.randint(-1, 1)))
        n_assess = w.randint(1, 4)
        last = min(until + 60, w.today - 10)
        for k in range(n_assess):
            day = mapped if k == 0 else mapped + (last - mapped) * k // max(1, n_assess - 1)
            if k:
                rank = min(len(bands), max(1, rank + w.pick((-1, 0, 0, 1, 1))))
            if status == "ARCHIVED" and k == n_assess - 1 and k:
                rank = len(bands)
            score = round((len(bands) - rank) * 10 + rng.uniform(1, 9.9), 1)
            ocg.bands.append((day, bands[rank - 1], score))
        w.ocgs.append(ocg)


def _tie(w: World, a: int, b: int, last_seen: int, source: str | None = None) -> None:
    if a != b and w.pair_new(0, a, b):
        w.write_tie(a, b, source or w.weighted(_SOURCES), w.pick(_GRADINGS), last_seen)


def _assessments(w: World, ocg: Ocg) -> None:
    coordinator = w.areas[ocg.areas[0]].officers["OCG_COORDINATOR"][0]
    prev = None
    for day, band, score in ocg.bands:
        aid = w.next_id("OCGA", 5)
        size = len(ocg.members)
        if prev is None:
            why = f"First mapping ({ocg.activity}); {size} nominals identified"
        elif prev == band:
            why = f"Re-scored: capability and reach unchanged; band held at {band}"
        else:
            why = f"Re-scored: band moved from {prev} to {band} after new intelligence"
        w.out.node(
            "OCGAssessment",
            aid,
            {
                "assessed_on": day,
                "band": band,
                "score": score,
                "assessed_by": w.officer_name(coordinator),
                "rationale": why,
            },
        )
        w.out.rel("ASSESSED_AS", "OCG", ocg.id, "OCGAssessment", aid)
        prev = band


def _members(w: World, ocg: Ocg) -> None:
    rng = w.rng
    for idx, role in ocg.members:
        if role == "PRINCIPAL":
            since = ocg.mapped_on - w.randint(0, 700)
        else:
            since = w.day_between(ocg.mapped_on - 300, ocg.active_until - 30)
        until = None
        if role == "PERIPHERAL" and rng.random() < 0.1:
            until = since + w.randint(100, 600)
            if until >= w.today:
                until = None
        w.out.rel(
            "MEMBER_OF",
            "Person",
            w.pid(idx),
            "OCG",
            ocg.id,
            {"role": role, "since": since, "until": until, "grading": w.pick(_GRADINGS)},
        )
    for i, (a, ra) in enumerate(ocg.members):
        for b, rb in ocg.members[i + 1 :]:
            key = (ra, rb) if (ra, rb) in _TIE_P else (rb, ra)
            if rng.random() < _TIE_P[key]:
                _tie(w, a, b, ocg.active_until - w.randint(3, 400))


def _owners(w: World) -> None:
    load: dict[str, int] = {}
    for ocg in w.ocgs:
        owners = w.areas[ocg.areas[0]].officers["PLAN_OWNER"]
        ocg.owner = min(owners, key=lambda o: (load.get(o, 0), o))
        load[ocg.owner] = load.get(ocg.owner, 0) + 1
        w.out.rel("OWNS", "Officer", ocg.owner, "OCG", ocg.id)


def _cross_links(w: World) -> None:
    rng = w.rng
    live = [o for o in w.ocgs if o.members]
    for _ in range(round(len(live) * 1.2)):
        a, b = rng.sample(live, 2)
        ma = a.members[min(len(a.members) - 1, w.randint(0, 3))][0]
        mb = b.members[min(len(b.members) - 1, w.randint(0, 3))][0]
        _tie(w, ma, mb, w.today - w.randint(10, 500), "INTELLIGENCE")
    member_home = {w.people[m].home: (o, m) for o in live for m, _ in o.members}
    for idx in w.kinds.get("young_sibling", ()):
        hit = member_home.get(w.people[idx].home)
        if hit and rng.random() < 0.35:
            ocg, sibling = hit
            others = [m for m, r in ocg.members if m != sibling and r == "PERIPHERAL"]
            if others:
                _tie(w, idx, w.pick(others), w.today - w.randint(5, 200), "STOP_SEARCH")
    drugs = {}
    for o in live:
        if o.threat == "ILLEGAL_DRUGS":
            for m, r in o.members:
                if r == "PERIPHERAL":
                    drugs.setdefault(w.people[m].area, []).append(m)
    for kind in ("prolific_shoplifter", "prolific_burglar", "occasional"):
        for idx in w.kinds.get(kind, ()):
            local = drugs.get(w.people[idx].area)
            if local and rng.random() < 0.12:
                _tie(w, idx, w.pick(local), w.today - w.randint(5, 300), "STOP_SEARCH")


def write_ocgs(w: World) -> None:
    """OCG nodes with members, areas, owners, assessments and the association network."""
    for ocg in w.ocgs:
        w.out.node(
            "OCG",
            ocg.id,
            {
                "name": ocg.name,
                "threat": ocg.threat,
                "activity": ocg.activity,
                "band": ocg.bands[-1][1],
                "status": ocg.status,
                "mapped_on": ocg.mapped_on,
            },
        )
        for a in ocg.areas:
            w.out.rel("OPERATES_IN", "OCG", ocg.id, "Area", w.areas[a].id)
        _assessments(w, ocg)
        _members(w, ocg)
    _owners(w)
    _cross_links(w)
