"""The records stream: choices drawn from the world's second generator (`w.aux`), so that the
casework records (stamps, outcomes, evaluations) never shift the people, offences and ties."""

from __future__ import annotations

from datetime import date

from iom.seed.world import World

__all__ = ["day_in", "pick_one", "stamp", "weighted_choice"]


def stamp(w: World, day: int) -> str:
    """A timestamp on `day` in working hours (as the casework library writes them)."""
    minute = 8 * 60 + int(w.aux.random() * 9 * 60)
    return f"{date.fromordinal(day).isoformat()}T{minute // 60:02d}:{minute % 60:02d}:00+00:00"


def weighted_choice(w: World, options: tuple[tuple[str, float], ...]) -> str:
    """A weighted choice from the records stream."""
    r = w.aux.random() * sum(wt for _, wt in options)
    for value, wt in options:
        r -= wt
        if r < 0:
            return value
    return options[-1][0]


def pick_one(w: World, seq: tuple[str, ...] | list[str]) -> str:
    """A random element from the records stream."""
    return seq[int(w.aux.random() * len(seq))]


def day_in(w: World, lo: int, hi: int) -> int:
    """A day in [lo, hi] from the records stream (hi raised to lo if below it)."""
    return lo + int(w.aux.random() * (max(lo, hi) - lo + 1))
