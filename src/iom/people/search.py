"""The people search: name, id or PNC id; the ids found are audited as a consultation."""

from __future__ import annotations

from typing import Any

from iom.people.profile import person_name
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["SEARCH_LIMIT_MAX", "find_people"]

SEARCH_LIMIT_MAX = 200


def find_people(store: Store, actor: Actor, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """People whose name, id or PNC id contains `text` (any case); the ids found are audited."""
    if not 1 <= limit <= SEARCH_LIMIT_MAX:
        raise ValueError(f"limit must be between 1 and {SEARCH_LIMIT_MAX}")
    needle = " ".join(text.split()).lower()
    if not needle:
        return []
    rows = store.read("people/search", {"text": needle, "limit": limit})
    people = [{**row, "name": person_name(row)} for row in rows]
    if people:
        ids = [p["id"] for p in people]
        audit.record(store, actor, "CONSULTATION", ids, f"person search for {needle!r}")
    return people
