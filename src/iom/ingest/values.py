"""Typed cell values: a CSV cell parsed by its model property's type and vocabulary.

>>> from iom.model import Property
>>> vocabs = Vocabularies()
>>> parse_cell(Property("since", "date"), "2024-03-01", vocabs)
'2024-03-01'
>>> parse_cell(Property("detection", vocab="Detection"), "reported", vocabs)
Traceback (most recent call last):
...
iom.ingest.values.CellError: 'reported' is not one of REPORTED, PROACTIVE; did you mean 'REPORTED'?
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from iom.dates import parse_iso_date
from iom.model import MODEL, Model, Property
from iom.reference import Reference, load_reference

__all__ = [
    "EARLIEST_DATE",
    "HEADER_TYPES",
    "INT_RANGE",
    "CellError",
    "Vocabularies",
    "check_bounds",
    "invisible_only",
    "one_of",
    "parse_cell",
    "suggest",
]

# neo4j-admin header type -> model property type
HEADER_TYPES = {
    "string": "string",
    "int": "int",
    "long": "int",
    "float": "float",
    "double": "float",
    "boolean": "bool",
    "date": "date",
    "string[]": "string[]",
}
LIST_LIMIT = 12
_INT_RE = re.compile(r"^[+-]?\d+$")
_FLOAT_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
INT_RANGE = (-(2**63), 2**63 - 1)  # what both engines store as a whole number
EARLIEST_DATE = "1900-01-01"  # an earlier date in police records is a typing slip
NUL = "contains a NUL character (byte 0x00); remove it"


class CellError(ValueError):
    """A cell that does not hold a value of its column's type; the message says why."""


class Vocabularies:
    """Codes of every vocabulary the model names: its own lists and `config:` tables."""

    def __init__(self, model: Model = MODEL, reference: Reference | None = None) -> None:
        self._model = model
        self._reference = reference
        self._cache: dict[str, tuple[str, ...]] = {}

    def values(self, name: str) -> tuple[str, ...]:
        """The allowed codes of vocabulary `name` (`Gender` or `config:offence_types`)."""
        if name not in self._cache:
            if name.startswith("config:"):
                if self._reference is None:
                    self._reference = load_reference()
                self._cache[name] = self._reference.vocabulary(name.removeprefix("config:"))
            else:
                self._cache[name] = self._model.vocabularies[name].values
        return self._cache[name]


def suggest(value: str, choices: Iterable[str]) -> str | None:
    """The closest choice to `value` (ignoring case), if one is close enough."""
    by_upper = {c.upper(): c for c in choices}
    found = difflib.get_close_matches(value.upper(), list(by_upper), n=1)
    return by_upper[found[0]] if found else None


def one_of(value: str, choices: tuple[str, ...], intro: str = "one of") -> str:
    """`'X' is not one of A, B, C` with at most 12 codes listed and a suggestion if any."""
    shown = ", ".join(choices[:LIST_LIMIT])
    if len(choices) > LIST_LIMIT:
        shown += f", ... ({len(choices)} in all)"
    message = f"{value!r} is not {intro} {shown}"
    close = suggest(value, choices)
    return message + (f"; did you mean {close!r}?" if close else "")


def _int(text: str) -> int:
    if not _INT_RE.match(text):
        raise CellError(f"{text!r} is not a whole number")
    value = int(text)
    if not INT_RANGE[0] <= value <= INT_RANGE[1]:
        raise CellError(
            f"{text!r} is too large a whole number for the store "
            f"(from {INT_RANGE[0]:,} to {INT_RANGE[1]:,})"
        )
    return value


def _float(text: str) -> float:
    if not _FLOAT_RE.match(text):
        raise CellError(f"{text!r} is not a number")
    value = float(text)
    if not math.isfinite(value):
        raise CellError(f"{text!r} is too large a number for the store")
    return value


def _bool(text: str) -> bool:
    lowered = text.lower()
    if lowered not in ("true", "false"):
        raise CellError(f"{text!r} is not true or false")
    return lowered == "true"


def _date(text: str) -> str:
    try:
        value = parse_iso_date(text).isoformat()
    except ValueError as e:
        raise CellError(str(e)) from None
    if value < EARLIEST_DATE:
        raise CellError(f"{text!r} is before {EARLIEST_DATE}; check the year")
    return value


_PARSERS: dict[str, Callable[[str], Any]] = {
    "int": _int,
    "float": _float,
    "bool": _bool,
    "date": _date,
}


def _coded(text: str, prop: Property, vocabs: Vocabularies) -> str:
    if prop.vocab:
        allowed = vocabs.values(prop.vocab)
        if text not in allowed:
            raise CellError(one_of(text, allowed))
    return text


def invisible_only(text: str) -> bool:
    """True when `text` holds characters but none that shows (spaces, zero-width, controls)."""
    return bool(text) and all(
        ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp") for ch in text
    )


def check_bounds(prop: Property, value: Any, text: str, as_of: date) -> None:
    """Refuse a value outside its property's bounds (`min:`, `past:` in the model)."""
    if prop.minimum is not None and isinstance(value, int | float) and value < prop.minimum:
        raise CellError(f"{text!r} is below {prop.minimum:g}, the least {prop.name} can be")
    if prop.past and isinstance(value, str) and value > as_of.isoformat():
        raise CellError(
            f"{text!r} is after the import's as-of date {as_of.isoformat()}; "
            f"{prop.name} cannot be in the future"
        )


def parse_cell(prop: Property, text: str, vocabs: Vocabularies) -> Any:
    """The value of a non-empty cell for `prop`, or a CellError saying what is wrong."""
    if "\x00" in text:
        raise CellError(NUL)
    if prop.type == "string":
        return _coded(text, prop, vocabs)
    if prop.type == "string[]":
        items = [item.strip() for item in text.split(";")]
        return [_coded(item, prop, vocabs) for item in items if item]
    return _PARSERS[prop.type](text.strip())
