"""The audit trail: every consultation, collection and change of personal data is logged.

Entries are `AuditEvent` nodes in the same store (so Neo4j keeps them in production),
holding who, in what role, why, when, the operation (DPA 2018 s.62 vocabulary) and whose
records were touched.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from iom.errors import ConfigError
from iom.model import MODEL
from iom.security.access import Actor
from iom.store.base import QueryRunner, Row

__all__ = ["now_iso", "recent_events", "record"]


def now_iso() -> str:
    """The current UTC time as an ISO-8601 string (how times are stored)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def record(
    target: QueryRunner,
    actor: Actor,
    operation: str,
    subject_ids: Iterable[str] = (),
    detail: str = "",
) -> str:
    """Write one audit event and return its id."""
    if operation not in MODEL.vocabularies["AuditOperation"].values:
        raise ConfigError(f"unknown audit operation {operation!r}")
    event_id = uuid.uuid4().hex
    target.write(
        "security/audit/record_event",
        {
            "id": event_id,
            "at": now_iso(),
            "user": actor.user,
            "role": actor.role,
            "operation": operation,
            "purpose": actor.purpose,
            "subject_ids": sorted(set(subject_ids)),
            "detail": detail,
        },
    )
    return event_id


def recent_events(
    store: QueryRunner, actor: Actor, subject_id: str | None = None, limit: int = 50
) -> list[Row]:
    """The newest audit events, all or those touching one subject's records. Audited itself."""
    rows = store.read(
        "security/audit/recent_events", {"subject_id": subject_id, "limit": int(limit)}
    )
    subjects = {s for row in rows for s in row.get("subject_ids") or []}
    detail = f"audit trail of {subject_id}" if subject_id else "audit trail"
    record(store, actor, "CONSULTATION", subjects, detail)
    return rows
