"""The network explorer in a real browser (headless Chromium driven by Python playwright).

AppTest cannot run the vis-network component's JavaScript; these tests start the dashboard
on the session's embedded store with a small hand-made force and drive Debian's chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from csv_files import write_texts
from dashboard_server import serve_dashboard
from iom.ingest import load_directory
from iom.security.access import SYSTEM
from iom.settings import Settings
from iom.store import Store, open_store
from test_network_store import FORCE

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`; "
        ".ci/run does) to run the browser tests",
        allow_module_level=True,
    )
playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright")


@pytest.fixture(scope="module")
def app_url(warm_server: Store, settings: Settings, tmp_path_factory) -> Iterator[str]:
    """The dashboard on a graph holding the hand-made force, served by streamlit run."""
    graph = settings.with_graph("netbrowser")
    store = open_store(graph)
    if not store.read("stats/label_counts"):
        load_directory(store, write_texts(tmp_path_factory.mktemp("force"), FORCE), SYSTEM)
    store.close()
    with serve_dashboard(
        settings.data_dir, "netbrowser", tmp_path_factory.mktemp("log"), IOM_USER="browser.tester"
    ) as url:
        yield url


@pytest.fixture
def page(app_url: str) -> Iterator:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1400, "height": 1300})
        yield tab
        browser.close()


def _settled(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("globalThis.__iomSettled === true", timeout=60_000)


def _dom_xy(page, person: str) -> list[float]:
    return page.evaluate(
        """(id) => { const n = globalThis.__iomNetwork;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = n.body.container.getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""",
        person,
    )


def test_graph_renders_with_legend(page, app_url: str) -> None:
    _settled(page, f"{app_url}/network?ocg=G1")
    ids = page.evaluate("globalThis.__iomNetwork.body.data.nodes.getIds()")
    assert sorted(ids) == ["P1", "P2", "P3", "P4", "P5", "P9"]
    legend = page.locator(".iom-legend").inner_text()
    assert "Red Crew" in legend and "Blue Firm" in legend and "No OCG" in legend
    assert page.locator(".iom-net canvas").count() == 1


def test_a_click_opens_the_profile(page, app_url: str) -> None:
    _settled(page, f"{app_url}/network?ocg=G1")
    page.mouse.click(*_dom_xy(page, "P2"))
    page.wait_for_url("**/person?id=P2", timeout=30_000)
    page.get_by_role("heading", name="Bo Hart").wait_for(timeout=30_000)


def test_positions_are_kept_between_reruns(page, app_url: str) -> None:
    _settled(page, f"{app_url}/network?ocg=G1")
    before = page.evaluate("globalThis.__iomNetwork.getPositions()")
    page.evaluate("globalThis.__old = globalThis.__iomNetwork")
    page.get_by_text("OCG role").click()  # colour by role: a rerun with new data
    page.wait_for_function("globalThis.__iomNetwork !== globalThis.__old", timeout=30_000)
    after = page.evaluate("globalThis.__iomNetwork.getPositions()")
    assert after == before
    assert page.evaluate("globalThis.__iomSettled") is True  # drawn without physics


def test_names_with_markup_show_as_text(page, app_url: str) -> None:
    _settled(page, f"{app_url}/network?person=P6")
    labels = page.evaluate(
        "globalThis.__iomNetwork.body.data.nodes.get().map((n) => n.label).sort()"
    )
    assert "<b>Jo</b> Ray" in labels  # drawn on the canvas as these characters
    tooltips = "globalThis.__iomNetwork.body.data.nodes.get().filter((n) => n.title).length"
    assert page.evaluate(tooltips) == 0  # no `title`: vis-network may render it as HTML
    legend = page.locator(".iom-legend")
    assert "<i>Grey</i> & Co" in legend.inner_text()
    assert legend.locator("i").count() == 0 and page.locator("b").count() == 0


def test_png_export(page, app_url: str) -> None:
    _settled(page, f"{app_url}/network?ocg=G1")
    with page.expect_download(timeout=30_000) as download:
        page.locator(".iom-png").click()
    path = download.value.path()
    assert download.value.suggested_filename == "network-G1.png"
    assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
