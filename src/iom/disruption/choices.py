"""What forms offer: officers, partners, areas and tactics as id -> label (no personal data)."""

from __future__ import annotations

from iom.model import vocab_label
from iom.store.base import Store

__all__ = ["areas", "officers", "partners", "tactics"]


def officers(store: Store, role: str | None = None) -> dict[str, str]:
    """Officers (optionally of one role) as id -> 'Name (rank, role)'."""
    out = {}
    for o in store.read("disruption/officers"):
        if role is None or o.get("role") == role:
            detail = ", ".join(
                x for x in (o.get("rank"), vocab_label("OfficerRole", o.get("role"))) if x
            )
            out[o["id"]] = f"{o['name']} ({detail})" if detail else o["name"]
    return out


def partners(store: Store) -> dict[str, str]:
    """Partner agencies as id -> 'Name (type)'."""
    return {
        p["id"]: f"{p['name']} ({vocab_label('PartnerType', p.get('partner_type'))})"
        for p in store.read("disruption/partners")
    }


def areas(store: Store) -> dict[str, str]:
    """Policing areas as id -> name."""
    return {a["id"]: a.get("name") or a["id"] for a in store.read("disruption/areas")}


def tactics(store: Store) -> dict[str, str]:
    """Tactics as id -> 'Name (area)'."""
    return {
        t["id"]: f"{t['name']} ({vocab_label('TacticArea', t.get('tactic_area'))})"
        for t in store.read("disruption/tactics")
    }
