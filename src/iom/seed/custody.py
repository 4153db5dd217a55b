"""Custody spells: remand and sentences for the people the force has in prison, never overlapping
an offence they committed in the community."""

from __future__ import annotations

from bisect import bisect_left

from iom.seed.world import World

__all__ = ["build_custody", "overlaps"]

# Offence type -> (chance a conviction brings a custodial sentence, shortest and longest sentence
# in days). Half is served in custody, the rest on licence (standard determinate sentences).
_SENTENCE = {
    "HOMICIDE": (1.0, 5000, 7300),
    "RAPE": (0.95, 1800, 3600),
    "FIREARMS": (0.9, 1800, 2900),
    "MODERN_SLAVERY": (0.8, 1400, 2900),
    "SEXUAL_ASSAULT": (0.4, 180, 900),
    "OTHER_SEXUAL_OFFENCE": (0.15, 120, 365),
    "DRUG_SUPPLY": (0.55, 540, 2200),
    "ROBBERY_PERSONAL": (0.6, 540, 1800),
    "ROBBERY_BUSINESS": (0.7, 720, 2200),
    "RESIDENTIAL_BURGLARY": (0.45, 365, 1100),
    "NON_FATAL_STRANGULATION": (0.4, 240, 900),
    "VIOLENCE_WITH_INJURY": (0.25, 180, 900),
    "POSSESSION_OF_WEAPON": (0.25, 120, 540),
    "MONEY_LAUNDERING": (0.35, 540, 1800),
    "STALKING_HARASSMENT": (0.12, 120, 540),
    "ARSON": (0.3, 365, 1100),
}
# Charged and awaiting trial: the gravest are remanded in custody.
_REMAND = {"HOMICIDE": 1.0, "RAPE": 0.6, "FIREARMS": 0.7, "ROBBERY_PERSONAL": 0.2}


def overlaps(days: list[int], start: int, end: int) -> int | None:
    """The first of the sorted `days` within [start, end], or None."""
    i = bisect_left(days, start)
    return days[i] if i < len(days) and days[i] <= end else None


def _add(w: World, spells: dict[int, list[list]], idx: int, spell: list) -> bool:
    """Keep a spell only if it neither overlaps the person's offences nor another spell."""
    kind, start, due, released, licence = spell
    end = released if released is not None else w.today
    days = w.offence_days.get(idx, [])
    if overlaps(days, start, end) is not None:
        return False
    mine = spells.setdefault(idx, [])
    for other in mine:
        o_end = other[4] if other[4] is not None else w.today
        if not (end < other[2] or start > o_end):
            return False
    mine.append([idx, kind, start, due, released, licence])
    return True


def build_custody(w: World) -> None:
    """Write a CustodySpell per remand or sentence, with IN_CUSTODY from the person."""
    rng = w.rng
    for days in w.offence_days.values():
        days.sort()
    rows: dict[int, list[list]] = {}
    for idx in sorted(w.custody):
        for conv, release in w.custody[idx]:
            first = w.offence_days.get(idx, [])
            before = [d for d in first if d < conv]
            if conv >= w.today:  # not yet sentenced: remanded since arrest, awaiting trial
                if before and before[-1] < w.today - 5:
                    start = before[-1] + w.randint(1, 4)
                    _add(w, rows, idx, ["REMAND", start, None, None, None])
                continue
            if before and rng.random() < 0.5:
                remand_from = min(conv - 1, before[-1] + w.randint(1, 4))
                _add(w, rows, idx, ["REMAND", remand_from, None, conv, None])
            released = release if release < w.today else None
            licence = conv + 2 * (release - conv)
            _add(w, rows, idx, ["SENTENCE", conv, release, released, licence])
    rec = w.recorder
    for idx, otype, _day, conv in sorted(rec.convictions, key=lambda c: (c[3], c[0])):
        if idx in w.custody:
            continue
        rule = _SENTENCE.get(otype)
        if rule is None or rng.random() >= rule[0]:
            continue
        length = w.randint(rule[1], rule[2])
        due = conv + length // 2
        released = due if due < w.today else None
        clash = overlaps(w.offence_days.get(idx, []), conv, released or w.today)
        if clash is not None:
            # Out early (home detention curfew or a short term): released before they offended.
            due = clash - w.randint(20, 90)
            if due <= conv + 30:
                continue
            released, length = due, 2 * (due - conv)
        _add(w, rows, idx, ["SENTENCE", conv, due, released, conv + length])
    for idx, otype, day in rec.charges:
        if rng.random() < _REMAND.get(otype, 0.0):
            start = min(w.today - 1, day + w.randint(1, 3))
            _add(w, rows, idx, ["REMAND", start, None, None, None])
    ordered = sorted((r for spells in rows.values() for r in spells), key=lambda r: (r[0], r[2]))
    for idx, kind, start, due, released, licence in ordered:
        sid = w.next_id("CUS", 6)
        w.out.node(
            "CustodySpell",
            sid,
            {
                "kind": kind,
                "start": start,
                "release_due": due,
                "released_on": released,
                "licence_end": licence,
            },
        )
        w.out.rel("IN_CUSTODY", "Person", w.pid(idx), "CustodySpell", sid)
        w.in_custody.setdefault(idx, []).append((start, released))
