"""Reference checks and links between records, with label and type names from the model only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from iom.errors import QueryError
from iom.model import MODEL
from iom.store.base import Store, Transaction

__all__ = ["existing", "link", "plain_props"]


def existing(store: Store | Transaction, label: str, ids: Iterable[str]) -> dict[str, str]:
    """Which of `ids` exist as `label` records: id -> name."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    rows = store.read("disruption/existing", {"ids": wanted}, slots={"Label": label})
    return {r["id"]: r.get("name") or r["id"] for r in rows}


def link(
    tx: Store | Transaction,
    rel: str,
    start: str,
    end: str,
    rows: Iterable[tuple[str, str, Mapping[str, Any]]],
) -> int:
    """Create `rel` links start -> end for (from id, to id, properties) rows; model-checked."""
    spec = MODEL.relationship(rel)
    if start not in spec.start or end not in spec.end:
        raise QueryError(f"{rel} does not link {start} to {end} in the model")
    batch = [{"from": a, "to": b, "props": plain_props(p)} for a, b, p in rows]
    if not batch:
        return 0
    out = tx.write(
        "disruption/link", {"rows": batch}, slots={"From": start, "To": end, "TYPE": rel}
    )
    return int(out[0]["linked"]) if out else 0


def plain_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """Properties without empty values (absent is how the store says 'not recorded')."""
    return {k: v for k, v in props.items() if v is not None and v != "" and v != []}
