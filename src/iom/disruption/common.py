"""What the disruption modules share: the input error, dates, ids and vocabulary checks."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from iom.dates import parse_iso_date
from iom.errors import ConfigError, IomError
from iom.model import MODEL
from iom.reference import Reference

__all__ = [
    "DisruptionInputError",
    "check_vocab",
    "config",
    "new_id",
    "parse_day",
    "raise_problems",
]


class DisruptionInputError(IomError):
    """A disruption record, assessment, plan action or decision is wrong; nothing was saved."""


def config(reference: Reference, section: str) -> dict[str, Any]:
    """One section of the force's ocg_disruption.yaml."""
    value = (reference.disruption or {}).get(section)
    if not isinstance(value, dict):
        raise ConfigError(f"ocg_disruption.yaml: missing section `{section}`")
    return value


def new_id(prefix: str) -> str:
    """A new record id: prefix, dash, 10 hex characters."""
    return f"{prefix}-{uuid.uuid4().hex[:10].upper()}"


def parse_day(value: date | str | None, field: str, problems: list[str]) -> date | None:
    """A date from a date or YYYY-MM-DD text; a problem is noted when it is not one."""
    if value is None or value == "":
        return None
    try:
        return parse_iso_date(str(value).strip() if isinstance(value, str) else value)
    except ValueError as e:
        problems.append(f"{field}: {e}")
        return None


def check_vocab(vocabulary: str, value: str | None, field: str, problems: list[str]) -> None:
    """Note a problem when `value` is not a code of the model's vocabulary."""
    vocab = MODEL.vocabularies[vocabulary]
    if value not in vocab.values:
        choices = ", ".join(f"{c} ({vocab.label(c)})" for c in vocab.values)
        problems.append(f"{field}: {value!r} is not one of {choices}")


def raise_problems(what: str, problems: Iterable[str]) -> None:
    """Raise one DisruptionInputError naming every problem, when there are any."""
    found = list(problems)
    if found:
        raise DisruptionInputError(f"{what} not saved: " + "; ".join(found))
