"""Outstanding suspects, people who failed to answer bail and people wanted, per area.

A named suspect is *outstanding* when they are a suspect in an offence whose outcome is
OUTSTANDING_SUSPECT (area: where the offence happened). Failed to appear and wanted are the
person's flags (area: their current household's area). The force could not say how many
suspects it had; this counts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from iom.model import person_name
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["KINDS", "Outstanding", "outstanding"]

KINDS = {
    "OUTSTANDING_SUSPECT": "Named suspects outstanding",
    "FAILED_TO_APPEAR": "Failed to answer bail",
    "WANTED": "Wanted",
}
NO_AREA = "(no area)"


@dataclass
class Outstanding:
    """Counts per area and kind (distinct people), and the list behind them."""

    counts: list[dict[str, Any]]
    people: list[dict[str, Any]]


def outstanding(store: Store, actor: Actor, *, area_id: str | None = None) -> Outstanding:
    """Counts per area and the people behind them (one row per person, kind and area). Audited."""
    people: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in store.read("casework/outstanding"):
        area = row.get("area_id") or NO_AREA
        if area_id and area != area_id.strip():
            continue
        key = (row["kind"], area, row["person_id"])
        entry = people.setdefault(
            key,
            {
                "kind": row["kind"],
                "kind_label": KINDS[row["kind"]],
                "area_id": area,
                "area_name": row.get("area_name") or NO_AREA,
                "person_id": row["person_id"],
                "name": person_name(row),
                "offences": [],
                "since": row.get("since"),
            },
        )
        if row.get("offence_id"):
            entry["offences"].append(row["offence_id"])
            if row.get("since") and (not entry["since"] or row["since"] < entry["since"]):
                entry["since"] = row["since"]
    counts: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in people.values():
        area = (str(entry["area_id"]), str(entry["area_name"]))
        bucket = counts.setdefault(
            area, {"area_id": area[0], "area_name": area[1], **dict.fromkeys(KINDS, 0)}
        )
        bucket[entry["kind"]] += 1
    listed = sorted(people.values(), key=lambda e: (e["area_id"], e["kind"], e["name"]))
    ids = sorted({e["person_id"] for e in listed})
    if ids:
        audit.record(store, actor, "CONSULTATION", ids, "outstanding suspects, bail and wanted")
    return Outstanding(sorted(counts.values(), key=lambda c: c["area_id"]), listed)
