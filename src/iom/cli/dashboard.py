"""Running the dashboard: one per data directory, recorded so a second `iom up` finds it."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from iom.connection import log_tail
from iom.errors import ConfigError, IomError
from iom.packaged import packaged
from iom.settings import Settings

__all__ = [
    "Dashboard",
    "claim_dashboard",
    "forget_dashboard",
    "running_dashboard",
    "start_dashboard",
    "stop_dashboard",
]


@dataclass(frozen=True)
class Dashboard:
    """A dashboard process and where it listens."""

    pid: int
    url: str


def _record(data_dir: Path) -> Path:
    return data_dir / "dashboard.json"


def forget_dashboard(data_dir: Path) -> None:
    """Remove the record of this data directory's dashboard (it has stopped)."""
    _record(data_dir).unlink(missing_ok=True)


def running_dashboard(data_dir: Path) -> Dashboard | None:
    """The dashboard serving this data directory, if one is alive; stale records are removed."""
    path = _record(data_dir)
    try:
        info = json.loads(path.read_text())
        pid, url = int(info["pid"]), str(info["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _is_dashboard(pid):  # gone, or its pid now belongs to another program
        path.unlink(missing_ok=True)
        return None
    return Dashboard(pid=pid, url=url)


def _is_dashboard(pid: int) -> bool:
    """True when `pid` is alive and is a Streamlit process (a reused pid is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # another user's process: not the dashboard we started
    try:
        return b"streamlit" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (macOS): trust the record


@contextlib.contextmanager
def claim_dashboard(data_dir: Path) -> Iterator[bool]:
    """Hold this data directory's dashboard claim while the body runs; False if another has it.

    Two `iom up` at once: one gets the claim and starts the dashboard, the other is told
    where it runs. The claim is a lock on a file, released by the system when its holder
    exits however it exits, so no stale claim is ever left behind.
    """
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(data_dir / "dashboard.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def wait_for_dashboard(data_dir: Path, timeout: float = 90.0) -> Dashboard | None:
    """The dashboard another `iom up` is starting, once it is recorded (None if it never is)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = running_dashboard(data_dir)
        if found:
            return found
        time.sleep(0.2)
    return None


def _port_free(address: str, port: int, wait: float = 5.0) -> bool:
    """True when `port` can be listened on; waits a moment for a dashboard that is stopping.

    SO_REUSEADDR (as Streamlit's server sets it) lets a port whose last connections are in
    TIME_WAIT be used again at once, so `iom up` straight after `iom down` works.
    """
    deadline = time.monotonic() + wait
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((address, port))
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
        time.sleep(0.1)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def start_dashboard(
    settings: Settings, port: int = 8501, address: str = "127.0.0.1", timeout: float = 90.0
) -> tuple[subprocess.Popen[bytes], Dashboard]:
    """Start Streamlit on the packaged app; return once it answers on its health check."""
    if not _port_free(address, port):
        raise ConfigError(f"port {port} on {address} is in use: choose another with --port.")
    env = dict(os.environ)
    env["IOM_DATA_DIR"] = str(settings.data_dir)
    env["IOM_GRAPH"] = settings.graph
    if settings.store_uri:
        env["NEO4J_URI"] = settings.store_uri
    app = packaged("streamlit_app.py")
    args = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless=true",
        f"--server.port={port}",
        f"--server.address={address}",
        "--browser.gatherUsageStats=false",
        "--client.toolbarMode=viewer",
    ]
    log = settings.data_dir / "dashboard.log"
    with open(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as out:
        proc = subprocess.Popen(
            args, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    host = "localhost" if address in ("127.0.0.1", "localhost") else address
    dashboard = Dashboard(pid=proc.pid, url=f"http://{host}:{port}")
    record = _record(settings.data_dir)
    record.write_text(json.dumps({"pid": proc.pid, "url": dashboard.url}))
    record.chmod(0o600)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            forget_dashboard(settings.data_dir)
            raise IomError(
                f"the dashboard exited at start (code {proc.returncode}); "
                f"see {log}: {log_tail(log)}"
            )
        if _healthy(dashboard.url):
            return proc, dashboard
        time.sleep(0.25)
    stop_process(proc)
    forget_dashboard(settings.data_dir)
    raise IomError(f"the dashboard did not answer within {timeout:.0f} s; see {log}")


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """Ask a dashboard process to stop, then make sure it has."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def stop_dashboard(data_dir: Path, timeout: float = 15.0) -> Dashboard | None:
    """Stop the dashboard of this data directory (started by `iom up`), if one runs."""
    dashboard = running_dashboard(data_dir)
    if dashboard is None:
        return None
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(dashboard.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(dashboard.pid, 0)
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(dashboard.pid, os.WNOHANG)
        except (ProcessLookupError, PermissionError):
            break
        time.sleep(0.1)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(dashboard.pid, signal.SIGKILL)
    forget_dashboard(data_dir)
    return dashboard
