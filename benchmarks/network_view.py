"""Browser benchmark: how fast the explorer's component settles and answers a click.

    python benchmarks/network_view.py --nodes 2000

Serves `network_view_app.py` (a synthetic preferential-attachment network of N people, drawn
by the explorer's vis-network component) with `streamlit run`, opens it in headless Chromium
(/usr/bin/chromium via playwright) and reports: time from navigation to the layout having
settled (physics off), and time from a click on a person to Python showing the clicked id.
Reference in the same run: the same page with 50 people. Target: a 2,000-person view settles
and answers within 3 s.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent


def serve(nodes: int) -> tuple[subprocess.Popen, str]:
    """Start streamlit on the bench page for `nodes` people; returns the process and URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(HERE / "network_view_app.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        env={**os.environ, "VIEW_NODES": str(nodes)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("streamlit did not start")


def measure(browser, url: str) -> tuple[float, float, float]:
    """(seconds to first draw, seconds to settle, seconds from click to Python's answer)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function("globalThis.__iomNetwork !== undefined", timeout=120_000)
    drawn = time.perf_counter() - start
    page.wait_for_function("globalThis.__iomSettled === true", timeout=120_000)
    settled = time.perf_counter() - start
    xy = page.evaluate(
        """() => { const n = globalThis.__iomNetwork;
        const p = n.canvasToDOM(n.getPositions(['P0'])['P0']);
        const r = n.body.container.getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }"""
    )
    start = time.perf_counter()
    page.mouse.click(*xy)
    page.get_by_text("clicked: P0").wait_for(timeout=60_000)
    answered = time.perf_counter() - start
    page.close()
    return drawn, settled, answered


def main() -> None:
    """Measure the reference (50 people) and the target size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        for n in (50, args.nodes):
            proc, url = serve(n)
            try:
                measure(browser, url)  # warm: first page load compiles the app
                drawn, settled, answered = measure(browser, url)
            finally:
                proc.terminate()
                proc.wait(timeout=20)
            print(f"{n:>6} people: first draw {drawn:.2f} s, settled {settled:.2f} s, "
                  f"click answered {answered:.2f} s")  # fmt: skip
        browser.close()


if __name__ == "__main__":
    main()
