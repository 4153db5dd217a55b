"""Shared fixtures: a real embedded FalkorDB server per test session, a fresh graph per test."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from iom.settings import Settings
from iom.store import EmbeddedServer, Store, open_store

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "seed_data"


@pytest.fixture(scope="session")
def data_dir() -> Iterator[Path]:
    """One private data directory and embedded server for the whole session.

    A folder of our own (not pytest's rotating tmp folders, which a parallel run may delete),
    with a short path for the server's unix socket; removed at the end.
    """
    path = Path(tempfile.mkdtemp(prefix="iom-test-"))
    yield path
    EmbeddedServer(path).stop()
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    """Settings pointing at the session's data directory (never a Neo4j from the environment)."""
    return Settings(data_dir=data_dir)


@pytest.fixture(scope="session")
def warm_server(settings: Settings) -> Iterator[Store]:
    """A connection held all session, so no store closing mid-session stops the server."""
    held = open_store(settings)
    yield held
    held.close()


@pytest.fixture
def store(warm_server: Store, settings: Settings) -> Iterator[Store]:
    """A fresh, empty graph on the session's embedded server, deleted after the test."""
    s = open_store(settings.with_graph(f"t{uuid.uuid4().hex[:12]}"))
    yield s
    s.drop_graph()  # type: ignore[attr-defined]
    s.close()


@pytest.fixture(scope="session")
def seeded_settings(warm_server: Store, settings: Settings) -> Settings:
    """Settings naming a graph holding the committed seed force, loaded once per session."""
    from iom.ingest import load_directory
    from iom.security.access import SYSTEM

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
