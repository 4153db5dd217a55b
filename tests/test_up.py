"""`iom up` end to end: seeds and serves; a second one says so; `iom down` stops it all."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from iom.store import EmbeddedServer

pytestmark = pytest.mark.slow
IOM = [sys.executable, "-m", "iom"]


@pytest.fixture
def data_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="iom-up-"))
    yield path
    subprocess.run([*IOM, "--data-dir", str(path), "down"], env=_env(), capture_output=True)
    shutil.rmtree(path, ignore_errors=True)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "IOM_"))}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _iom(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*IOM, "--data-dir", str(data_dir), *args],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_up_seeds_serves_refuses_a_second_and_down_stops_everything(data_dir: Path) -> None:
    port = _free_port()
    up = subprocess.Popen(
        [*IOM, "--data-dir", str(data_dir), "up", "--port", str(port)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert up.stdout is not None
        first = up.stdout.readline()  # blocks until the dashboard answers
        assert first.startswith(f"iom is running at http://localhost:{port}"), first
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
            assert r.status == 200

        stats = json.loads(_iom(data_dir, "stats", "--json").stdout)
        assert stats["labels"]["Person"] == 3000 and stats["labels"]["OCG"] == 25

        again = _iom(data_dir, "up", "--port", str(_free_port()))
        assert again.returncode == 0
        assert f"already running at http://localhost:{port}" in again.stdout

        down = _iom(data_dir, "down")
        assert "Stopped the dashboard" in down.stdout, down.stdout + down.stderr
        assert down.returncode == 0, down.stdout + down.stderr
        assert "Traceback" not in down.stdout + down.stderr
        assert up.wait(timeout=60) == 0
        up_err = up.stderr.read()  # type: ignore[union-attr]
        assert "Traceback" not in up_err
        assert not EmbeddedServer(data_dir).is_running()
        assert "loading the fictional seed force" in up_err
    finally:
        if up.poll() is None:
            up.kill()


def test_up_on_a_busy_port_says_which_and_how(data_dir: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _iom(data_dir, "up", "--port", str(port), "--no-seed")
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is in use: choose another with --port." in result.stderr
    time.sleep(0.2)
    assert not EmbeddedServer(data_dir).is_running()  # the store it started is stopped again
