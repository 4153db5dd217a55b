"""Organised crime groups: activities, members and roles, areas, owners, dated assessments."""

from __future__ import annotations

from itertools import product

from iom.reference import load_reference
from iom.seed.names import AREAS
from iom.seed.world import Ocg, World

__all__ = ["count_ocgs", "plan_networks", "plan_ocgs", "write_ocgs"]

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


_NOTES = {
    "CRIMINALITY_HARM": {
        "HIGH": "Class A supply with serious violence and exploitation of children",
        "MEDIUM": "Steady volume of acquisitive or supply offences; harm mostly local",
        "LOW": "Low-level offending; little harm reported to partners",
    },
    "CAPABILITY": {
        "HIGH": "Access to firearms, cash and corrupt contacts; uses encrypted phones",
        "MEDIUM": "Some resources and vehicles; limited counter-surveillance",
        "LOW": "Few resources; relies on members' own phones and cars",
    },
    "INTENT": {
        "HIGH": "Intends to expand into a rival's market and has used violence to do so",
        "MEDIUM": "Protects its market; threats made but little violence",
        "LOW": "No sign of intent to expand or resist enforcement",
    },
    "GEOGRAPHIC_REACH": {
        "HIGH": "County lines into neighbouring forces and an overseas supplier",
        "MEDIUM": "Works across two policing areas",
        "LOW": "One estate or town centre",
    },
    "NETWORK": {
        "HIGH": "Tied to shared facilitators and two other groups",
        "MEDIUM": "Cohesive core with a changing periphery",
        "LOW": "Loose group; members come and go",
    },
}


def _grade_table(w: World) -> tuple[list[str], list[tuple[float, tuple[str, ...]]]]:
    """Every combination of attribute grades with its score (the rule of ocg_disruption.yaml)."""
    section = load_reference().disruption["assessment"]
    attrs = [(str(a["code"]), float(a["weight"])) for a in section["attributes"]]
    points = {str(k): float(v) for k, v in section["grade_points"].items()}
    top = sum(wt for _, wt in attrs) * max(points.values())
    combos = []
    for grades in product(sorted(points), repeat=len(attrs)):
        total = sum(100 * wt * points[g] / top for (_, wt), g in zip(attrs, grades, strict=True))
        combos.append((round(total, 1), grades))
    return [a for a, _ in attrs], combos


def _band_of(score: float, minimums: list[tuple[str, float]]) -> str:
    for band, minimum in minimums:
        if score >= minimum:
            return band
    return minimums[-1][0]


def _schedule(w: World, ocg: Ocg, review: int) -> list[int]:
    """Assessment days on the re-assessment cadence: first at mapping, then every 4-6 months;
    archived groups stop after archiving, and a minority of live groups are overdue."""
    rng = w.aux
    stop = ocg.active_until + 60 if ocg.status == "ARCHIVED" else w.today - 3
    if ocg.status != "ARCHIVED" and rng.random() < 0.14:
        stop = w.today - review - 3 - int(rng.random() * 75)  # overdue by days to weeks
    days = [ocg.mapped_on]
    while True:
        nxt = days[-1] + review - 45 + int(rng.random() * 41)
        if nxt > min(stop, w.today - 3):
            return days
        days.append(nxt)


def _rule(w: World) -> tuple[int, list[str], dict[str, list[tuple[float, tuple[str, ...]]]]]:
    """The re-assessment interval, the attribute codes and every grade combination by band."""
    ref = load_reference()
    review = int(ref.disruption["assessment"].get("review_days", 180))
    minimums = sorted(
        ((c, float(b["min_score"])) for c, b in ref.ocg_bands.items()), key=lambda x: -x[1]
    )
    attrs, combos = _grade_table(w)
    by_band: dict[str, list[tuple[float, tuple[str, ...]]]] = {}
    for score, grades in combos:
        by_band.setdefault(_band_of(score, minimums), []).append((score, grades))
    return review, attrs, by_band


def _assessments(w: World, ocg: Ocg, rule: tuple) -> None:
    """Dated assessments on the cadence, each graded per attribute so that its score and band
    follow the force's table (`iom ocg explain` shows the same band from the grades)."""
    review, attrs, by_band = rule
    coordinator = w.areas[ocg.areas[0]].officers["OCG_COORDINATOR"][0]
    days = _schedule(w, ocg, review)
    trajectory = [band for _day, band, _score in ocg.bands]
    prev_band, prev_grades = None, None
    for k, day in enumerate(days):
        band = trajectory[min(len(trajectory) - 1, k * len(trajectory) // len(days))]
        if k == len(days) - 1:
            band = trajectory[-1]
        options = by_band[band]
        if prev_grades is not None:
            near = min(sum(a != b for a, b in zip(g, prev_grades, strict=True)) for _, g in options)
            options = [
                o
                for o in options
                if sum(a != b for a, b in zip(o[1], prev_grades, strict=True)) == near
            ]
        score, grades = options[int(w.aux.random() * len(options))]
        aid = w.next_id("OCGA", 5)
        size = len(ocg.members)
        if prev_band is None:
            why = f"First mapping ({ocg.activity}); {size} nominals identified"
        elif prev_band == band:
            why = f"Re-scored on the {review}-day cycle: band held at {band}"
        else:
            why = f"Re-scored: band moved from {prev_band} to {band} after new intelligence"
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
        for code, grade in zip(attrs, grades, strict=True):
            gid = w.next_id("OCGG", 6)
            note = _NOTES.get(code, {}).get(grade, "")
            w.out.node("AssessmentGrade", gid, {"attribute": code, "grade": grade, "note": note})
            w.out.rel("GRADED", "OCGAssessment", aid, "AssessmentGrade", gid)
        prev_band, prev_grades = band, grades
    ocg.bands[-1] = (days[-1], trajectory[-1], ocg.bands[-1][2])


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


def _attach(w: World, ends: list[int], newcomer: int, m: int, ties: list[tuple[int, int]]) -> None:
    """Preferential attachment: tie `newcomer` to `m` people picked in proportion to degree."""
    chosen: list[int] = []
    for _ in range(m * 3):
        if len(chosen) == m or not ends:
            break
        other = ends[int(w.rng.random() * len(ends))]
        if other != newcomer and other not in chosen:
            chosen.append(other)
    for other in chosen:
        ties.append((other, newcomer))
        ends.append(other)


def _hub_and_spoke(w: World, ocg: Ocg) -> None:
    """Principals tie only to each other and their lieutenants; the lieutenants carry the group,
    and the periphery grows by preferential attachment onto lieutenants and significant members
    (so nobody is more than two steps from a lieutenant)."""
    principals = [m for m, r in ocg.members if r == "PRINCIPAL"]
    lts = ocg.lieutenants
    significant = [m for m, r in ocg.members if r == "SIGNIFICANT" and m not in lts]
    periphery = [m for m, r in ocg.members if r == "PERIPHERAL"]
    ties = ocg.ties
    for i, a in enumerate(principals):
        ties.extend((a, b) for b in principals[i + 1 :])
        ties.extend((a, lt) for lt in lts)
    if len(lts) == 2:
        ties.append((lts[0], lts[1]))
    ends = [lt for lt in lts for _ in range(3)]
    for s in significant:
        lt = w.pick(lts)
        ties.append((lt, s))
        ends.extend((lt, s))
    placed: list[int] = []
    for n, m in enumerate(periphery):
        if n < len(lts):
            ties.append((lts[n], m))
            ends.extend((lts[n], m))
        else:
            _attach(w, ends, m, 1 if w.rng.random() < 0.75 else 2, ties)
        if placed and w.rng.random() < 0.1:
            ties.append((w.pick(placed), m))
        placed.append(m)


def _contacts(w: World, live: list[Ocg]) -> None:
    """Friends and contacts outside the group (seen in intelligence and on social media) around
    its lieutenants and significant members: an OCG's neighbourhood is wider than its members."""
    adult = w.today - 18 * 366
    pools: dict[int, list[int]] = {}
    for idx in w.kinds.get("public", ()):
        if w.people[idx].dob < adult:
            pools.setdefault(w.people[idx].area, []).append(idx)
    for pool in pools.values():
        w.rng.shuffle(pool)
    for ocg in live:
        for m, role in ocg.members:
            pool = pools.get(w.people[m].area)
            if role != "SIGNIFICANT" or not pool or w.rng.random() >= 0.8:
                continue
            for _ in range(w.randint(1, 3)):
                if pool:
                    w.ties.append((m, pool.pop(), w.pick(("SOCIAL_MEDIA", "INTELLIGENCE"))))


def _markets(w: World, live: list[Ocg]) -> list[list[Ocg]]:
    """OCGs grouped into local markets of three to five that share facilitators."""
    order = sorted(live, key=lambda o: (o.threat != "ILLEGAL_DRUGS", o.areas[0], o.no))
    markets: list[list[Ocg]] = []
    pos = 0
    while pos < len(order):
        size = w.randint(3, 4)
        if len(order) - pos - size < 2:
            size = len(order) - pos
        markets.append(order[pos : pos + size])
        pos += size
    return markets


def plan_networks(w: World) -> None:
    """Every planned tie before any offence: OCG hubs and spokes, facilitators shared by 2-4 OCGs
    of a market, unmapped networks, peer groups of violent and DA offenders, drug buyers."""
    rng = w.rng
    live = [o for o in w.ocgs if o.members]
    for ocg in live:
        _hub_and_spoke(w, ocg)
    _contacts(w, live)
    markets = _markets(w, live)
    w.facilitators = []
    helpers: list[list[int]] = [[] for _ in markets]
    for n, idx in enumerate(w.kinds.get("facilitator", ())):
        market = markets[n % len(markets)]
        served = market[:4] if n < len(markets) else rng.sample(market, min(len(market), 2))
        for ocg in served:
            w.ties.append((idx, w.pick(ocg.lieutenants), "INTELLIGENCE"))
            if rng.random() < 0.5:
                w.ties.append((idx, ocg.members[0][0], "INTELLIGENCE"))
        for other in helpers[n % len(markets)]:
            w.ties.append((idx, other, "INTELLIGENCE"))
        helpers[n % len(markets)].append(idx)
        w.facilitators.append((idx, [o.no for o in served]))
    for market in markets:
        for _ in range(4 * len(market) if len(market) > 1 else 0):
            a, b = rng.sample(market, 2)
            core_a = [m for m, r in a.members if r == "SIGNIFICANT"]
            core_b = [m for m, r in b.members if r == "SIGNIFICANT"]
            w.ties.append((w.pick(core_a), w.pick(core_b), "INTELLIGENCE"))
    for group in w.unmapped:
        ties: list[tuple[int, int]] = [(group[0], group[1])]
        ends = [group[0], group[0], group[0], group[1]]
        for m in group[2:]:
            _attach(w, ends, m, 1 if rng.random() < 0.6 else 2, ties)
        w.unmapped_ties.append(ties)
        w.ties.extend((a, b, "INTELLIGENCE") for a, b in ties)
    peers = [i for k in ("violent", "da") for i in w.kinds.get(k, ()) if rng.random() < 0.6]
    pos = 0
    while pos < len(peers):
        group = peers[pos : pos + w.randint(3, 7)]
        pos += len(group)
        hub = group[0]
        for m in group[1:]:
            w.ties.append((hub, m, "INTELLIGENCE"))
            if rng.random() < 0.2:
                other = w.pick(group[1:])
                if other != m:
                    w.ties.append((m, other, "INTELLIGENCE"))
    dealers: dict[int, list[int]] = {}
    for o in live:
        if o.threat == "ILLEGAL_DRUGS":
            near = [m for m, r in o.members if r == "SIGNIFICANT"] or o.lieutenants
            dealers.setdefault(w.people[near[0]].area, []).extend(near)
    for kind in ("prolific_shoplifter", "occasional"):  # buyers who offend alone
        for idx in w.kinds.get(kind, ()):
            local = dealers.get(w.people[idx].area)
            if local and rng.random() < 0.06:
                w.ties.append((idx, w.pick(local), "STOP_SEARCH"))


def _cross_links(w: World) -> None:
    for a, b, source in w.ties:
        _tie(w, a, b, w.today - w.randint(5, 400), source)


def write_ocgs(w: World) -> None:
    """OCG nodes with members, areas, owners, assessments and the association network."""
    rule = _rule(w)
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
        _assessments(w, ocg, rule)
        _members(w, ocg)
        _assets(w, ocg)
    _owners(w)
    _cross_links(w)
