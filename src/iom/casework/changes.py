"""Casework changes kept in the change history: who, when, and the values before and after."""

from __future__ import annotations

from typing import Any

from iom.security.access import Actor
from iom.security.history import change_row, record_history
from iom.store.base import QueryRunner as Writer

__all__ = ["keep", "record_history"]


def keep(
    target: Writer,
    actor: Actor,
    at: str,
    label: str,
    record_id: str,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """Write one `Change` (before -> after) for a casework record, unless nothing changed."""
    keys = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
    if not keys:
        return
    old = {k: before.get(k) for k in keys}
    new = {k: after.get(k) for k in keys}
    target.write(
        "security/history/record_changes",
        {"rows": [change_row(label, record_id, old, new, actor, at)]},
    )
