"""Against a live Neo4j (only when NEO4J_URI is set): the same queries, the same rows."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from iom.security import audit
from iom.security.access import SYSTEM, Actor
from iom.settings import Settings
from iom.store import Store, open_store
from iom.store.indexes import ensure_schema

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set"),
]
ACTOR = Actor(user="tester", role="ANALYST", purpose="live Neo4j tests")


@pytest.fixture
def neo4j_store() -> Iterator[Store]:
    """The Neo4j database named by NEO4J_URI; refuses to run on one holding real data."""
    store = open_store(Settings.from_env())
    labels = {r["label"] for r in store.read("stats/label_counts")}
    if labels - {"AuditEvent", "Change"} and "iom_test" not in os.environ.get("NEO4J_DATABASE", ""):
        pytest.skip("the Neo4j database is not empty; point NEO4J_DATABASE at a test database")
    yield store


def test_round_trip_and_rollback(neo4j_store: Store) -> None:
    marker = uuid.uuid4().hex
    audit.record(neo4j_store, ACTOR, "CONSULTATION", [marker])
    rows = neo4j_store.read("security/audit/recent_events", {"subject_id": marker, "limit": 5})
    assert [r["subject_ids"] for r in rows] == [[marker]]
    with pytest.raises(RuntimeError), neo4j_store.transaction() as tx:
        audit.record(tx, ACTOR, "COLLECTION", [marker + "-rolled-back"])
        raise RuntimeError("fail")
    gone = neo4j_store.read(
        "security/audit/recent_events", {"subject_id": marker + "-rolled-back", "limit": 5}
    )
    assert gone == []


def test_schema_and_seed_load_match_the_embedded_store(
    neo4j_store: Store, seeded_store: Store
) -> None:
    from iom.ingest import load_directory

    ensure_schema(neo4j_store)
    load_directory(neo4j_store, Path(__file__).resolve().parents[1] / "seed_data", SYSTEM)
    for query in ("stats/label_counts", "stats/relationship_counts"):
        live = [
            r for r in neo4j_store.read(query) if r.get("label") not in ("AuditEvent", "Change")
        ]
        embedded = [
            r for r in seeded_store.read(query) if r.get("label") not in ("AuditEvent", "Change")
        ]
        assert live == embedded
