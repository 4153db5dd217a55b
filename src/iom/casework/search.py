"""Search the problem-solving history: what was tried in plans, actions, reviews and disruptions.

Each word is looked up in a full-text index (FalkorDB: one per label, stemmed, so "housing"
finds "housed"; Neo4j: one index over all the labels); a hit must contain every word. Hits can
be narrowed to what worked, a pathway, a partner agency or a hub. An action *worked* when its
evaluation says so, or, for imported actions with no evaluation, when `what_worked` is filled.
"""

from __future__ import annotations

import re
import time
from typing import Any

from iom.casework import checks
from iom.errors import InvalidInput
from iom.model import person_name
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store
from iom.store.queries import library

__all__ = ["SEARCH_LABELS", "ensure_search_index", "search", "worked"]

SEARCH_LABELS = (
    "Plan",
    "Action",
    "ActionRecord",
    "Review",
    "ReviewRecord",
    "NeedAssessment",
    "Disruption",
)
HITS_PER_WORD = 500
BUILD_WAIT_SECONDS = 30.0
LIMIT_MAX = 500
_WORD = re.compile(r"\w+", re.UNICODE)


def ensure_search_index(store: Store) -> list[str]:
    """Create the full-text index of every casework label that lacks one; return those created.

    The FalkorDB query takes the label as `$label` (one index per label); Neo4j's creates one
    index for all labels and takes no parameters, so the label is passed only where the
    backend's query file declares it.
    """
    have = {label for row in store.read("casework/search_indexes") for label in row["labels"]}
    wants_label = "label" in library().get("casework/create_search_index", store.backend).params
    created = []
    for label in SEARCH_LABELS:
        if label not in have:
            store.write("casework/create_search_index", {"label": label} if wants_label else {})
            created.append(label)
            if not wants_label:
                break
    if created:
        _wait_until_built(store)
    return created


def _wait_until_built(store: Store) -> None:
    """Wait (up to BUILD_WAIT_SECONDS) while new indexes take in the records already stored."""
    deadline = time.monotonic() + BUILD_WAIT_SECONDS
    while time.monotonic() < deadline:
        rows = store.read("casework/search_indexes_building")
        if not rows or not rows[0]["building"]:
            return
        time.sleep(0.05)


def worked(hit: dict[str, Any]) -> bool:
    """True for an action evaluated as worked (or imported with a `what_worked` note)."""
    if hit.get("kind") != "Action":
        return False
    if hit.get("evaluation"):
        return hit["evaluation"] == "WORKED"
    return bool((hit.get("what_worked") or "").strip())


def search(
    store: Store,
    actor: Actor,
    words: str,
    *,
    only_worked: bool = False,
    pathway: str | None = None,
    partner: str | None = None,
    hub: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Records whose text holds every word, best first, with their outcome. Audited."""
    terms = sorted({w.lower() for w in _WORD.findall(words or "") if len(w) > 1})
    if not terms:
        raise InvalidInput("words", "give at least one word to search for")
    if not 1 <= limit <= LIMIT_MAX:
        raise InvalidInput("limit", f"must be between 1 and {LIMIT_MAX}")
    code = checks.pathway_code(pathway) if pathway else None
    ensure_search_index(store)
    scores: dict[str, float] | None = None
    for term in terms:
        rows = store.read("casework/search_text", {"word": term, "limit": HITS_PER_WORD})
        found = {r["id"]: float(r["score"] or 0) for r in rows if r.get("id")}
        scores = (
            found if scores is None else {k: scores[k] + v for k, v in found.items() if k in scores}
        )
    if not scores:
        return []
    hits = []
    seen: set[tuple[str, str]] = set()
    for row in store.read("casework/search_context", {"ids": sorted(scores)}):
        if (row["kind"], row["id"]) in seen:
            continue
        seen.add((row["kind"], row["id"]))
        hit = dict(row)
        hit["person_name"] = person_name(row)
        hit["score"] = scores.get(row["id"], 0.0)
        hit["worked"] = worked(hit)
        if only_worked and not hit["worked"]:
            continue
        if code and hit.get("pathway") != code:
            continue
        if partner and partner.strip() not in (hit.get("partner_ids") or []):
            continue
        if hub and hit.get("hub_id") != hub.strip():
            continue
        hits.append(hit)
    hits.sort(key=lambda h: (-h["score"], h["id"]))
    hits = hits[:limit]
    people = sorted({h["person_id"] for h in hits if h.get("person_id")})
    if people:
        audit.record(
            store, actor, "CONSULTATION", people, f"casework search for {' '.join(terms)!r}"
        )
    return hits
