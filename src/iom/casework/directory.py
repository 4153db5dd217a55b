"""Who and where casework can name: officers and partner agencies (owners), and hubs.

No personal data: these lists feed form choices, so they are not audited.
"""

from __future__ import annotations

from typing import Any

from iom.model import vocab_label
from iom.store.base import Store

__all__ = ["hubs", "owners"]


def owners(store: Store, kind: str | None = None) -> list[dict[str, Any]]:
    """Officers and partner agencies (one row each), with a readable `label`."""
    seen: dict[str, dict[str, Any]] = {}
    for row in store.read("casework/owners"):
        if kind and row["kind"] != kind:
            continue
        vocab = "OfficerRole" if row["kind"] == "Officer" else "PartnerType"
        detail = vocab_label(vocab, row["detail"]) if row.get("detail") else row["kind"]
        seen.setdefault(row["id"], {**row, "label": f"{row['name']} ({detail}, {row['id']})"})
    return list(seen.values())


def hubs(store: Store) -> list[dict[str, Any]]:
    """Policing areas with their hub names, for filters."""
    return [
        {**row, "label": f"{row.get('hub_name') or row['name']} ({row['id']})"}
        for row in store.read("casework/hubs")
    ]
