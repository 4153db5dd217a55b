"""The IOM cohort with its episodes and offender managers, and the MAPPA and MARAC cases."""

from __future__ import annotations

import heapq

from iom.seed.world import F, World

__all__ = ["build_cohort", "build_mappa_marac", "cohort_size"]

_FIXED_KINDS = ("prolific_burglar", "prolific_robber", "prolific_vehicle")
_FLEX_KINDS = ("da", "violent")
_FREE_KINDS = ("prolific_shoplifter", "occasional", "sibling_offender", "ocg")
_DESELECT = (
    "Offending reduced and stable for six months; stepped down to universal services",
    "Sentenced to a long custodial term; will be re-screened before release",
    "Moved out of the force area; case transferred",
    "Licence expired and no offending in the last nine months",
)


def cohort_size(persons: int) -> int:
    """The IOM cohort for a force of this size (200 for 3,000 people)."""
    return max(12, round(persons / 15))


def _score(w: World, idx: int) -> float:
    p = w.people[idx]
    recency = max(0, 365 - (w.today - p.last_off)) / 365 if p.last_off else 0.0
    return p.nbh_12m * 3 + p.off_12m * 2 + p.harm_12m / 50 + recency * 5 + p.n_off * 0.2


def _reason(w: World, idx: int, cohort: str) -> str:
    p = w.people[idx]
    if cohort == "FIXED":
        return (
            f"Neighbourhood crime: {p.nbh_12m} burglary, robbery or vehicle offences in the "
            f"last 12 months ({p.off_12m} offences in all)"
        )
    if p.kind == "da":
        victims = len(w.da_links.get(idx, ()))
        return f"Domestic abuse perpetrator: {victims} victim(s); locally prioritised (Flex)"
    if cohort == "FLEX":
        return f"Serious violence: {p.off_12m} offences in 12 months; harm {p.harm_12m:.0f} days"
    if p.kind == "ocg":
        return "OCG nominal with drug-driven acquisitive offending; Free cohort for diversion"
    return f"Local priority: {p.off_12m} offences in 12 months linked to drug or alcohol misuse"


def _manager(w: World, area: int, heaps: dict[int, list[tuple[float, str, int]]]) -> str:
    """The offender manager at the hub with the most room (load over capacity), kept in a heap."""
    heap = heaps.get(area)
    if heap is None:
        oms = sorted(w.areas[area].officers["OFFENDER_MANAGER"])
        heap = heaps[area] = [(0.0, o, 0) for o in oms]
        heapq.heapify(heap)
    _ratio, best, load = heapq.heappop(heap)
    heapq.heappush(heap, ((load + 1) / float(w.officers[best]["capacity"]), best, load + 1))
    return best


def _episode(
    w: World,
    idx: int,
    cohort: str,
    start: int,
    end: int | None,
    load: dict[int, list[tuple[float, str, int]]],
) -> None:
    p = w.people[idx]
    eid = w.next_id("IOM", 6)
    om = (
        _manager(w, p.area, load)
        if end is None
        else w.pick(w.areas[p.area].officers["OFFENDER_MANAGER"])
    )
    w.out.node(
        "IomEpisode",
        eid,
        {
            "cohort": cohort,
            "start_on": start,
            "end_on": end,
            "selection_reason": _reason(w, idx, cohort),
            "deselection_reason": w.pick(_DESELECT) if end is not None else None,
        },
    )
    w.out.rel("IN_EPISODE", "Person", w.pid(idx), "IomEpisode", eid)
    w.out.rel("AT_HUB", "IomEpisode", eid, "Area", w.areas[p.area].id)
    w.out.rel("MANAGED_BY", "IomEpisode", eid, "Officer", om)
    w.episodes.append(
        {
            "id": eid,
            "person": idx,
            "cohort": cohort,
            "start": start,
            "end": end,
            "area": p.area,
            "om": om,
        }
    )


def build_cohort(w: World) -> None:
    """Select the current cohort (about FIXED 50%, FLEX 30%, FREE 20%) and past episodes."""
    size = cohort_size(w.n)
    want = {"FIXED": round(size * 0.5), "FLEX": round(size * 0.3)}
    want["FREE"] = size - want["FIXED"] - want["FLEX"]
    adult = w.today - 18 * 366

    def pool(kinds: tuple[str, ...]) -> list[int]:
        ids = [
            i
            for k in kinds
            for i in w.kinds.get(k, ())
            if w.people[i].n_off and w.people[i].dob < adult and i not in w.cohort
        ]
        return sorted(ids, key=lambda i: (-_score(w, i), i))

    ocg_quota = max(3, size // 40)
    ocg = pool(("ocg",))
    for idx in ocg[:ocg_quota]:
        w.cohort[idx] = "FLEX" if len(w.cohort) % 2 else "FREE"
    for cohort, kinds in (("FIXED", _FIXED_KINDS), ("FLEX", _FLEX_KINDS), ("FREE", _FREE_KINDS)):
        have = sum(1 for c in w.cohort.values() if c == cohort)
        chosen = pool(kinds)[: max(0, want[cohort] - have)]
        if len(chosen) < want[cohort] - have:
            extra = pool(tuple(w.kinds))
            chosen += extra[: want[cohort] - have - len(chosen)]
        for idx in chosen:
            w.cohort[idx] = cohort
    load: dict[int, list[tuple[float, str, int]]] = {}
    for idx in sorted(w.cohort):
        p = w.people[idx]
        p.flags |= F.NOMINAL
        start = w.day_between(
            min(max(w.window_start, p.first_off + 30), w.today - 14), w.today - 14
        )
        if w.rng.random() < 0.25 and start - w.window_start > 400:
            old_start = w.day_between(w.window_start, start - 300)
            old_end = w.day_between(old_start + 120, start - 60)
            _episode(w, idx, w.cohort[idx], old_start, old_end, load)
        _episode(w, idx, w.cohort[idx], start, None, load)
    past = [
        i for i in pool(("prolific_shoplifter", "occasional", "violent", "da", "prolific_burglar"))
    ][: round(size * 0.3)]
    for idx in sorted(past):
        start = w.day_between(w.window_start, w.today - 400)
        end = w.day_between(start + 120, min(w.today - 30, start + 600))
        cohort = "FIXED" if w.people[idx].kind.startswith("prolific") else w.pick(("FLEX", "FREE"))
        _episode(w, idx, cohort, start, end, load)


def _mappa_case(w: World, idx: int, category: str, level: str) -> None:
    mid = w.next_id("MAPPA", 5)
    start = w.day_between(
        max(
            w.window_start - 700,
            w.people[idx].last_off - 300 if w.people[idx].last_off else w.window_start,
        ),
        w.today - 20,
    )
    end = None
    if level == "1" and w.rng.random() < 0.15 and start + 90 < w.today - 1:
        end = w.day_between(start + 90, w.today - 1)
    w.out.node(
        "MappaCase", mid, {"category": category, "level": level, "start_on": start, "end_on": end}
    )
    w.out.rel("SUBJECT_OF", "Person", w.pid(idx), "MappaCase", mid, {"role": "OFFENDER"})
    w.mappa[idx] = max(w.mappa.get(idx, "0"), level)


def _level(w: World) -> str:
    return w.weighted((("1", 75), ("2", 20), ("3", 5)))


def build_mappa_marac(w: World) -> None:
    """MAPPA cases (some level 2/3 for IOM nominals) and MARAC cases for high-risk DA."""
    for idx in w.kinds.get("sexoff", ()):
        _mappa_case(w, idx, "1", _level(w))
    convicted = [
        i for k in ("violent", "da") for i in w.kinds.get(k, ()) if w.people[i].flags & F.CONVICTED
    ]
    for idx in convicted:
        if idx in w.cohort or w.rng.random() >= (0.4 if w.people[idx].kind == "violent" else 0.15):
            continue
        _mappa_case(w, idx, "2", _level(w))
    others = [
        i
        for i in w.kinds.get("prolific_robber", ())
        if w.people[i].flags & F.CONVICTED and i not in w.cohort
    ]
    for idx in others[: w.scaled(3)]:
        _mappa_case(w, idx, "3", "1" if w.rng.random() < 0.6 else "2")
    in_iom = [
        i
        for i in sorted(w.cohort)
        if w.people[i].kind in ("violent", "da", "ocg", "prolific_robber")
    ]
    for n, idx in enumerate(in_iom[: max(3, len(w.cohort) // 40)]):
        _mappa_case(w, idx, "2", "3" if n % 3 == 2 else "2")
    for n, idx in enumerate(in_iom[max(3, len(w.cohort) // 40) :]):
        if n % 5 == 0:
            _mappa_case(w, idx, "2", "1")
    fixed = [i for i in sorted(w.cohort) if w.cohort[i] == "FIXED" and i not in w.mappa]
    for idx in fixed[:4]:  # planted: IOM Fixed and MAPPA level 2 at once
        _mappa_case(w, idx, "2", "2")
        w.planted.setdefault("iom_fixed_and_mappa_2", []).append((idx, 0))
    seen_victims: dict[int, int] = {}
    for perp, victim, count, last_day, worst in w.da_pairs:
        if not (worst >= 3 or count >= 3) or w.rng.random() >= 0.5:
            continue
        heard = last_day + w.randint(7, 40)
        if heard >= w.today:
            continue
        repeat = victim in seen_victims and heard - seen_victims[victim] < 365
        dash = w.randint(14, 24) if worst >= 3 else w.randint(8, 16)
        if repeat:
            criterion = "REPEAT"
        elif dash >= 14:
            criterion = "VISIBLE_HIGH_RISK"
        else:
            criterion = "POTENTIAL_ESCALATION" if count >= 3 else "PROFESSIONAL_JUDGEMENT"
        for _ in range(2 if w.rng.random() < 0.15 and heard < w.today - 200 else 1):
            mid = w.next_id("MARAC", 5)
            w.out.node(
                "MaracCase", mid, {"criterion": criterion, "heard_on": heard, "dash_score": dash}
            )
            w.out.rel(
                "SUBJECT_OF", "Person", w.pid(perp), "MaracCase", mid, {"role": "PERPETRATOR"}
            )
            w.marac_perps.add(perp)
            w.out.rel("SUBJECT_OF", "Person", w.pid(victim), "MaracCase", mid, {"role": "VICTIM"})
            seen_victims[victim] = heard
            heard, criterion = heard + w.randint(60, 180), "REPEAT"
            dash = min(27, dash + w.randint(0, 4))
            if heard >= w.today:
                break
