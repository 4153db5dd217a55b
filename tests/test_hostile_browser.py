"""Hostile text in a real browser: pages on a store whose every text field is hostile show it
as characters, fetch no address named in it and hold no live link (headless Chromium)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from iom.settings import Settings
from test_hostile_pages import CRAFTED, disruption  # noqa: F401  (the hostile store fixture)
from test_network_browser import CHROMIUM, _free_port, playwright

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def app_url(
    disruption: Settings,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The dashboard on the hostile disruption store, served by streamlit run."""
    port = _free_port()
    env = {**os.environ, "IOM_DATA_DIR": str(disruption.data_dir), "IOM_GRAPH": disruption.graph,
           "IOM_USER": "browser.tester", "IOM_ROLE": "OCG_COORDINATOR"}  # fmt: skip
    env.pop("NEO4J_URI", None)
    log = (tmp_path_factory.mktemp("log") / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "streamlit_app.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO,
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
        log.close()


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("ocg?id=G1", "x]y"),
        ("meeting", "x]y"),
        ("ledger", "x]y"),
        (f"person?id={urllib.parse.quote(CRAFTED)}", "**Session expired**"),
    ],
)
def test_hostile_text_is_shown_as_characters_and_fetches_nothing(
    app_url: str, path: str, shown: str
) -> None:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1400, "height": 1300})
        requested: list[str] = []
        tab.on("request", lambda r: requested.append(r.url))
        tab.goto(f"{app_url}/{path}")
        tab.get_by_text(shown, exact=False).first.wait_for(timeout=60_000, state="attached")
        tab.wait_for_timeout(1000)  # let the rest of the page draw
        live = tab.evaluate(
            """() => [...document.querySelectorAll('a[href], img[src]')]
                .map((e) => e.getAttribute('href') || e.getAttribute('src'))
                .filter((u) => !u.startsWith('#'))  // a heading's own anchor
                .filter((u) => /javascript:|host|example|mailto:/.test(u))"""
        )
        browser.close()
    assert live == []
    named = ("host", "evil.example", "b.example")  # addresses the hostile text names
    assert [u for u in requested if urllib.parse.urlparse(u).hostname in named] == []
