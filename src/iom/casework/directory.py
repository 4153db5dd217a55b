"""Who and where casework can name: officers and partner agencies (owners), and hubs.

No personal data: these lists feed form choices, so they are not audited.
"""

from __future__ import annotations

from typing import Any

from iom.casework import checks
from iom.errors import InvalidInput
from iom.model import vocab_label
from iom.store.base import Row, Store

__all__ = ["find_owner", "find_partner", "hubs", "owners"]


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


def find_owner(store: Store, owner_id: str | None, field_name: str = "owner") -> Row:
    """The officer or partner agency with this id (its `kind` says which), or InvalidInput."""
    wanted = checks.text(field_name, owner_id)
    rows = store.read("casework/owner", {"id": wanted})
    if not rows:
        raise InvalidInput(field_name, f"no officer or partner agency with id {wanted!r}")
    return rows[0]


def find_partner(store: Store, partner_id: str | None, field_name: str = "partner") -> Row:
    """The partner agency with this id, or InvalidInput."""
    wanted = checks.text(field_name, partner_id)
    found = [r for r in store.read("casework/owner", {"id": wanted}) if r["kind"] == "Partner"]
    if not found:
        raise InvalidInput(field_name, f"no partner agency with id {wanted!r}")
    return found[0]


def hubs(store: Store) -> list[dict[str, Any]]:
    """Policing areas with their hub names, for filters."""
    return [
        {**row, "label": f"{row.get('hub_name') or row['name']} ({row['id']})"}
        for row in store.read("casework/hubs")
    ]
