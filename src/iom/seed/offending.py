"""Three years of offending calibrated to police recorded crime: sprees with custody gaps, domestic
abuse, violence among peers, organised crime along the network's ties, and many one-off offenders.
"""

from __future__ import annotations

from iom.seed.offences import Recorder
from iom.seed.world import World

__all__ = ["ONE_OFF_MIX", "build_offending"]

Mix = tuple[tuple[str, float], ...]

_PROLIFIC: dict[str, tuple[Mix, tuple[int, int]]] = {
    "prolific_burglar": (
        (
            ("RESIDENTIAL_BURGLARY", 30),
            ("NON_RESIDENTIAL_BURGLARY", 10),
            ("THEFT_FROM_VEHICLE", 10),
            ("SHOPLIFTING", 20),
            ("OTHER_THEFT", 10),
            ("BICYCLE_THEFT", 5),
            ("THEFT_OF_VEHICLE", 5),
            ("DRUG_POSSESSION", 5),
            ("CRIMINAL_DAMAGE", 5),
        ),
        (30, 60),
    ),
    "prolific_robber": (
        (
            ("ROBBERY_PERSONAL", 30),
            ("THEFT_FROM_PERSON", 20),
            ("ROBBERY_BUSINESS", 6),
            ("POSSESSION_OF_WEAPON", 10),
            ("VIOLENCE_WITH_INJURY", 12),
            ("VIOLENCE_WITHOUT_INJURY", 12),
            ("DRUG_POSSESSION", 10),
        ),
        (35, 70),
    ),
    "prolific_vehicle": (
        (
            ("THEFT_OF_VEHICLE", 30),
            ("THEFT_FROM_VEHICLE", 35),
            ("CRIMINAL_DAMAGE", 8),
            ("RESIDENTIAL_BURGLARY", 5),
            ("BICYCLE_THEFT", 7),
            ("DRUG_POSSESSION", 5),
            ("BREACH_OF_ORDER", 5),
            ("PUBLIC_ORDER", 5),
        ),
        (30, 60),
    ),
    "prolific_shoplifter": (
        (
            ("SHOPLIFTING", 50),
            ("THEFT_FROM_PERSON", 5),
            ("OTHER_THEFT", 8),
            ("DRUG_POSSESSION", 8),
            ("PUBLIC_ORDER", 7),
            ("VIOLENCE_WITHOUT_INJURY", 6),
            ("BREACH_OF_ORDER", 6),
        ),
        (30, 60),
    ),
}
_DA: Mix = (
    ("VIOLENCE_WITHOUT_INJURY", 30),
    ("VIOLENCE_WITH_INJURY", 20),
    ("STALKING_HARASSMENT", 22),
    ("CRIMINAL_DAMAGE", 8),
    ("NON_FATAL_STRANGULATION", 8),
    ("PUBLIC_ORDER", 5),
    ("BREACH_OF_ORDER", 4),
    ("SEXUAL_ASSAULT", 2),
    ("RAPE", 3),
)
_AFTER_SPLIT: Mix = (("STALKING_HARASSMENT", 60), ("BREACH_OF_ORDER", 30), ("CRIMINAL_DAMAGE", 10))
_VIOLENT: Mix = (
    ("VIOLENCE_WITH_INJURY", 32),
    ("VIOLENCE_WITHOUT_INJURY", 34),
    ("STALKING_HARASSMENT", 8),
    ("POSSESSION_OF_WEAPON", 5),
    ("PUBLIC_ORDER", 6),
    ("ROBBERY_PERSONAL", 3),
    ("CRIMINAL_DAMAGE", 4),
    ("ARSON", 1),
)
# One-off and occasional offenders: close to the police recorded crime mix of offences with a
# named suspect (violence, shoplifting, criminal damage, public order, other theft lead).
ONE_OFF_MIX: Mix = (
    ("VIOLENCE_WITHOUT_INJURY", 34),
    ("VIOLENCE_WITH_INJURY", 18),
    ("STALKING_HARASSMENT", 16),
    ("SHOPLIFTING", 5),
    ("PUBLIC_ORDER", 8),
    ("CRIMINAL_DAMAGE", 7),
    ("OTHER_THEFT", 6),
    ("DRUG_POSSESSION", 4),
    ("SEXUAL_ASSAULT", 3),
    ("OTHER_SEXUAL_OFFENCE", 2.5),
    ("FRAUD", 2),
    ("THEFT_FROM_VEHICLE", 1.5),
    ("BICYCLE_THEFT", 1.5),
    ("POSSESSION_OF_WEAPON", 1.5),
    ("BREACH_OF_ORDER", 2),
    ("RESIDENTIAL_BURGLARY", 1),
    ("THEFT_FROM_PERSON", 1),
    ("ARSON", 0.5),
)
_YOUTH_GROUP: Mix = (
    ("CRIMINAL_DAMAGE", 30),
    ("PUBLIC_ORDER", 25),
    ("SHOPLIFTING", 20),
    ("ROBBERY_PERSONAL", 10),
    ("VIOLENCE_WITH_INJURY", 15),
)
_UNMAPPED: Mix = (
    ("DRUG_SUPPLY", 35),
    ("VIOLENCE_WITH_INJURY", 20),
    ("ROBBERY_PERSONAL", 15),
    ("POSSESSION_OF_WEAPON", 15),
    ("THEFT_OF_VEHICLE", 15),
)
_ROLE_WEIGHT = {"PRINCIPAL": 0.3, "SIGNIFICANT": 3, "PERIPHERAL": 4}
_CREW_KINDS = ("prolific_burglar", "prolific_vehicle", "prolific_robber")
_GROUP = ((2, 52), (3, 25), (4, 13), (5, 6), (6, 4))  # co-offending group sizes
_GROUP_KEYS = tuple((str(k), wt) for k, wt in _GROUP)


def _spree(w: World, idx: int, gap: tuple[int, int], custody_p: float) -> list[list[int]]:
    """Offence days in bursts; some bursts end in conviction and months in custody."""
    rng = w.rng
    mean = rng.uniform(*gap)
    t = w.window_start - w.randint(0, 150)
    out: list[list[int]] = []
    spells: list[tuple[int, int]] = []
    while t < w.today:
        burst_end = t + w.randint(30, 120)
        while t < burst_end:
            t += 1 + int(rng.expovariate(1 / mean))
            if t >= w.today:
                break
            if t >= w.window_start:
                out.append([t, 0])
        if out and out[-1][0] >= w.window_start and rng.random() < custody_p:
            conv = out[-1][0] + w.randint(14, 60)
            out[-1][1] = conv
            release = conv + w.randint(90, 420)
            spells.append((conv, release))
            t = release + w.randint(0, 20)
        else:
            t += w.randint(60, 240)
    if spells:
        w.custody[idx] = spells
    return out


def _in_custody(w: World, idx: int, day: int) -> bool:
    return any(a <= day <= b for a, b in w.custody.get(idx, ()))


def _away(w: World, home: int) -> int:
    return home if w.rng.random() < 0.8 else int(w.rng.random() * len(w.areas))


def _group_size(w: World) -> int:
    return int(w.weighted(_GROUP_KEYS))


def _prolific(w: World, rec: Recorder) -> None:
    crews: list[list[int]] = []
    for area in range(len(w.areas)):
        local = [i for k in _CREW_KINDS for i in w.kinds.get(k, ()) if w.people[i].area == area]
        local.sort()
        w.rng.shuffle(local)
        pos = 0
        while pos < len(local) * 0.4:
            size = w.randint(2, 4)
            crews.append(local[pos : pos + size])
            pos += size
    crew_of = {m: c for c in crews for m in c if len(c) > 1}
    timelines = {}
    for kind, (_mix, gap) in _PROLIFIC.items():
        for idx in w.kinds.get(kind, ()):
            timelines[idx] = _spree(w, idx, gap, 0.45)
    for kind, (mix, _gap) in _PROLIFIC.items():
        for idx in w.kinds.get(kind, ()):
            p = w.people[idx]
            crew = crew_of.get(idx, ())
            for day, conv in timelines[idx]:
                otype = w.weighted(mix)
                suspects = [idx]
                if crew and w.rng.random() < 0.35:
                    mate = crew[int(w.rng.random() * len(crew))]
                    if mate != idx and not _in_custody(w, mate, day):
                        suspects.append(mate)
                rec.record(
                    otype,
                    day,
                    _away(w, p.area),
                    suspects,
                    outcome="CONVICTED" if conv else None,
                    conv_day=conv or None,
                )
    for crew in crews:
        for i, a in enumerate(crew[:-1]):
            for b in crew[i + 1 :]:
                if w.pair_new(0, a, b):
                    w.write_tie(a, b, "INTELLIGENCE", "2/B/P", w.today - w.randint(5, 200))


def _domestic(w: World, rec: Recorder) -> None:
    boundary = dict(w.planted.get("boundary", ()))
    for perp, links in w.da_links.items():
        p = w.people[perp]
        if perp in boundary and len(links) == 2:
            # Planted: exactly one offence against each of two partners, the first `back` days
            # before as-of, the second a fortnight ago (a serial-perpetrator rule's boundary).
            back = boundary[perp]
            (ex, _sep), (partner, _) = links
            for victim, day in ((ex, w.today - back), (partner, w.today - 14)):
                otype = "VIOLENCE_WITH_INJURY"
                rec.record(otype, day, w.people[victim].area, [perp], victims=[victim], da=True)
                w.da_pairs.append([perp, victim, 1, day, 3])
            continue
        prev = w.window_start + w.randint(0, 200)
        for victim, separated in links:
            end = separated or w.today - w.randint(1, 90)
            start = min(end, max(w.window_start, prev, end - w.randint(150, 700)))
            n = w.pick((1, 1, 1, 2, 2, 3, 4))
            days = sorted(w.day_between(start, end) for _ in range(n))
            if separated:
                for _ in range(w.pick((0, 0, 0, 1, 2))):
                    d = separated + w.randint(7, 150)
                    if d < w.today:
                        days.append(d)
            worst = 0
            for i, day in enumerate(days):
                otype = w.weighted(_DA if i < n else _AFTER_SPLIT)
                rec.record(otype, day, w.people[victim].area, [perp], victims=[victim], da=True)
                worst = max(
                    worst,
                    int(otype in ("VIOLENCE_WITH_INJURY", "NON_FATAL_STRANGULATION", "RAPE")) * 2
                    + 1,
                )
            w.da_pairs.append([perp, victim, len(days), days[-1], worst])
            prev = end
        for _ in range(w.pick((0, 0, 0, 1))):
            otype = w.weighted(ONE_OFF_MIX)
            rec.record(otype, w.day_between(w.window_start, w.today - 1), p.area, [perp])


def _peers(w: World) -> dict[int, list[int]]:
    peers: dict[int, list[int]] = {}
    for a, b, _source in w.ties:
        peers.setdefault(a, []).append(b)
        peers.setdefault(b, []).append(a)
    return peers


def _violent(w: World, rec: Recorder, peers: dict[int, list[int]]) -> None:
    people = w.kinds.get("violent", [])
    n_kill = max(1, round(w.n / 1500))
    killers = set(people[:: max(1, len(people) // n_kill)][:n_kill])
    for idx in people:
        p = w.people[idx]
        n = int(w.weighted((("1", 30), ("2", 30), ("3", 20), ("4", 12), ("5", 8))))
        days = sorted(w.day_between(w.window_start, w.today - 1) for _ in range(n))
        mates = peers.get(idx, [])
        for day in days:
            suspects = [idx]
            if mates and w.rng.random() < 0.35:
                for _ in range(_group_size(w) - 1):
                    m = mates[int(w.rng.random() * len(mates))]
                    if m not in suspects:
                        suspects.append(m)
            rec.record(w.weighted(_VIOLENT), day, _away(w, p.area), suspects)
        if idx in killers and days[-1] < w.today - 3:
            day = w.day_between(days[-1] + 1, w.today - 2)
            conv = day + w.randint(200, 330)
            rec.record(
                "HOMICIDE",
                day,
                p.area,
                [idx],
                outcome="CONVICTED" if conv < w.today else "CHARGED",
                conv_day=conv,
            )


def _sex_offenders(w: World, rec: Recorder) -> None:
    for n, idx in enumerate(w.kinds.get("sexoff", ())):
        p = w.people[idx]
        if n % 3 == 0:
            day = w.day_between(max(p.dob + 20 * 366, w.today - 3650), w.window_start - 200)
            rec.record(
                "RAPE", day, p.area, [idx], outcome="CONVICTED", conv_day=day + w.randint(200, 420)
            )
            if w.rng.random() < 0.3:
                day = w.day_between(w.window_start, w.today - 1)
                rec.record("BREACH_OF_ORDER", day, p.area, [idx])
            continue
        for _ in range(w.randint(1, 3)):
            otype = w.weighted((("SEXUAL_ASSAULT", 50), ("OTHER_SEXUAL_OFFENCE", 35), ("RAPE", 15)))
            rec.record(otype, w.day_between(w.window_start, w.today - 1), p.area, [idx])


def _occasional(w: World, rec: Recorder) -> None:
    plan = (
        ("occasional", 1.0, (2, 5)),
        ("sibling_offender", 1.0, (1, 3)),
        ("associate", 0.3, (1, 2)),
    )
    for kind, chance, (lo, hi) in plan:
        for idx in w.kinds.get(kind, ()):
            if w.rng.random() >= chance:
                continue
            p = w.people[idx]
            earliest = max(w.window_start, p.dob + 12 * 366)
            if earliest >= w.today - 1:
                continue
            for _ in range(w.randint(lo, hi)):
                day = w.day_between(earliest, w.today - 1)
                rec.record(w.weighted(ONE_OFF_MIX), day, _away(w, p.area), [idx])


def _one_off(w: World, rec: Recorder) -> None:
    """About half of all offenders: people with one recorded offence, some of them young people
    offending in small groups."""
    youth: list[list[int]] = [[] for _ in w.areas]
    chance = {"public": 0.5, "partner": 0.15, "parent": 0.08, "sibling": 0.2, "child": 0.12}
    chance["young_sibling"] = 0.25
    for kind in ("public", "partner", "parent", "sibling", "young_sibling", "child"):
        for idx in w.kinds.get(kind, ()):
            p = w.people[idx]
            earliest = max(w.window_start, p.dob + 12 * 366)
            if earliest >= w.today - 1 or w.rng.random() >= chance[kind] or p.n_off:
                continue
            day = w.day_between(earliest, w.today - 1)
            if p.age(day) < 18:
                youth[p.area].append(idx)
            else:
                rec.record(w.weighted(ONE_OFF_MIX), day, p.area, [idx])
    for area, young in enumerate(youth):
        pos = 0
        while pos < len(young):
            size = _group_size(w) if w.rng.random() < 0.35 else 1
            group = young[pos : pos + size]
            pos += size
            earliest = max(w.window_start, max(w.people[g].dob for g in group) + 12 * 366)
            day = w.day_between(earliest, w.today - 1)
            mix = _YOUTH_GROUP if len(group) > 1 else ONE_OFF_MIX
            rec.record(w.weighted(mix), day, area, group)


def _organised(w: World, rec: Recorder) -> None:
    """OCG offences by a member and those they are tied to (groups of up to six)."""
    for ocg in w.ocgs:
        start = max(w.window_start, ocg.mapped_on - 365)
        end = ocg.active_until
        if end <= start or not ocg.members:
            continue
        adj: dict[int, list[int]] = {}
        for a, b in ocg.ties:
            adj.setdefault(a, []).append(b)
            adj.setdefault(b, []).append(a)
        share = (end - start) / 1095
        n = round(len(ocg.members) * w.rng.uniform(1.2, 2.2) * share)
        members = [m for m, _ in ocg.members]
        weights = [_ROLE_WEIGHT[r] for _, r in ocg.members]
        principals = {m for m, r in ocg.members if r == "PRINCIPAL"}
        for _ in range(n):
            otype = w.weighted(ocg.mix)
            lead = w.rng.choices(members, weights)[0]
            suspects = [lead]
            if w.rng.random() < 0.55:
                # Principals stay insulated: they offend only with their lieutenants, and nobody
                # brings a principal along on an offence with the periphery.
                near = [m for m in adj.get(lead, []) if lead in principals or m not in principals]
                for _ in range(_group_size(w) - 1):
                    if near:
                        m = near[int(w.rng.random() * len(near))]
                        if m not in suspects:
                            suspects.append(m)
            day = w.day_between(start, end - 1)
            area = w.pick(ocg.areas) if len(ocg.areas) > 1 else ocg.areas[0]
            rec.record(otype, day, area, suspects)
    for group, ties in zip(w.unmapped, w.unmapped_ties, strict=True):
        adj = {}
        for a, b in ties:
            adj.setdefault(a, []).append(b)
            adj.setdefault(b, []).append(a)
        for _ in range(round(len(group) * 1.5)):
            lead = w.pick(group)
            suspects = [lead]
            if w.rng.random() < 0.5:
                for _ in range(_group_size(w) - 1):
                    m = w.pick(adj[lead])
                    if m not in suspects:
                        suspects.append(m)
            day = w.day_between(w.window_start, w.today - 1)
            rec.record(w.weighted(_UNMAPPED), day, w.people[lead].area, suspects)
    for idx, served in w.facilitators:
        for _ in range(w.randint(0, 2)):
            ocg = w.ocgs[w.pick(served)]
            day = w.day_between(max(w.window_start, ocg.mapped_on - 365), ocg.active_until - 1)
            otype = "MONEY_LAUNDERING" if w.rng.random() < 0.6 else w.weighted(ocg.mix)
            rec.record(otype, day, ocg.areas[0], [idx, w.pick(ocg.lieutenants)])


def build_offending(w: World) -> Recorder:
    """Generate every offence; return the recorder (its count is the number of offences)."""
    rec = Recorder(w)
    peers = _peers(w)
    _prolific(w, rec)
    _domestic(w, rec)
    _violent(w, rec, peers)
    _sex_offenders(w, rec)
    _organised(w, rec)
    _occasional(w, rec)
    _one_off(w, rec)
    w.recorder = rec
    return rec
