"""Three years of offending with realistic shapes: sprees and custody gaps, DA, crews, OCGs."""

from __future__ import annotations

from iom.seed.offences import Recorder
from iom.seed.world import World

__all__ = ["build_offending"]

Mix = tuple[tuple[str, float], ...]

_PROLIFIC: dict[str, tuple[Mix, tuple[int, int]]] = {
    "prolific_burglar": (
        (
            ("RESIDENTIAL_BURGLARY", 50),
            ("NON_RESIDENTIAL_BURGLARY", 18),
            ("THEFT_FROM_VEHICLE", 10),
            ("SHOPLIFTING", 12),
            ("THEFT_OF_VEHICLE", 5),
            ("DRUG_POSSESSION", 5),
        ),
        (14, 28),
    ),
    "prolific_robber": (
        (
            ("ROBBERY_PERSONAL", 40),
            ("THEFT_FROM_PERSON", 25),
            ("ROBBERY_BUSINESS", 8),
            ("POSSESSION_OF_WEAPON", 10),
            ("VIOLENCE_WITHOUT_INJURY", 7),
            ("DRUG_POSSESSION", 10),
        ),
        (18, 35),
    ),
    "prolific_vehicle": (
        (
            ("THEFT_OF_VEHICLE", 40),
            ("THEFT_FROM_VEHICLE", 35),
            ("CRIMINAL_DAMAGE", 8),
            ("RESIDENTIAL_BURGLARY", 7),
            ("DRUG_POSSESSION", 5),
            ("BREACH_OF_ORDER", 5),
        ),
        (14, 28),
    ),
    "prolific_shoplifter": (
        (
            ("SHOPLIFTING", 70),
            ("THEFT_FROM_PERSON", 6),
            ("DRUG_POSSESSION", 10),
            ("PUBLIC_ORDER", 6),
            ("BREACH_OF_ORDER", 8),
        ),
        (7, 16),
    ),
}
_DA: Mix = (
    ("VIOLENCE_WITHOUT_INJURY", 30),
    ("VIOLENCE_WITH_INJURY", 18),
    ("STALKING_HARASSMENT", 14),
    ("CRIMINAL_DAMAGE", 10),
    ("NON_FATAL_STRANGULATION", 8),
    ("PUBLIC_ORDER", 6),
    ("BREACH_OF_ORDER", 4),
    ("RAPE", 0.6),
)
_AFTER_SPLIT: Mix = (("STALKING_HARASSMENT", 60), ("BREACH_OF_ORDER", 30), ("CRIMINAL_DAMAGE", 10))
_VIOLENT: Mix = (
    ("VIOLENCE_WITH_INJURY", 30),
    ("VIOLENCE_WITHOUT_INJURY", 25),
    ("POSSESSION_OF_WEAPON", 15),
    ("PUBLIC_ORDER", 15),
    ("ROBBERY_PERSONAL", 5),
    ("CRIMINAL_DAMAGE", 8),
    ("ARSON", 2),
)
_LOW: Mix = (
    ("SHOPLIFTING", 25),
    ("PUBLIC_ORDER", 15),
    ("CRIMINAL_DAMAGE", 14),
    ("DRUG_POSSESSION", 18),
    ("VIOLENCE_WITHOUT_INJURY", 12),
    ("THEFT_FROM_VEHICLE", 6),
    ("ARSON", 1),
    ("BREACH_OF_ORDER", 4),
    ("FRAUD", 5),
)
_ROLE_WEIGHT = {"PRINCIPAL": 1, "SIGNIFICANT": 3, "PERIPHERAL": 5}
_CREW_KINDS = ("prolific_burglar", "prolific_vehicle", "prolific_robber")


def _spree(w: World, idx: int, gap: tuple[int, int], custody_p: float) -> list[list[int]]:
    """Offence days in bursts; some bursts end in conviction and months in custody."""
    rng = w.rng
    mean = rng.uniform(*gap)
    t = w.window_start - w.randint(0, 150)
    out: list[list[int]] = []
    spells: list[tuple[int, int]] = []
    while t < w.today:
        burst_end = t + w.randint(30, 160)
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
            t += w.randint(20, 120)
    if spells:
        w.custody[idx] = spells
    return out


def _in_custody(w: World, idx: int, day: int) -> bool:
    return any(a <= day <= b for a, b in w.custody.get(idx, ()))


def _away(w: World, home: int) -> int:
    return home if w.rng.random() < 0.8 else int(w.rng.random() * len(w.areas))


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
                if crew and w.rng.random() < 0.3:
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
    for perp, links in w.da_links.items():
        p = w.people[perp]
        prev = w.window_start + w.randint(0, 200)
        for victim, separated in links:
            end = separated or w.today - w.randint(1, 90)
            start = min(end, max(w.window_start, prev, end - w.randint(150, 700)))
            n = w.pick((1, 1, 2, 2, 3, 4, 5))
            days = sorted(w.day_between(start, end) for _ in range(n))
            if separated:
                for _ in range(w.pick((0, 1, 1, 2))):
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
        for _ in range(w.pick((0, 0, 1, 2))):
            rec.record(w.weighted(_LOW), w.day_between(w.window_start, w.today - 1), p.area, [perp])


def _violent(w: World, rec: Recorder) -> None:
    people = w.kinds.get("violent", [])
    n_kill = max(1, round(w.n / 1500))
    killers = set(people[:: max(1, len(people) // n_kill)][:n_kill])
    for idx in people:
        p = w.people[idx]
        days = sorted(w.day_between(w.window_start, w.today - 1) for _ in range(w.randint(2, 6)))
        for day in days:
            rec.record(w.weighted(_VIOLENT), day, _away(w, p.area), [idx])
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
    for idx in w.kinds.get("sexoff", ()):
        p = w.people[idx]
        day = w.day_between(max(p.dob + 20 * 366, w.today - 3650), w.window_start - 200)
        rec.record(
            "RAPE", day, p.area, [idx], outcome="CONVICTED", conv_day=day + w.randint(200, 420)
        )
        if w.rng.random() < 0.3:
            rec.record("BREACH_OF_ORDER", w.day_between(w.window_start, w.today - 1), p.area, [idx])


def _occasional(w: World, rec: Recorder) -> None:
    plan = (
        ("occasional", 1.0, (1, 4)),
        ("sibling_offender", 1.0, (1, 3)),
        ("young_sibling", 0.2, (1, 1)),
        ("partner", 0.04, (1, 1)),
        ("parent", 0.04, (1, 1)),
        ("associate", 0.3, (1, 2)),
        ("public", 0.01, (1, 1)),
    )
    for kind, chance, (lo, hi) in plan:
        for idx in w.kinds.get(kind, ()):
            if w.rng.random() >= chance:
                continue
            p = w.people[idx]
            earliest = max(w.window_start, p.dob + 10 * 366)
            if earliest >= w.today - 1:
                continue
            for _ in range(w.randint(lo, hi)):
                day = w.day_between(earliest, w.today - 1)
                if kind == "young_sibling":
                    otype = w.pick(("SHOPLIFTING", "CRIMINAL_DAMAGE", "PUBLIC_ORDER"))
                    outcome = w.pick(("CAUTIONED", "NO_FURTHER_ACTION"))
                    rec.record(otype, day, p.area, [idx], outcome=outcome)
                else:
                    rec.record(w.weighted(_LOW), day, _away(w, p.area), [idx])


def _organised(w: World, rec: Recorder) -> None:
    for ocg in w.ocgs:
        start = max(w.window_start, ocg.mapped_on - 365)
        end = ocg.active_until
        if end <= start or not ocg.members:
            continue
        share = (end - start) / 1095
        n = round(len(ocg.members) * w.rng.uniform(2.0, 4.0) * share)
        members = [m for m, _ in ocg.members]
        weights = [_ROLE_WEIGHT[r] for _, r in ocg.members]
        for _ in range(n):
            otype = w.weighted(ocg.mix)
            k = 1 if w.rng.random() < 0.5 else (2 if w.rng.random() < 0.65 else 3)
            wts = (
                [
                    3 if r == "PRINCIPAL" else x
                    for (_, r), x in zip(ocg.members, weights, strict=True)
                ]
                if otype == "MONEY_LAUNDERING"
                else weights
            )
            suspects: list[int] = []
            for m in w.rng.choices(members, wts, k=k):
                if m not in suspects:
                    suspects.append(m)
            day = w.day_between(start, end - 1)
            rec.record(
                otype, day, w.pick(ocg.areas) if len(ocg.areas) > 1 else ocg.areas[0], suspects
            )
        for m, role in ocg.members:
            if role == "PERIPHERAL" and w.rng.random() < 0.3:
                rec.record(
                    w.pick(("DRUG_POSSESSION", "PUBLIC_ORDER", "POSSESSION_OF_WEAPON")),
                    w.day_between(w.window_start, w.today - 1),
                    w.people[m].area,
                    [m],
                )


def build_offending(w: World) -> Recorder:
    """Generate every offence; return the recorder (its count is the number of offences)."""
    rec = Recorder(w)
    _prolific(w, rec)
    _domestic(w, rec)
    _violent(w, rec)
    _sex_offenders(w, rec)
    _organised(w, rec)
    _occasional(w, rec)
    return rec
