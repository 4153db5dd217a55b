"""Dated score snapshots: each person's score and components with the configuration version.

A snapshot is taken when a panel decides (and on demand with `iom cohort rank --snapshot`),
so an explanation can say what changed since the last review.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from iom.cohort.config import COMPONENT_NAMES
from iom.cohort.priority import CohortScores
from iom.dates import precise_now
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Row, Store

__all__ = ["COMPONENTS", "person_snapshots", "snapshot_rows", "take_snapshots"]

COMPONENTS = COMPONENT_NAMES


def snapshot_rows(
    scores: CohortScores, person_ids: Iterable[str] | None = None, taken_at: str | None = None
) -> list[dict[str, Any]]:
    """Snapshot rows for `person_ids` (default everyone ranked) in every cohort type."""
    wanted = set(person_ids) if person_ids is not None else None
    at = taken_at or precise_now()
    rows = []
    for code, frame in scores.frames.items():
        chosen = frame if wanted is None else frame[frame["id"].isin(wanted)]
        for r in chosen.to_dict("records"):
            parts = {
                c: {"raw": float(r[f"{c}_raw"]), "points": float(r[f"{c}_points"])}
                for c in COMPONENTS
            }
            rows.append(
                {
                    "id": uuid.uuid4().hex,
                    "person_id": r["id"],
                    "cohort": code,
                    "taken_on": scores.as_of.isoformat(),
                    "taken_at": at,
                    "config_version": scores.config.version,
                    "score": float(r["score"]),
                    "rank": int(r["rank"]),
                    "band": r["band"],
                    "recommendation": r["recommendation"],
                    "components": json.dumps(parts, sort_keys=True),
                }
            )
    return rows


def take_snapshots(
    store: Store, actor: Actor, scores: CohortScores, person_ids: Iterable[str] | None = None
) -> int:
    """Store snapshots for `person_ids` (default everyone ranked); audited; returns how many."""
    rows = snapshot_rows(scores, person_ids)
    if not rows:
        return 0
    with store.transaction() as tx:
        tx.run_batches("cohort/record_snapshots", rows)
        subjects = sorted({r["person_id"] for r in rows})
        audit.record(
            tx, actor, "COLLECTION", subjects, f"cohort score snapshots as of {scores.as_of}"
        )
    return len(rows)


def person_snapshots(store: Store, actor: Actor, person_id: str) -> list[Row]:
    """One person's snapshots, newest first, components decoded; audited."""
    rows = store.read("cohort/person_snapshots", {"person_id": person_id})
    audit.record(store, actor, "CONSULTATION", [person_id], "cohort score snapshots")
    for row in rows:
        try:
            row["components"] = json.loads(row.get("components") or "{}")
        except ValueError:
            row["components"] = {}
    return rows
