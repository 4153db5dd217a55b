"""Store schema: an index (FalkorDB) or uniqueness constraint (Neo4j) on every label's `id`."""

from __future__ import annotations

from iom.errors import StoreError
from iom.model import MODEL
from iom.store.base import Store

__all__ = ["ensure_schema"]


def ensure_schema(store: Store) -> list[str]:
    """Create the key index of every label that lacks one; return the labels indexed now."""
    have = {row["label"] for row in store.read("schema/key_indexes")}
    created = []
    for label in sorted(set(MODEL.labels) | set(MODEL.system_labels)):
        if label not in have:
            try:
                store.write("schema/create_key_index", slots={"Label": label})
            except StoreError:
                # Another process (a second `iom load` into a fresh store) created it first.
                if label not in {row["label"] for row in store.read("schema/key_indexes")}:
                    raise
                continue
            created.append(label)
    return created
