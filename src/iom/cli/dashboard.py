"""Running the dashboard: one per data directory, recorded so a second `iom up` finds it."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from iom.connection import log_tail
from iom.errors import ConfigError, IomError
from iom.packaged import packaged
from iom.settings import Settings

__all__ = [
    "Dashboard",
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
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        path.unlink(missing_ok=True)
        return None
    except PermissionError:
        pass
    return Dashboard(pid=pid, url=url)


def _port_free(address: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((address, port))
        except OSError:
            return False
    return True


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
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            args, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    host = "localhost" if address in ("127.0.0.1", "localhost") else address
    dashboard = Dashboard(pid=proc.pid, url=f"http://{host}:{port}")
    _record(settings.data_dir).write_text(json.dumps({"pid": proc.pid, "url": dashboard.url}))
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
    with contextlib.suppress(ProcessLookupError):
        os.killpg(dashboard.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(dashboard.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(dashboard.pid, signal.SIGKILL)
    forget_dashboard(data_dir)
    return dashboard
