"""The dashboard, page by page, with Streamlit's AppTest against the seed force."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from iom.errors import StoreUnavailable
from iom.packaged import packaged
from iom.settings import Settings
from iom.store import Store
from iom.text import escape
from iom.ui.app import page_file
from iom.ui.state import EMPTY_STORE

APP = str(packaged("streamlit_app.py"))


def _page(name: str) -> str:
    """The page's script as AppTest wants it: relative to the app's own folder."""
    return os.path.relpath(page_file(name), Path(APP).parent)


def _table_with(at: AppTest, column: str) -> Any:
    """The first dataframe shown that has `column`."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _nominal() -> dict[str, str]:
    """The first IOM nominal of the seed force, read from its CSV (no store read, no audit)."""
    with packaged("seed_data").joinpath("nodes", "Person.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if "Nominal" in row[":LABEL"].split(";"):
                return row
    raise AssertionError("the seed force has no Nominal")


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Each test opens the store its environment names, not one cached by an earlier test."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def _env(monkeypatch: pytest.MonkeyPatch, data_dir: Path | str, graph: str) -> None:
    monkeypatch.setenv("IOM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("IOM_GRAPH", graph)
    monkeypatch.setenv("IOM_USER", "apptest")
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def seeded_env(
    warm_server: Store, seeded_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    _env(monkeypatch, seeded_settings.data_dir, seeded_settings.graph)
    return seeded_settings


def _open(page: str | None = None, **state: object) -> AppTest:
    """Run the app (home), then switch to `page` with `state` in the session."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    if page:
        for key, value in state.items():
            at.session_state[key] = value
        at.switch_page(_page(page)).run()
    return at


# -- pages against the seed force ------------------------------------------------------


def test_home_shows_force_and_area_figures(seeded_env: Settings) -> None:
    at = _open()
    assert not at.exception
    labels = [m.label for m in at.metric]
    areas = [label for label in labels if label.endswith(" cohort") and label != "IOM cohort"]
    assert len(areas) == 4 and "Northmere cohort" in areas
    assert {"IOM cohort", "Fixed", "Flex", "Free", "OCGs", "Open plans"} <= set(labels)
    total = next(m for m in at.metric if m.label == "IOM cohort")
    by_area = sum(int(m.value.replace(",", "")) for m in at.metric if m.label in areas)
    assert int(total.value.replace(",", "")) >= by_area > 0
    assert any("fictional seed force" in i.value for i in at.info)
    assert any("embedded store" in c.value for c in at.caption)
    table = at.dataframe[0].value
    assert len(table) == 4 and "IOM hub" in table.columns


def test_cohort_page_ranks_explains_and_filters(seeded_env: Settings) -> None:
    at = _open("cohort", cohort_as_of=date(2026, 11, 1))
    assert not at.exception
    frame = at.dataframe[0].value
    assert len(frame) == 25
    assert {"Score (0-100)", "Band", "Recommendation", "Flags", "Harm points"} <= set(frame.columns)
    assert frame["Score (0-100)"].is_monotonic_decreasing
    assert frame["Rank"].tolist() == list(range(1, 26))
    assert "Select" in set(frame["Recommendation"])  # labels, not codes
    why = "\n".join(t.value for t in at.text)
    assert "How the score is made" in why and "Total:" in why
    parts = _table_with(at, "Contribution")
    assert parts["Contribution"].sum() == pytest.approx(frame["Score (0-100)"][0], abs=0.2)
    at.selectbox(key="cohort_type").select("FLEX").run()
    at.selectbox(key="cohort_flag").select("SERIAL_PERPETRATOR").run()
    assert not at.exception
    flagged = at.dataframe[0].value
    assert len(flagged) and all("Serial perpetrator" in f for f in flagged["Flags"])
    at.slider(key="cohort_top").set_value(5).run()
    assert not at.exception and len(at.dataframe[0].value) <= 5


def test_cohort_opens_a_profile(seeded_env: Settings) -> None:
    at = _open("cohort", cohort_as_of=date(2026, 11, 1))
    frame = at.dataframe[0].value
    person_id, name = frame["Person id"][2], frame["Name"][2]
    at.selectbox(key="cohort_person").select(person_id).run()
    at.button(key="cohort_open").click().run()
    assert not at.exception
    assert at.session_state["person_id"] == person_id
    assert at.query_params["id"] in (person_id, [person_id])
    assert at.header[0].value == escape(name)
    assert [t.label for t in at.tabs][:2] == ["Offences", "Household"]


def test_a_decision_is_submitted_and_shown(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csv_files import write_texts
    from iom.ingest import load_directory
    from iom.security.access import SYSTEM
    from test_cohort_store import FORCE

    load_directory(store, write_texts(tmp_path / "force", FORCE), SYSTEM)
    _env(monkeypatch, settings.data_dir, store.graph_name)  # type: ignore[attr-defined]
    at = _open("cohort", cohort_as_of=date(2025, 6, 1), cohort_type="FIXED", cohort_person="P1")
    assert not at.exception
    at.button(key="FormSubmitter:cohort_decision-Record decision").click().run()
    assert [e.value for e in at.error] == ["a decision needs a reason; nothing was saved"]
    at = _open("cohort", cohort_as_of=date(2025, 6, 1), cohort_type="FIXED", cohort_person="P1")
    at.selectbox(key="decision_kind").select("DEFER")
    at.text_area(key="decision_reason").input("awaiting sentence at Crown Court")
    at.button(key="FormSubmitter:cohort_decision-Record decision").click().run()
    assert not at.exception
    assert "Defer P1 for Fixed (neighbourhood crime) on 2025-06-01" in at.success[0].value
    history = at.text[-1].value
    assert "Defer for Fixed (neighbourhood crime) by apptest: awaiting sentence" in history


def test_households_page_lists_and_explains(seeded_env: Settings) -> None:
    at = _open("households", households_as_of=date(2026, 11, 1))
    assert not at.exception
    table = _table_with(at, "Household")
    assert len(table) == 20 and table["Score (0-100)"].is_monotonic_decreasing
    assert at.text[0].value.startswith(f"Household {table['Household'][0]} (")
    assert at.caption[1].value.startswith("Serial perpetrator: suspect or offender")
    assert len(_table_with(at, "Victims")) > 0


def test_profile_of_the_person_in_session_state(seeded_env: Settings) -> None:
    person = _nominal()
    at = _open("person", person_id=person["id:ID(Person)"])
    assert not at.exception
    assert at.header[0].value == escape(f"{person['first_name']} {person['last_name']}")
    assert any(person["id:ID(Person)"] in c.value for c in at.caption)
    assert at.metric[0].label == "IOM cohort"
    pid = person["id:ID(Person)"]
    links = {(x.proto.label, x.proto.page, x.proto.query_string) for x in at.get("page_link")}
    assert {("Network", "network", f"person={pid}"), ("Plan", "plan", f"id={pid}")} <= links
    score = next(m for m in at.metric if m.label == "Cohort score")
    why = next(e for e in at.expander if e.label == "Why this cohort score")
    text = "\n".join(t.value for t in why.text)
    if score.value == "—":
        assert "is not ranked as of" in text
    else:
        assert f"score {score.value} of 100" in text and "How the score is made" in text
    assert ("Open in the cohort review", "cohort", f"person={pid}") in links
    assert any(t.label == "Household" for t in at.tabs)
    assert "High impact" not in "".join(str(d.value.columns) for d in at.dataframe)


def test_the_cohort_review_opens_on_the_person_a_profile_links_to(seeded_env: Settings) -> None:
    at = _open("cohort", cohort_as_of=date(2026, 11, 1))
    last = at.dataframe[0].value["Person id"].tolist()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["cohort_as_of"] = date(2026, 11, 1)
    at.session_state["cohort_top"] = 5
    outside = last[-1]  # 25th: outside the top 5 shown
    at.query_params["person"] = outside
    at.switch_page(_page("cohort")).run()
    assert not at.exception
    assert outside in at.dataframe[0].value["Person id"].tolist()
    assert at.selectbox(key="cohort_person").value == outside
    assert f"({outside})" in at.text[0].value


def test_profile_from_the_url(seeded_env: Settings) -> None:
    person = _nominal()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.query_params["id"] = person["id:ID(Person)"]
    at.switch_page(_page("person")).run()
    assert not at.exception
    assert at.header[0].value == escape(f"{person['first_name']} {person['last_name']}")


def test_profile_search(seeded_env: Settings) -> None:
    person = _nominal()
    at = _open("person")
    assert not at.exception and "Search for a person" in at.info[0].value
    at.text_input(key="person_search").input(person["last_name"].upper()).run()
    matches = at.selectbox(key="person_match")
    assert any(person["id:ID(Person)"] in option for option in matches.options)
    matches.select(person["id:ID(Person)"]).run()
    assert not at.exception
    assert at.header[0].value == escape(f"{person['first_name']} {person['last_name']}")


def test_unknown_person_is_a_warning(seeded_env: Settings) -> None:
    at = _open("person", person_id="NOPE")
    assert not at.exception
    assert [w.value for w in at.warning] == [escape("No person with id 'NOPE'.")]


# -- the store down, misconfigured or empty: one sentence, no traceback -------------------


@pytest.mark.parametrize(
    "page", [None, "cohort", "person", "ocgs", "ocg", "tactics", "ledger", "meeting"]
)
def test_data_dir_that_is_a_file(
    page: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_dir = tmp_path / "data"
    not_a_dir.write_text("not a folder")
    _env(monkeypatch, not_a_dir, "iom")
    at = _open(page, person_id="P000001")
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith(
        escape("iom is not configured correctly: cannot write to the data")
    )
    assert escape("Set IOM_DATA_DIR") in error.value
    assert not at.dataframe and not at.metric


@pytest.mark.parametrize(
    "page", [None, "cohort", "person", "ocgs", "ocg", "tactics", "ledger", "meeting"]
)
def test_store_unreachable(
    page: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(settings: Settings) -> Store:
        raise StoreUnavailable(f"the embedded store in {settings.data_dir} is not running")

    _env(monkeypatch, tmp_path, "iom")
    monkeypatch.setattr("iom.ui.state.connect", down)
    at = _open(page, person_id="P000001")
    assert not at.exception
    (error,) = at.error
    assert error.value == escape(
        f"The data store is not reachable: the embedded store in {tmp_path} is not running. "
        "Start it with `iom up` (or check NEO4J_URI)."
    )


@pytest.mark.parametrize(
    "page", [None, "cohort", "person", "ocgs", "ocg", "tactics", "ledger", "meeting"]
)
def test_empty_store(
    page: str | None, store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch, settings.data_dir, store.graph_name)  # type: ignore[attr-defined]
    at = _open(page, person_id="P000001")
    assert not at.exception
    assert [i.value for i in at.info] == [EMPTY_STORE]
    assert not at.error


def test_pages_are_grouped_in_sidebar_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    from iom.ui import app

    iom = [
        "home",
        "cohort",
        "person",
        "households",
        "referrals",
        "plan",
        "my-work",
        "pathways",
        "search",
    ]
    assert app.grouped() == {  # Admin: none yet
        "IOM": iom,
        "OCGs": ["ocgs", "ocg", "tactics", "ledger", "meeting", "network"],
    }
    monkeypatch.setitem(app.PAGES, "users", app.Page("cohort/cohort.py", "Users", ":x:", "Admin"))
    assert list(app.grouped()) == ["IOM", "OCGs", "Admin"]
    monkeypatch.setitem(app.PAGES, "odd", app.Page("cohort/cohort.py", "Odd", ":x:", "Nowhere"))
    with pytest.raises(ValueError, match="unknown sections: \\['Nowhere'\\]"):
        app.grouped()
