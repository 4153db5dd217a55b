"""Organised crime groups: activities, members and roles, areas, owners, dated assessments."""

from __future__ import annotations

from iom.reference import load_reference
from iom.seed.names import AREAS
from iom.seed.ocg_assessments import assessment_rule, write_assessments
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
        (*_DRUGS_MIX, ("MODERN_SLAVERY", 1)),
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
            ("MODERN_SLAVERY", 2),
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
            ("MODERN_SLAVERY", 12),
            ("MONEY_LAUNDERING", 20),
            ("FRAUD", 15),
            ("VIOLENCE_WITH_INJURY", 20),
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
        # A core of principals insulated behind one or two lieutenants and a few significant
        # members, with a periphery (runners, drivers, buyers) two to three times the core.
        core = (
            ["PRINCIPAL"] * w.randint(*sizes[0])
            + ["LIEUTENANT"] * w.randint(1, 2)
            + ["SIGNIFICANT"] * w.randint(0, max(0, sizes[1][1] - 2))
        )
        roles = core + ["PERIPHERAL"] * round(len(core) * rng.uniform(2.2, 3.4))
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
    for a, b in ocg.ties:
        _tie(w, a, b, ocg.active_until - w.randint(3, 400))


def _owners(w: World) -> None:
    load: dict[str, int] = {}
    for ocg in w.ocgs:
        owners = w.areas[ocg.areas[0]].officers["PLAN_OWNER"]
        ocg.owner = min(owners, key=lambda o: (load.get(o, 0), o))
        load[ocg.owner] = load.get(ocg.owner, 0) + 1
        w.out.rel("OWNS", "Officer", ocg.owner, "OCG", ocg.id)
        # The record of choosing the owner: by the area's co-ordinator, soon after mapping.
        oid = w.next_id("OWN", 5)
        coordinator = w.areas[ocg.areas[0]].officers["OCG_COORDINATOR"][0]
        w.out.node(
            "OwnerAssignment",
            oid,
            {
                "assigned_on": min(w.today - 1, ocg.mapped_on + 3 + int(w.aux.random() * 25)),
                "reason": (
                    f"Based in {w.areas[ocg.areas[0]].name}; lowest OCG caseload of the area's "
                    f"plan owners ({load[ocg.owner] - 1} owned at the time)"
                ),
                "assigned_by": w.officer_name(coordinator),
            },
        )
        w.out.rel("ASSIGNS", "OwnerAssignment", oid, "Officer", ocg.owner)
        w.out.rel("ASSIGNMENT_FOR", "OwnerAssignment", oid, "OCG", ocg.id)


_BUSINESSES = {
    "ILLEGAL_DRUGS": ("Hand car wash", "Vape shop", "Barber shop", "Takeaway"),
    "ILLEGAL_FIREARMS": ("Scrap metal yard", "Motor repairs garage"),
    "ORGANISED_ACQUISITIVE_CRIME": ("Used car dealer", "Scrap metal yard", "Motor repairs garage"),
    "FRAUD": ("Phone repair shop", "Lettings agency", "Mini-market"),
    "MODERN_SLAVERY_HUMAN_TRAFFICKING": ("Nail bar", "Hand car wash", "Cannabis farm unit"),
    "MONEY_LAUNDERING": ("Money service bureau", "Mini-market", "Takeaway"),
}
_VEHICLES = (
    ("Volkswagen", "Golf", "Black"),
    ("Ford", "Fiesta", "Silver"),
    ("BMW", "3 Series", "Grey"),
    ("Mercedes-Benz", "A-Class", "White"),
    ("Toyota", "Prius", "Silver"),
    ("Audi", "A3", "Black"),
    ("Vauxhall", "Corsa", "Red"),
    ("Ford", "Transit", "White"),
)
_VRM = "ABCDEFGHJKLMNOPRSTUVWXY"


def _assets(w: World, ocg: Ocg) -> None:
    """Businesses the OCG fronts through and vehicles it uses (targets for disruptions)."""
    rng = w.aux
    members = [m for m, _ in ocg.members]
    if not members:
        return
    kinds = _BUSINESSES[ocg.threat]
    for _ in range(int(rng.random() * 3) + (ocg.status == "ACTIVE")):
        bid = w.next_id("BUS", 5)
        kind = kinds[int(rng.random() * len(kinds))]
        owner = w.people[members[int(rng.random() * len(members))]]
        home = w.households[owner.home]
        street = home.address.split(",")[0].split(" ", 1)[-1]
        w.out.node(
            "Business",
            bid,
            {
                "name": f"{owner.last} {kind}",
                "business_type": kind,
                "address": f"Unit {1 + int(rng.random() * 30)}, {street}",
                "postcode": home.postcode,
            },
        )
        w.out.rel("USES", "OCG", ocg.id, "Business", bid)
        ocg.uses.append(("Business", bid))
    for _ in range(1 + int(rng.random() * 3)):
        vid = w.next_id("VEH", 5)
        make, model, colour = _VEHICLES[int(rng.random() * len(_VEHICLES))]
        letters = "".join(_VRM[int(rng.random() * len(_VRM))] for _ in range(3))
        vrm = f"ZZ{int(rng.random() * 25) + 51:02d} {letters}"  # ZZ: no real DVLA memory tag
        w.out.node("Vehicle", vid, {"vrm": vrm, "make": make, "model": model, "colour": colour})
        w.out.rel("USES", "OCG", ocg.id, "Vehicle", vid)
        ocg.uses.append(("Vehicle", vid))


def _cross_links(w: World) -> None:
    for a, b, source in w.ties:
        _tie(w, a, b, w.today - w.randint(5, 400), source)


def write_ocgs(w: World) -> None:
    """OCG nodes with members, areas, owners, assessments and the association network."""
    rule = assessment_rule(w)
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
        write_assessments(w, ocg, rule)
        _members(w, ocg)
        _assets(w, ocg)
    _owners(w)
    _cross_links(w)
