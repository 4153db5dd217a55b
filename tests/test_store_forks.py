"""Background children of the embedded server: a graph copy never starts beside another child.

FalkorDB's GRAPH.COPY forks; started while a log rewrite's child (or another copy's) is alive,
it blocks the server for good (FalkorDB #1056). Automatic rewrites are off, and every
rewrite, snapshot and copy starts under one server-wide lock after checking no child runs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from iom.settings import Settings
from iom.store import EmbeddedServer, Store, open_store
from iom.store.embedded import _client, fork_lock

WRITER = """
import sys
from pathlib import Path
from iom.settings import Settings
from iom.store import open_store

store = open_store(Settings(data_dir=Path(sys.argv[1])).with_graph(sys.argv[2]))
store._conn.execute_command(
    "GRAPH.QUERY", sys.argv[2], "UNWIND range(1, 20000) AS i CREATE (:N {i: i, t: 'x' + i})"
)
for _ in range(int(sys.argv[3])):
    with store.transaction():  # a copy (a fork); its commit starts a log rewrite
        pass
print("done", flush=True)
"""


def test_automatic_log_rewrites_are_off(store: Store) -> None:
    client = _client(store.server.socket, timeout=5)  # type: ignore[attr-defined]
    try:
        assert client.config_get("auto-aof-rewrite-percentage") == {
            "auto-aof-rewrite-percentage": "0"
        }
    finally:
        client.close()


def test_no_log_rewrite_starts_while_a_copy_holds_the_fork_lock(store: Store) -> None:
    socket = store.server.socket  # type: ignore[attr-defined]
    client = _client(socket, timeout=5)
    store._wait_for_background_work()  # type: ignore[attr-defined]
    rewrites = int(client.info("persistence")["aof_rewrites"])
    compacting = threading.Thread(target=store._compact_log)  # type: ignore[attr-defined]
    try:
        with fork_lock(socket):  # as a transaction holds it from its check to its copy
            compacting.start()
            time.sleep(0.5)
            info = client.info("persistence")
            assert compacting.is_alive()  # the commit's rewrite waits for the lock
            assert int(info["aof_rewrites"]) == rewrites and not info["aof_rewrite_in_progress"]
        compacting.join(timeout=30)
        assert not compacting.is_alive()
        store._wait_for_background_work()  # type: ignore[attr-defined]
        assert int(client.info("persistence")["aof_rewrites"]) == rewrites + 1
    finally:
        client.close()


@pytest.fixture
def own_dir() -> Iterator[Path]:
    """A data directory and server of its own (a hang must not take the session's down)."""
    root = Path(tempfile.mkdtemp(prefix="iomk-"))
    yield root / "data"
    server = EmbeddedServer(root / "data")
    pid = server.pid()
    with contextlib.suppress(Exception):
        server.stop(timeout=10, force=True)
    if pid is not None:  # a hung server answers nothing: kill it
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
def test_writers_on_three_graphs_with_rewrites_between_never_hang_the_server(
    own_dir: Path,
) -> None:
    data_dir = own_dir
    # Before the lock: the server hung in a GRAPH.COPY in 3 of 3 runs of 3 writers x 40.
    held = open_store(Settings(data_dir=data_dir))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "IOM_"))}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), f"g{n}", "25"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    try:
        outs = [w.communicate(timeout=150) for w in writers]
        assert [out.strip() for out, _ in outs] == ["done"] * 3, [err[-300:] for _, err in outs]
        assert held.server.ping()  # type: ignore[attr-defined]
    finally:
        for w in writers:
            w.kill()
        held.close()
