"""The store layer on the real embedded FalkorDB: round trip, atomicity, lifecycle, errors."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iom.errors import ConfigError, QueryError, StoreError, StoreUnavailable
from iom.security import audit
from iom.security.access import Actor
from iom.settings import Settings
from iom.store import EmbeddedServer, Store, open_store

ACTOR = Actor(user="tester", role="ANALYST", purpose="store tests")


def _audit_count(store: Store) -> int:
    return int(store.read("security/audit/event_count")[0]["count"])


def _own_settings(tmp_path: Path) -> Settings:
    """Settings for a private data directory (its own server), without any NEO4J_* variable."""
    return Settings(data_dir=tmp_path / "data")


def test_round_trip_returns_plain_rows(store: Store) -> None:
    event = audit.record(store, ACTOR, "CONSULTATION", ["P1", "P2"], "round trip")
    rows = store.read("security/audit/recent_events", {"subject_id": "P2", "limit": 5})
    assert [r["id"] for r in rows] == [event]
    row = rows[0]
    assert row["subject_ids"] == ["P1", "P2"] and isinstance(row["subject_ids"], list)
    assert (row["user"], row["role"], row["operation"]) == ("tester", "ANALYST", "CONSULTATION")
    assert row["purpose"] == "store tests"


def test_parameters_that_do_not_match_the_file_are_refused(store: Store) -> None:
    with pytest.raises(QueryError, match=r"missing \$limit; unexpected \$limt"):
        store.read("security/audit/recent_events", {"subject_id": None, "limt": 5})
    with pytest.raises(QueryError, match="no query named 'nope'"):
        store.read("nope")


def test_slots_accept_only_model_names(store: Store) -> None:
    with pytest.raises(QueryError, match="is not a known label"):
        store.write("schema/create_key_index", slots={"Label": "Person) DETACH DELETE (n"})
    with pytest.raises(QueryError, match="slots"):
        store.write("schema/create_key_index")


def test_read_refuses_a_write_query(store: Store) -> None:
    params = {
        "id": "x",
        "at": "2026-01-01T00:00:00+00:00",
        "user": "u",
        "role": "ANALYST",
        "operation": "CONSULTATION",
        "purpose": "p",
        "subject_ids": [],
        "detail": "",
    }
    with pytest.raises(StoreError):
        store.read("security/audit/record_event", params)
    assert _audit_count(store) == 0


def test_transaction_commits_all_writes(store: Store) -> None:
    with store.transaction() as tx:
        for n in range(50):
            audit.record(tx, ACTOR, "COLLECTION", [f"P{n}"])
    assert _audit_count(store) == 50


def test_transaction_rolls_back_everything_on_failure(store: Store) -> None:
    audit.record(store, ACTOR, "CONSULTATION", ["before"])
    with pytest.raises(RuntimeError, match="boom"), store.transaction() as tx:
        for n in range(30):
            audit.record(tx, ACTOR, "COLLECTION", [f"P{n}"])
        raise RuntimeError("boom")
    assert _audit_count(store) == 1
    rows = store.read("security/audit/recent_events", {"subject_id": None, "limit": 10})
    assert [r["subject_ids"] for r in rows] == [["before"]]


def test_transaction_on_an_empty_graph_rolls_back_to_empty(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as tx:
        audit.record(tx, ACTOR, "COLLECTION", ["P1"])
        raise RuntimeError("fail")
    assert store.read("stats/label_counts") == []


def test_restart_keeps_data(tmp_path: Path) -> None:
    settings = _own_settings(tmp_path)
    first = open_store(settings)
    assert first.started_server  # type: ignore[attr-defined]
    with first.transaction() as tx:
        for n in range(20):
            audit.record(tx, ACTOR, "COLLECTION", [f"P{n}"])
    first.close()
    assert not EmbeddedServer(settings.data_dir).is_running()
    second = open_store(settings)
    try:
        assert second.started_server  # type: ignore[attr-defined]
        assert _audit_count(second) == 20
    finally:
        second.close()


def test_kill_9_after_a_committed_write_loses_nothing(tmp_path: Path) -> None:
    settings = _own_settings(tmp_path)
    server = EmbeddedServer(settings.data_dir)
    store = open_store(settings)
    with store.transaction() as tx:
        for n in range(2000):
            audit.record(tx, ACTOR, "COLLECTION", [f"P{n}"])
    pid = server.pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    _wait_dead(pid)
    assert server.socket.exists()  # the crash left its socket and pid file behind
    store._closed = True  # type: ignore[attr-defined]  # its server is gone
    again = open_store(settings)  # clears the stale files and restarts
    try:
        assert again.started_server  # type: ignore[attr-defined]
        assert _audit_count(again) == 2000
    finally:
        again.close()


def test_second_process_attaches_instead_of_starting(tmp_path: Path) -> None:
    settings = _own_settings(tmp_path)
    store = open_store(settings)
    audit.record(store, ACTOR, "CONSULTATION", ["P1"])
    pid = EmbeddedServer(settings.data_dir).pid()
    code = (
        "from iom.store import open_store, EmbeddedServer\n"
        "from iom.settings import Settings\n"
        "s = Settings.from_env()\n"
        "st = open_store(s)\n"
        "n = st.read('security/audit/event_count')[0]['count']\n"
        "print(st.started_server, n, EmbeddedServer(s.data_dir).pid())\n"
        "st.close()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["IOM_DATA_DIR"] = str(settings.data_dir)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "1", str(pid)]
    # The attached process left; the server that this process started is still up.
    assert EmbeddedServer(settings.data_dir).is_running()
    store.close()
    assert not EmbeddedServer(settings.data_dir).is_running()


def test_owner_leaves_server_running_while_another_process_uses_it(tmp_path: Path) -> None:
    settings = _own_settings(tmp_path)
    owner = open_store(settings)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["IOM_DATA_DIR"] = str(settings.data_dir)
    code = (
        "import sys, time\nfrom iom.store import open_store\n"
        "st = open_store(); st.read('stats/label_counts'); print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "print(len(st.read('stats/label_counts')), flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == "ready"
    owner.close()
    assert EmbeddedServer(settings.data_dir).is_running()
    child.stdin.write("\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "0"
    assert child.wait(timeout=30) == 0
    assert EmbeddedServer(settings.data_dir).stop()


def test_stale_pid_and_socket_files_are_recovered(tmp_path: Path) -> None:
    settings = _own_settings(tmp_path)
    server = EmbeddedServer(settings.data_dir)
    server.dir.mkdir(parents=True)
    server.pidfile.write_text("999999")  # no such process
    server.socket.write_text("")  # a plain file where the socket should be
    store = open_store(settings)
    try:
        assert store.started_server  # type: ignore[attr-defined]
        assert server.pid() != 999999
    finally:
        store.close()


def test_unwritable_data_directory_names_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings = Settings(data_dir=blocker / "data")
    with pytest.raises(ConfigError) as info:
        open_store(settings)
    message = str(info.value)
    assert str(blocker / "data") in message
    assert "IOM_DATA_DIR" in message


def test_attach_without_start_says_how_to_start(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="iom up"):
        open_store(_own_settings(tmp_path), start=False)


def test_stop_when_nothing_runs_says_so(tmp_path: Path) -> None:
    assert EmbeddedServer(tmp_path / "data").stop() is False


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("http://localhost:7474", r"NEO4J_URI='http://localhost:7474' is not a Neo4j URI"),
        ("localhost:7687", r"NEO4J_URI='localhost:7687' is not a Neo4j URI"),
    ],
)
def test_invalid_neo4j_uri_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, uri: str, expected: str
) -> None:
    monkeypatch.setenv("NEO4J_URI", uri)
    with pytest.raises(ConfigError, match=expected):
        Settings.from_env()


def test_unreachable_neo4j_names_the_variable_and_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    settings = Settings.from_env()
    with pytest.raises(StoreUnavailable) as info:
        open_store(settings)
    message = str(info.value)
    assert message.startswith("NEO4J_URI=bolt://127.0.0.1:9: cannot reach Neo4j (")
    assert "\n" not in message


def test_neo4j_without_password_says_which_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j://127.0.0.1:9")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD is not"):
        open_store(Settings.from_env())


def _wait_dead(pid: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
    raise AssertionError(f"process {pid} did not die")
