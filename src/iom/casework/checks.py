"""Checks on casework input: each failure names the field, before anything is written.

>>> pathway_code("accommodation")
'ACCOMMODATION'
>>> day("due_on", "2025-02-30")
Traceback (most recent call last):
...
iom.errors.InvalidInput: due_on: '2025-02-30' is not a date (expected YYYY-MM-DD)
"""

from __future__ import annotations

import difflib
from datetime import date

from iom.dates import not_a_date
from iom.errors import InvalidInput
from iom.model import MODEL

__all__ = [
    "code",
    "day",
    "not_before",
    "one_of",
    "optional_day",
    "pathway_code",
    "text",
    "today",
]


def one_of(value: str, choices: tuple[str, ...]) -> str:
    """`'X' is not one of A, B, C` with a suggestion when one is close."""
    close = difflib.get_close_matches(value.upper(), list(choices), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{value!r} is not one of {', '.join(choices)}{hint}"


def today() -> date:
    """Today's date (one place, so callers can pass `on=` instead in tests)."""
    return date.today()


def text(field: str, value: str | None, *, required: bool = True, limit: int = 4000) -> str:
    """Trimmed text; an empty required value is refused naming `field`."""
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise InvalidInput(field, "required; it cannot be empty")
    if len(cleaned) > limit:
        raise InvalidInput(field, f"too long ({len(cleaned)} characters; at most {limit})")
    return cleaned


def code(field: str, vocabulary: str, value: str | None) -> str:
    """A vocabulary code (any case accepted, the code is stored); refused if not in the model."""
    choices = MODEL.vocabularies[vocabulary].values
    raw = (value or "").strip()
    if not raw:
        raise InvalidInput(field, f"required; one of {', '.join(choices)}")
    wanted = raw.upper().replace(" ", "_").replace("-", "_")
    if wanted in choices:
        return wanted
    by_label = {MODEL.vocabularies[vocabulary].label(c).lower(): c for c in choices}
    if raw.lower() in by_label:
        return by_label[raw.lower()]
    raise InvalidInput(field, one_of(raw, choices))


def pathway_code(value: str | None, field: str = "pathway") -> str:
    """A pathway code from the model's Pathway vocabulary (the 7 and the 2 women's pathways)."""
    return code(field, "Pathway", value)


def day(field: str, value: str | date | None) -> date:
    """A date from `YYYY-MM-DD` (or a date); refused naming `field`."""
    if isinstance(value, date):
        return value
    raw = (value or "").strip()
    if not raw:
        raise InvalidInput(field, "required (YYYY-MM-DD)")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(field, not_a_date(raw)) from None


def optional_day(field: str, value: str | date | None) -> date | None:
    """A date, or None for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return day(field, value)


def not_before(field: str, value: date, earliest: date, what: str) -> None:
    """Refuse a date before `earliest` (e.g. a due date before the action was created)."""
    if value < earliest:
        raise InvalidInput(field, f"{value.isoformat()} is before {what} ({earliest.isoformat()})")
