"""The network explorer page under AppTest (its graph runs in a browser: test_network_browser)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from csv_files import write_texts
from iom.ingest import load_directory
from iom.packaged import packaged
from iom.security.access import SYSTEM
from iom.settings import Settings
from iom.store import Store, open_store
from test_network_store import FORCE

APP = str(packaged("streamlit_app.py"))


@pytest.fixture
def force_env(
    warm_server: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[None]:
    graph = settings.with_graph("netpage")
    store = open_store(graph)
    if not store.read("stats/label_counts"):
        load_directory(store, write_texts(tmp_path / "force", FORCE), SYSTEM)
    store.close()
    monkeypatch.setenv("IOM_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", "netpage")
    monkeypatch.setenv("IOM_USER", "apptest")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _network(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page("src/iom/ui/pages/network/network.py").run()


def test_ocg_link_shows_its_network_and_simulates_a_removal(force_env: None) -> None:
    at = _network(ocg="G1")
    assert not at.exception
    assert at.caption[0].value == "6 people, 8 ties"
    assert any(t.value == "Scope: OCG Red Crew (G1), 2 hop(s)" for t in at.text)
    at.multiselect(key="net_removed").set_value(["P2"]).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Measure"])[:2] == ["Largest connected group (people)",
                                          "Largest group / intact largest group"]  # fmt: skip
    assert list(table.iloc[0, 1:3]) == [6, 4]  # Ed Nash (P5) is cut off with Bo Hart gone
    assert any(t.value.startswith("Removing 1 people leaves a largest group of 4") for t in at.text)


def test_person_link_and_tie_filter(force_env: None) -> None:
    at = _network(person="P6")
    assert at.caption[0].value == "4 people, 4 ties"  # P7, P8 co-offenders; P10 family
    at.multiselect(key="net_ties").set_value(["co-offending"]).run()
    assert not at.exception and at.caption[0].value == "3 people, 3 ties"


def test_expanding_a_person_adds_their_neighbours(force_env: None) -> None:
    at = _network(person="P5")
    assert at.caption[0].value == "2 people, 1 ties"  # Ed Nash and his associate Bo Hart
    at.session_state["net_expanded"] = ["P2"]  # what a click in 'Expand neighbours' mode does
    at.run()
    assert not at.exception and at.caption[0].value == "4 people, 4 ties"  # Bo's co-offenders


def test_without_a_link_an_ocg_is_chosen(force_env: None) -> None:
    at = _network()
    assert not at.exception
    chooser = at.selectbox[0]
    assert chooser.label == "Centre on an OCG"
    chooser.select("G2").run()
    assert not at.exception
    assert at.query_params["ocg"] in ("G2", ["G2"])
