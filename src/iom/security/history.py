"""Change history: the before and after of every record an import alters, as `Change` nodes.

>>> changed({"id": "P1", "ogrs3": 41.0, "gender": "MALE"}, {"id": "P1", "ogrs3": 44.5})
({'ogrs3': 41.0}, {'ogrs3': 44.5})
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Mapping
from typing import Any

from iom.security import audit
from iom.security.access import Actor
from iom.store.base import QueryRunner, Row

__all__ = ["Stored", "change_row", "changed", "current", "record_history"]

READ_BATCH = 5000


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        try:
            return math.isclose(float(old), float(new), rel_tol=1e-12, abs_tol=1e-12)
        except (TypeError, ValueError):
            return False
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)


def changed(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Old and new values of the properties in `after` that differ from `before`.

    A value of None in `after` clears the property (`<unknown>` in an import); clearing one
    that is not stored is no change.
    """
    keys = [
        k
        for k in sorted(after)
        if (k not in before and after[k] is not None)
        or (k in before and not _same(before[k], after[k]))
    ]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def change_row(
    label: str, record_id: str, old: dict[str, Any], new: dict[str, Any], actor: Actor, at: str
) -> dict[str, Any]:
    """The parameters of one `Change` node."""
    return {
        "id": uuid.uuid4().hex,
        "at": at,
        "user": actor.user,
        "label": label,
        "record_id": record_id,
        "before": json.dumps(old, sort_keys=True, ensure_ascii=False),
        "after": json.dumps(new, sort_keys=True, ensure_ascii=False),
    }


Stored = dict[str, tuple[dict[str, Any], list[str]]]


def current(reader: QueryRunner, label: str, ids: list[str]) -> Stored:
    """Stored (properties, labels) of the records of `label` among `ids`, by id."""
    found: Stored = {}
    for start in range(0, len(ids), READ_BATCH):
        rows = reader.read(
            "security/history/current_properties",
            {"ids": ids[start : start + READ_BATCH]},
            slots={"Label": label},
        )
        for row in rows:
            found[str(row["id"])] = (dict(row["props"] or {}), list(row["labels"] or []))
    return found


def record_history(runner: QueryRunner, actor: Actor, label: str, record_id: str) -> list[Row]:
    """Every change to one record, oldest first, `before`/`after` decoded from JSON. Audited."""
    rows = runner.read("security/history/record_history", {"label": label, "record_id": record_id})
    for row in rows:
        row["before"] = json.loads(row["before"] or "{}")
        row["after"] = json.loads(row["after"] or "{}")
    audit.record(
        runner, actor, "CONSULTATION", [record_id], f"change history of {label} {record_id}"
    )
    return rows
