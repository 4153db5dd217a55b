"""Races: parallel loads and stats, two `iom up` at once, `iom down` while things die."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from csv_files import write_texts
from iom.settings import Settings
from iom.store import EmbeddedServer, open_store

IOM = [sys.executable, "-m", "iom"]


@pytest.fixture
def data_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="iom-race-"))
    yield path / "data"
    subprocess.run([*IOM, "--data-dir", str(path / "data"), "down", "--force"], env=_env(),
                   capture_output=True)  # fmt: skip
    shutil.rmtree(path, ignore_errors=True)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "IOM_"))}


def _start(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*IOM, "--data-dir", str(data_dir), *args],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _iom(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*IOM, "--data-dir", str(data_dir), *args],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_two_loads_into_a_fresh_store_both_succeed(data_dir: Path) -> None:
    people = "id:ID(Person),first_name,last_name\n"
    a = write_texts(data_dir.parent / "a", {"Person.csv": people + "A1,Ann,Smith\n"})
    b = write_texts(data_dir.parent / "b", {"Person.csv": people + "B1,Bob,Jones\n"})
    loads = [_start(data_dir, "load", str(a)), _start(data_dir, "load", str(b))]
    outcomes = [(p.wait(timeout=180), p.stderr.read() if p.stderr else "") for p in loads]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert all("Traceback" not in err for _, err in outcomes)
    stats = json.loads(_iom(data_dir, "stats", "--json").stdout)
    assert stats["labels"]["Person"] == 2


def test_parallel_stats_on_a_fresh_store_never_fail(data_dir: Path) -> None:
    runs = [_start(data_dir, "stats", "--json") for _ in range(6)]
    codes = [p.wait(timeout=180) for p in runs]
    errors = [p.stderr.read() for p in runs if p.stderr]
    assert codes == [0] * 6, errors


def test_a_stale_pid_file_naming_another_stores_server_is_not_blamed(
    data_dir: Path, tmp_path: Path
) -> None:
    other = Path(tempfile.mkdtemp(prefix="iom-other-")) / "data"
    other_store = open_store(Settings(data_dir=other))
    try:
        other_pid = EmbeddedServer(other).pid()
        mine = EmbeddedServer(data_dir)
        mine.dir.mkdir(parents=True)
        mine.pidfile.write_text(str(other_pid))  # a pid that is alive, serving another store
        mine.socket.write_text("")
        store = open_store(Settings(data_dir=data_dir))
        assert store.started_server  # type: ignore[attr-defined]
        assert mine.pid() != other_pid
        store.close()
        assert EmbeddedServer(other).is_running()  # the healthy other store was left alone
    finally:
        other_store.close()
        shutil.rmtree(other.parent, ignore_errors=True)


def test_down_after_the_server_died_says_so_without_a_traceback(data_dir: Path) -> None:
    open_store(Settings(data_dir=data_dir))._closed = True  # type: ignore[attr-defined]
    pid = EmbeddedServer(data_dir).pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    (data_dir / "dashboard.json").write_text(json.dumps({"pid": os.getpid(), "url": "http://x"}))
    down = _iom(data_dir, "down")
    assert down.returncode == 0 and "Traceback" not in down.stderr, down.stderr
    assert down.stdout.strip() == f"The embedded store in {data_dir} is not running."
    # The record named a live process that is not a dashboard (this test): it was not touched.
    status = _iom(data_dir, "status")
    assert "Dashboard: running" not in status.stdout and "Not running" in status.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_line(proc: subprocess.Popen[str], needle: str, timeout: float = 120) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if needle in line:
            return line
        if not line and proc.poll() is not None:
            raise AssertionError(
                f"exited {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}"
            )
    raise AssertionError(f"no {needle!r} within {timeout} s")


@pytest.mark.slow
def test_two_ups_start_one_dashboard_and_up_right_after_down_works(data_dir: Path) -> None:
    port = _free_port()
    first, second = (_start(data_dir, "up", "--no-seed", "--port", str(port)) for _ in range(2))
    try:
        outputs: dict[int, str] = {}
        for proc in (first, second):
            outputs[proc.pid] = _wait_line(proc, "running")
        serving = [p for p in (first, second) if "iom is running at" in outputs[p.pid]]
        told = [p for p in (first, second) if "already running at" in outputs[p.pid]]
        assert len(serving) == 1 and len(told) == 1, outputs
        assert told[0].wait(timeout=30) == 0
        down = _iom(data_dir, "down")
        assert down.returncode == 0 and "Traceback" not in down.stderr, down.stderr
        assert "Stopped the dashboard" in down.stdout
        serving[0].wait(timeout=30)
        again = _start(data_dir, "up", "--no-seed", "--port", str(port))  # the same port, at once
        try:
            assert "iom is running at" in _wait_line(again, "running")
        finally:
            assert _iom(data_dir, "down").returncode == 0
            again.wait(timeout=30)
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                proc.kill()


def test_opening_while_the_starter_closes_starts_the_server_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process that started the server closes (seeing nobody else) just after a second
    process found it answering: the second one starts it again instead of failing."""
    first = open_store(Settings(data_dir=data_dir))
    assert first.started_server  # type: ignore[attr-defined]
    real_start = EmbeddedServer.start
    calls: list[bool] = []

    def start_then_lose_the_server(self: EmbeddedServer) -> bool:
        started = real_start(self)
        calls.append(started)
        if len(calls) == 1:
            first.close()  # the starter leaves between our ping and our first command
        return started

    monkeypatch.setattr(EmbeddedServer, "start", start_then_lose_the_server)
    second = open_store(Settings(data_dir=data_dir))
    try:
        assert calls == [False, True]  # attached to the old server, then started a new one
        assert second.read("stats/label_counts") == []
    finally:
        second.close()
