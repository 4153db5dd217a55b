"""Dates, one way: a strict YYYY-MM-DD reader for what people type or import, one message for
a mistake wherever it is made, a lenient reader for values already stored, and the
microsecond UTC time records are stamped with.

>>> parse_iso_date("2024-02-29")
datetime.date(2024, 2, 29)
>>> not_a_date("1/3/2023")
"'1/3/2023' is not a date (expected YYYY-MM-DD)"
>>> parse_date("2024-03-01T10:00"), parse_date("")
(datetime.date(2024, 3, 1), None)
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

__all__ = ["not_a_date", "parse_date", "parse_iso_date", "precise_now"]

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def not_a_date(text: object) -> str:
    """The one message for a value that should be a YYYY-MM-DD date and is not."""
    return f"{str(text)!r} is not a date (expected YYYY-MM-DD)"


def parse_iso_date(text: object) -> date:
    """A YYYY-MM-DD date (a real day); ValueError with `not_a_date`'s message otherwise."""
    if isinstance(text, date):
        return text
    value = str(text)
    try:
        if not _DATE_RE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(not_a_date(value)) from None


def parse_date(value: object) -> date | None:
    """A stored ISO date (or date, or datetime text) as a date; None when empty or not a date."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def precise_now() -> str:
    """The current UTC time to the microsecond, so records made in one second keep their order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")
