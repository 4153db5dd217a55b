"""People and households: offenders with their families, DA partners, and the wider public."""

from __future__ import annotations

from iom.seed.names import AREAS
from iom.seed.world import Household, Person, World

__all__ = ["build_people", "new_person"]

_AREA_WEIGHTS = tuple((str(i), a[3]) for i, a in enumerate(AREAS))
_OCG_AGES = {
    "PRINCIPAL": (30, 56),
    "LIEUTENANT": (24, 45),
    "SIGNIFICANT": (20, 45),
    "PERIPHERAL": (16, 34),
}
_PROLIFIC = (
    ("prolific_burglar", 30),
    ("prolific_robber", 15),
    ("prolific_vehicle", 20),
    ("prolific_shoplifter", 25),
)
# Age-crime curves: (youngest, oldest, weight) bands of age at the as-of date. Offending peaks
# in the late teens and early twenties and falls slowly (MoJ proven-offending and arrest
# statistics by age); prolific adults and IOM cohorts sit in their late 20s and 30s.
AGE_CURVES: dict[str, tuple[tuple[int, int, float], ...]] = {
    "general": (
        (12, 13, 3),
        (14, 17, 12),
        (18, 24, 25),
        (25, 34, 28),
        (35, 44, 17),
        (45, 54, 10),
        (55, 75, 5),
    ),
    "prolific": ((19, 24, 18), (25, 34, 44), (35, 44, 27), (45, 55, 11)),
    "violent": ((16, 17, 4), (18, 24, 28), (25, 34, 36), (35, 44, 21), (45, 60, 11)),
    "da": ((19, 24, 16), (25, 34, 36), (35, 44, 29), (45, 62, 19)),
}


def crime_age(w: World, curve: str) -> tuple[int, int]:
    """One age, drawn from an age-crime curve, as a (lo, hi) range of a single year."""
    bands = AGE_CURVES[curve]
    key = tuple((str(i), wt) for i, (_lo, _hi, wt) in enumerate(bands))
    lo, hi, _wt = bands[int(w.weighted(key))]
    age = w.randint(lo, hi)
    return age, age


def _area(w: World) -> int:
    return int(w.weighted(_AREA_WEIGHTS))


def new_person(
    w: World,
    kind: str,
    area: int,
    home: int,
    ages: tuple[int, int],
    gender: str | None = None,
    last: str | None = None,
) -> int:
    """Create a person of an age range and register them under their kind."""
    rng = w.rng
    if gender is None:
        gender = "MALE" if rng.random() < 0.5 else "FEMALE"
        if rng.random() < 0.01:
            gender = w.pick(("OTHER", "UNKNOWN"))
    lo, hi = ages
    dob = w.today - w.randint(int(lo * 365.25) + 1, int((hi + 1) * 365.25) - 1)
    idx = len(w.people)
    person = Person(
        idx, w.names.first_name(gender), last or w.names.surname(), dob, gender, area, home, kind
    )
    w.people.append(person)
    w.kinds.setdefault(kind, []).append(idx)
    return idx


def _household(w: World, area: int) -> int:
    a = w.areas[area]
    rng = w.rng
    if not a.streets or rng.random() < 0.05:
        for _ in range(20):
            name, loc = w.names.street(), w.pick(a.localities)
            key = f"{name}|{loc}"
            if key not in w.street_keys:
                break
        else:
            loc = f"{loc} {len(a.streets) + 1}"
            key = f"{name}|{loc}"
        w.street_keys.add(key)
        a.streets.append([name, loc, 0, w.names.postcode(a.no + 1)[:4]])
    street = a.streets[int(rng.random() * len(a.streets))]
    street[2] += w.randint(1, 3)
    idx = len(w.households)
    postcode = f"{street[3]} {w.names.postcode(a.no + 1)[-3:]}"
    address = f"{street[2]} {street[0]}, {street[1]}, {a.name}"
    w.households.append(Household(idx, address, postcode, area))
    w.out.rel("IN_AREA", "Household", w.hid(idx), "Area", a.id)
    return idx


def _lives(w: World, person: int, home: int, since: int, until: int | None = None) -> None:
    p = w.people[person]
    from_on = max(since, p.dob)
    w.out.rel(
        "LIVES_AT",
        "Person",
        w.pid(person),
        "Household",
        w.hid(home),
        {"from_on": from_on, "to_on": until},
    )


def relate(w: World, a: int, b: int, a_is: str, b_is: str) -> None:
    """Record a family tie both ways ('a is the a_is of b'), once per pair."""
    if a != b and w.pair_new(1, a, b):
        w.out.rel("RELATED_TO", "Person", w.pid(a), "Person", w.pid(b), {"relation": a_is})
        w.out.rel("RELATED_TO", "Person", w.pid(b), "Person", w.pid(a), {"relation": b_is})


def _since(w: World, years: int = 12) -> int:
    return w.today - w.randint(60, years * 365)


def _spare(w: World) -> int:
    """How many relatives may still be made without eating into the public's share."""
    return w.n - w.reserve - len(w.people)


def _with_parents(
    w: World,
    kind: str,
    area: int,
    ages: tuple[int, int],
    gender: str | None,
    young_sibling: float,
    surname: str | None = None,
) -> int:
    home = _household(w, area)
    surname = surname or w.names.surname()
    anchor = new_person(w, kind, area, home, ages, gender, surname)
    age = w.people[anchor].age(w.today)
    since = w.today - w.randint(age * 365 // 2, age * 365)
    _lives(w, anchor, home, since)
    parents: list[int] = []
    for n in range(1 if w.rng.random() < 0.55 else 2):
        if _spare(w) <= 0:
            break
        g = "FEMALE" if n == 0 else "MALE"
        pa = w.randint(age + 20, age + 34)
        parents.append(new_person(w, "parent", area, home, (pa, pa), g, surname))
    children = [anchor]
    n_sibs = w.pick((0, 0, 1, 1, 2, 3))
    if w.rng.random() < young_sibling:
        n_sibs = max(1, n_sibs)
    for s in range(n_sibs):
        if _spare(w) <= 0:
            break
        young = (s == 0 and w.rng.random() < max(young_sibling, 0.3)) or age < 19
        sa = (10, min(17, max(10, age - 1))) if young else (max(18, age - 6), age + 6)
        skind = "young_sibling" if sa[1] < 18 else "sibling"
        if skind == "sibling" and w.rng.random() < 0.25:
            skind = "sibling_offender"
        children.append(new_person(w, skind, area, home, sa, None, surname))
    for p in parents + children[1:]:
        _lives(w, p, home, since)
    for p in parents:
        for c in children:
            relate(w, p, c, "PARENT", "CHILD")
    if len(parents) == 2:
        relate(w, parents[0], parents[1], "PARTNER", "PARTNER")
    for i, a in enumerate(children):
        for b in children[i + 1 :]:
            relate(w, a, b, "SIBLING", "SIBLING")
    return anchor


def _own_home(
    w: World,
    kind: str,
    area: int,
    ages: tuple[int, int],
    gender: str | None,
    partner_kind: str | None = None,
    partner_p: float = 0.45,
    since: int | None = None,
    surname: str | None = None,
) -> tuple[int, int | None]:
    home = _household(w, area)
    surname = surname or w.names.surname()
    anchor = new_person(w, kind, area, home, ages, gender, surname)
    age = w.people[anchor].age(w.today)
    if since is None:
        since = _since(w, max(1, min(12, age - 17)))
    _lives(w, anchor, home, since)
    partner = None
    roll = w.rng.random()
    if roll < partner_p and _spare(w) > 0:
        g = "FEMALE" if w.people[anchor].gender == "MALE" else "MALE"
        if w.rng.random() < 0.05:
            g = w.people[anchor].gender
        pa = (max(18, age - 6), age + 5)
        partner = new_person(
            w,
            partner_kind or "partner",
            area,
            home,
            pa,
            g,
            surname if w.rng.random() < 0.4 else None,
        )
        _lives(w, partner, home, since)
        relate(w, anchor, partner, "PARTNER", "PARTNER")
        for _ in range(w.pick((0, 0, 1, 1, 2, 3)) if age > 20 else 0):
            if _spare(w) <= 0:
                break
            child = new_person(w, "child", area, home, (0, min(17, age - 19)), None, surname)
            _lives(w, child, home, since)
            relate(w, anchor, child, "PARENT", "CHILD")
            relate(w, partner, child, "PARENT", "CHILD")
    elif roll > 0.85 and partner_p < 1 and _spare(w) > 0:
        lodger = new_person(w, "associate", area, home, (max(18, age - 8), age + 8))
        _lives(w, lodger, home, since)
        if kind != "ocg" and w.pair_new(0, anchor, lodger):  # OCG ties are planned elsewhere
            w.write_tie(anchor, lodger, "INTELLIGENCE", "2/B/P", w.today - w.randint(10, 400))
    return anchor, partner


def home_for(
    w: World,
    kind: str,
    area: int,
    ages: tuple[int, int],
    gender: str | None = None,
    young_sibling: float = 0.0,
    surname: str | None = None,
) -> int:
    """An offender with the household and family they live with (young ones with parents)."""
    age = w.randint(*ages)
    young = age < 18 or (age < 26 and w.rng.random() < 0.6)
    if young and _spare(w) > 3:
        return _with_parents(w, kind, area, (age, age), gender, young_sibling, surname)
    return _own_home(w, kind, area, (max(18, age), max(18, age)), gender, surname=surname)[0]


def _ocg_members(w: World) -> None:
    """Members by role; a family OCG shares a surname across households, with cousins and a
    grandparent (RELATED_TO) tying them together."""
    for ocg in w.ocgs:
        surname = w.names.surname() if ocg.family else None
        core: list[int] = []
        for role in ocg.roles:
            area = ocg.areas[0] if w.rng.random() < 0.8 or len(ocg.areas) == 1 else ocg.areas[1]
            ages = _OCG_AGES[role]
            if role == "PERIPHERAL" and ocg.threat == "ILLEGAL_DRUGS" and w.rng.random() < 0.15:
                ages = (15, 17)
            gender = "MALE" if w.rng.random() < 0.88 else "FEMALE"
            family = surname if role != "PERIPHERAL" or w.rng.random() < 0.3 else None
            idx = home_for(w, "ocg", area, ages, gender, young_sibling=0.6, surname=family)
            stored = "SIGNIFICANT" if role == "LIEUTENANT" else role
            if role == "LIEUTENANT":
                ocg.lieutenants.append(idx)
            if family:
                core.append(idx)
            ocg.members.append((idx, stored))
            w.member_of[idx] = (ocg.no, stored)
        if ocg.family and len(core) >= 2:
            relate(w, core[0], core[1], "SIBLING", "SIBLING")
            for other in core[2:]:
                relate(w, core[0], other, "COUSIN", "COUSIN")
                relate(w, core[1], other, "COUSIN", "COUSIN")
            if _spare(w) > 0:
                home = _household(w, ocg.areas[0])
                gp = new_person(w, "parent", ocg.areas[0], home, (66, 84), "FEMALE", surname)
                _lives(w, gp, home, _since(w, 20))
                for m in core:
                    relate(w, gp, m, "GRANDPARENT", "GRANDCHILD")


def _da_perpetrator(w: World, boundary: int = 0) -> None:
    """A DA perpetrator with current and former partners; `boundary` (days before as-of) plants
    one with exactly two victims, the first abused that many days ago."""
    area = _area(w)
    n_victims = int(w.weighted((("1", 82), ("2", 13), ("3", 4), ("4", 1))))
    current = w.rng.random() < 0.7
    gender = "MALE" if w.rng.random() < 0.9 else "FEMALE"
    if boundary:
        n_victims, current, gender = 2, True, "MALE"
    n_ex = n_victims - (1 if current else 0)
    span = w.today - 60 - w.window_start
    splits = [
        w.window_start + (i + 1) * span // (n_ex + 1) + w.randint(-40, 40) for i in range(n_ex)
    ]
    if boundary:
        splits = [w.today - boundary + 30]
    perp, partner = _own_home(
        w,
        "da",
        area,
        crime_age(w, "da"),
        gender,
        partner_kind="da_victim" if current else None,
        partner_p=1.0 if current else 0.0,
        since=min(w.today - 1, splits[-1] + w.randint(7, 60)) if splits else None,
    )
    p = w.people[perp]
    links: list[tuple[int, int]] = []
    previous = 0
    for separated in splits:
        if _spare(w) <= 0:
            break
        ex_area = area if w.rng.random() < 0.8 else _area(w)
        home = _household(w, ex_area)
        g = "FEMALE" if p.gender == "MALE" else "MALE"
        age = p.age(w.today)
        ex = new_person(w, "da_victim", ex_area, home, (max(18, age - 8), age + 4), g)
        since = separated - w.randint(200, 3000)
        _lives(w, ex, home, since)
        _lives(w, perp, home, max(since, previous + 14), separated)
        previous = separated
        relate(w, perp, ex, "EX_PARTNER", "EX_PARTNER")
        if w.rng.random() < 0.35 and _spare(w) > 0:
            child = new_person(w, "child", ex_area, home, (1, 12), None, w.people[ex].last)
            _lives(w, child, home, since)
            relate(w, ex, child, "PARENT", "CHILD")
            relate(w, perp, child, "PARENT", "CHILD")
        links.append((ex, separated))
    if partner is not None:
        links.append((partner, 0))
    w.da_links[perp] = links
    if boundary and len(links) == 2:
        w.planted.setdefault("boundary", []).append((perp, boundary))


def _public(w: World) -> None:
    """Households of the public, sized so the force has exactly `persons` people."""
    w.pools = [[] for _ in w.areas]
    while len(w.people) < w.n:
        area = _area(w)
        home = _household(w, area)
        surname = w.names.surname()
        shape = w.weighted((("single", 35), ("couple", 28), ("family", 27), ("elder", 10)))
        since = _since(w, 20)
        adults = []
        if shape == "elder":
            adults.append(new_person(w, "public", area, home, (66, 92), None, surname))
        else:
            adults.append(new_person(w, "public", area, home, (18, 70), None, surname))
            if shape != "single" and len(w.people) < w.n:
                a0 = w.people[adults[0]].age(w.today)
                adults.append(
                    new_person(w, "public", area, home, (max(18, a0 - 6), a0 + 6), None, surname)
                )
                relate(w, adults[0], adults[1], "PARTNER", "PARTNER")
        for a in adults:
            _lives(w, a, home, since)
            w.pools[area].append(a)
        if shape == "family":
            age = w.people[adults[0]].age(w.today)
            for _ in range(w.randint(1, 3)):
                if len(w.people) >= w.n or age < 20:
                    break
                child = new_person(w, "child", area, home, (0, min(17, age - 19)), None, surname)
                _lives(w, child, home, since)
                for a in adults:
                    relate(w, a, child, "PARENT", "CHILD")
    for pool in w.pools:
        w.rng.shuffle(pool)
    w.pool_pos = [0] * len(w.pools)
    w.adults = [[] for _ in w.areas]
    for p in w.people:
        if p.dob <= w.today - 16 * 366:
            w.adults[p.area].append(p.idx)


def _loner(w: World, kind: str, curve: str, gender_male: float) -> int:
    age = crime_age(w, curve)
    gender = "MALE" if w.rng.random() < gender_male else None
    return home_for(w, kind, _area(w), age, gender)


def build_people(w: World) -> None:
    """Every person and household: OCG members, offenders and families, then the public."""
    w.reserve = max(60, int(w.n * 0.30))
    w.street_keys = set()
    _ocg_members(w)
    for _ in range(max(2, -(-len(w.ocgs) // 3))):  # at least one per market of 3-4 OCGs
        _own_home(w, "facilitator", _area(w), (30, 58), "MALE" if w.rng.random() < 0.85 else None)
    for size in [w.randint(10, 20) for _ in range(w.scaled(2.5, 2))]:
        area = _area(w)
        group = [
            home_for(w, "unmapped", area, crime_age(w, "violent"), "MALE") for _ in range(size)
        ]
        w.unmapped.append(group)
    for boundary in (1085, 1080, 1130, 1125):  # two just inside 3 years, two just outside
        _da_perpetrator(w, boundary)
    plan = [
        ("da", w.scaled(140)),
        ("violent", w.scaled(140)),
        ("sexoff", w.scaled(30)),
        ("prolific", w.scaled(120)),
        ("occasional", w.scaled(260)),
    ]
    for kind, count in plan:
        for _ in range(count):
            if _spare(w) <= 2:
                break
            if kind == "da":
                _da_perpetrator(w)
            elif kind == "prolific":
                _loner(w, w.weighted(_PROLIFIC), "prolific", 0.85)
            elif kind == "violent":
                _loner(w, "violent", "violent", 0.9)
            elif kind == "sexoff":
                _own_home(w, "sexoff", _area(w), (25, 70), "MALE")
            else:
                _loner(w, "occasional", "general", 0.75)
    _public(w)
