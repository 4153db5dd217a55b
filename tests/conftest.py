"""Shared fixtures: a real embedded FalkorDB server per test session, a fresh graph per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from iom.settings import Settings
from iom.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "seed_data"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One data directory and embedded server for the whole session, stopped at the end."""
    path = tmp_path_factory.mktemp("iomdata")
    yield path
    from iom.store.embedded import EmbeddedServer

    EmbeddedServer(path).stop()


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    """Settings pointing at the session's data directory (no Neo4j)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    old = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        return Settings.from_env(data_dir=data_dir)
    finally:
        os.environ.clear()
        os.environ.update(old)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A fresh, empty graph on the session's embedded server, deleted after the test."""
    graph = f"t{uuid.uuid4().hex[:12]}"
    s = open_store(settings.with_graph(graph))
    yield s
    s._conn.execute_command("GRAPH.DELETE", graph) if graph in _graphs(s) else None  # type: ignore[attr-defined]
    s.close()


def _graphs(s: Store) -> set[str]:
    return set(s._db.list_graphs())  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def seeded_settings(settings: Settings) -> Settings:
    """Settings naming a graph holding the committed seed force, loaded once per session."""
    from iom.access import SYSTEM
    from iom.ingest import load_directory

    seeded = settings.with_graph("seed")
    s = open_store(seeded)
    if not s.read("stats/label_counts"):
        load_directory(s, SEED_DIR, SYSTEM)
    s.close()
    return seeded


@pytest.fixture
def seeded_store(seeded_settings: Settings) -> Iterator[Store]:
    """The seed force's graph (shared: tests must not change it)."""
    s = open_store(seeded_settings)
    yield s
    s.close()
