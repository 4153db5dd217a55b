"""Whether an IOM episode is open on a date: one rule for the profile and the home figures.

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

from iom.dates import parse_date

__all__ = ["open_on", "parse_date"]


def open_on(start_on: object, end_on: object, as_of: date) -> bool:
    """Whether an episode from `start_on` to `end_on` (empty: still open) is open on `as_of`."""
    start, end = parse_date(start_on), parse_date(end_on)
    if start is not None and start > as_of:
        return False
    return end is None or end > as_of
