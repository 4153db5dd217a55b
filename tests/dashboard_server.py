"""The dashboard served by `streamlit run` for browser tests: the installed (or checkout's)
entry point on a chosen graph, started, waited for and stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from iom.packaged import packaged


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_dashboard(data_dir: Path, graph: str, log_dir: Path, **env_extra: str) -> Iterator[str]:
    """Serve the dashboard on `graph` of the store in `data_dir`; yield its URL."""
    port = free_port()
    env = {**os.environ, "IOM_DATA_DIR": str(data_dir), "IOM_GRAPH": graph, **env_extra}
    env.pop("NEO4J_URI", None)
    app = packaged("streamlit_app.py")
    with (log_dir / "streamlit.log").open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app),
             "--server.headless", "true", "--server.port", str(port),
             "--browser.gatherUsageStats", "false"],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                        if r.status == 200:
                            break
                except OSError:
                    time.sleep(0.5)
            else:
                raise AssertionError("the dashboard did not start")
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)
