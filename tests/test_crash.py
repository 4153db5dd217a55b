"""Crash test: kill the server, and separately the importer, at 20 seeded random points during
a load; each time the store is exactly as before or as after, and nothing acknowledged is lost.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from csv_files import write_texts
from iom.ingest import count_graph, load_directory
from iom.security import audit
from iom.security.access import SYSTEM, Actor
from iom.settings import Settings
from iom.store import EmbeddedServer, open_store

pytestmark = pytest.mark.slow
POINTS = 20
SEED = 20261130
PEOPLE = 3000
ACTOR = Actor(user="crash.tester", role="ANALYST", purpose="crash test")

IMPORTER = """
import sys
from pathlib import Path
from iom.ingest import load_directory
from iom.security.access import SYSTEM
from iom.settings import Settings
from iom.store import open_store

store = open_store(Settings(data_dir=Path(sys.argv[1])))
print("ready", flush=True)
load_directory(store, Path(sys.argv[2]), SYSTEM)
print("committed", flush=True)
"""


@pytest.fixture
def data_dir() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="iom-crash-"))
    yield root / "data"
    EmbeddedServer(root / "data").stop(force=True)
    shutil.rmtree(root, ignore_errors=True)


def _state(settings: Settings) -> tuple[int, list[str]]:
    """(people, acknowledged audit details) as a fresh process would see them."""
    store = open_store(settings)
    try:
        people = count_graph(store).labels.get("Person", 0)
        rows = store.read("security/audit/recent_events", {"subject_id": None, "limit": 1000})
        acks = sorted(str(r["detail"]) for r in rows if str(r["detail"]).startswith("ack "))
        return people, acks
    finally:
        store.close()


def _acknowledge(settings: Settings, n: int) -> str:
    store = open_store(settings)
    try:
        audit.record(store, ACTOR, "CONSULTATION", [], f"ack {n:02d}")
    finally:
        store.close()
    return f"ack {n:02d}"


def test_kill_server_or_importer_at_random_points_leaves_before_or_after(data_dir: Path) -> None:
    settings = Settings(data_dir=data_dir)
    head = "id:ID(Person),first_name,last_name\n"
    load_directory(open_store(settings), write_texts(data_dir.parent / "base", {
        "Person.csv": head + "B1,Base,Person\n"}), SYSTEM)  # fmt: skip
    rng = random.Random(SEED)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "IOM_"))}
    acked: list[str] = []
    outcomes = []
    for point in range(POINTS):
        victim = "server" if point % 2 == 0 else "importer"
        rows = "".join(f"I{point}-{k},First{k},Last{k}\n" for k in range(PEOPLE))
        folder = write_texts(data_dir.parent / f"load{point}", {"Person.csv": head + rows})
        before, _ = _state(settings)
        acked.append(_acknowledge(settings, point))
        child = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(data_dir), str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))
        if victim == "server":
            pid = EmbeddedServer(data_dir).pid()
            if pid is not None:  # None: the load committed and its process stopped the server
                os.kill(pid, signal.SIGKILL)
        else:
            child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=60)
        committed = "committed" in out
        after, acks = _state(settings)
        assert after in (before, before + PEOPLE), (point, victim, before, after)
        if committed:
            assert after == before + PEOPLE, (point, victim, "acknowledged load lost")
        assert acks == acked, (point, victim, "acknowledged audit events lost")
        outcomes.append((victim, "after" if after > before else "before"))
    print("crash outcomes:", outcomes)
    assert {victim for victim, _ in outcomes} == {"server", "importer"}
