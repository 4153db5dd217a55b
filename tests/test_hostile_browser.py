"""Hostile text in a real browser: pages on a store whose every text field is hostile show it
as characters, fetch no address named in it and hold no live link (headless Chromium)."""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from dashboard_server import serve_dashboard
from iom.settings import Settings
from test_hostile_pages import CRAFTED, disruption  # noqa: F401  (the hostile store fixture)
from test_network_browser import CHROMIUM, playwright

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(
    disruption: Settings,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The dashboard on the hostile disruption store, served by streamlit run."""
    with serve_dashboard(
        disruption.data_dir,
        disruption.graph,
        tmp_path_factory.mktemp("log"),
        IOM_USER="browser.tester",
        IOM_ROLE="OCG_COORDINATOR",
    ) as url:
        yield url


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
