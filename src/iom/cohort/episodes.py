"""Which IOM episode is open on a date: one rule shared by the ranking and the home figures.

An episode is open on `as_of` when it started on or before that day and has no `end_on`
(empty) or ends after it. For today that is "open" in the plain sense: `end_on` empty.

>>> from datetime import date
>>> open_on("2024-01-01", None, date(2024, 6, 1))
True
>>> open_on("2024-01-01", "2024-03-01", date(2024, 6, 1))
False
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from iom.dates import parse_date

__all__ = ["current_episodes", "open_on", "parse_date"]


def open_on(start_on: object, end_on: object, as_of: date) -> bool:
    """Whether an episode from `start_on` to `end_on` (empty: still open) is open on `as_of`."""
    start, end = parse_date(start_on), parse_date(end_on)
    if start is not None and start > as_of:
        return False
    return end is None or end > as_of


def current_episodes(episodes: pd.DataFrame, as_of: date, key: str = "person_id") -> pd.DataFrame:
    """One row per person: the open episode on `as_of` that started last (others dropped).

    `episodes` has `key`, `start_on` and `end_on` columns (rows with no episode, e.g. from an
    OPTIONAL MATCH, may carry nulls there and an empty `episode_id`).
    """
    if episodes.empty:
        return episodes.iloc[0:0]
    has_episode = episodes["episode_id"].notna() if "episode_id" in episodes else True
    spans = zip(episodes["start_on"], episodes["end_on"], strict=True)
    is_open = [open_on(start, end, as_of) for start, end in spans]
    current = episodes[has_episode & pd.Series(is_open, index=episodes.index)]
    current = current.sort_values([key, "start_on"], na_position="first")
    return current.drop_duplicates(key, keep="last")
