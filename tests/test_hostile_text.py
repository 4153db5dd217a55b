"""Hostile text from data or a URL is shown as text on every page and in every command."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from csv_files import write_import
from iom.cli import main
from iom.ingest import load_directory
from iom.packaged import packaged
from iom.security.access import SYSTEM
from iom.settings import Settings
from iom.store import Store, open_store
from iom.text import escape, terminal
from iom.ui.app import page_file

APP = str(packaged("streamlit_app.py"))
BOLD_LINK = "**bold** [link](javascript:alert(1))"
IMAGE = "![t](http://host/x.png)"
TITLE = "\x1b]0;owned\x07Ann\x1b[2J"
FORCE = {
    "nodes/Person.csv": [
        ["id:ID(Person)", ":LABEL", "first_name", "last_name", "date_of_birth"],
        ["P1", "Nominal;Offender", TITLE, BOLD_LINK, "1990-01-01"],
        ["P2", "Offender", IMAGE, "x]y :red[z]", "1991-01-01"],
    ],
    "nodes/Offence.csv": [
        ["id:ID(Offence)", "offence_type", "committed_on", "detection"],
        ["O1", "RESIDENTIAL_BURGLARY", "2025-05-15", "REPORTED"],
        ["O2", "RESIDENTIAL_BURGLARY", "2025-04-15", "REPORTED"],
    ],
    "nodes/Household.csv": [
        ["id:ID(Household)", "address", "high_impact", "high_impact_reason"],
        ["H1", "![h](http://host/home.png) 1 High St", "true", "![r](http://host/why.png) ]"],
    ],
    "nodes/OCG.csv": [["id:ID(OCG)", "name", "threat"], ["G1", IMAGE, "FRAUD"]],
    "relationships/SUSPECT_IN.csv": [
        [":START_ID(Person)", ":END_ID(Offence)"],
        ["P1", "O1"],
        ["P2", "O2"],
    ],
    "relationships/LIVES_AT.csv": [[":START_ID(Person)", ":END_ID(Household)"], ["P1", "H1"]],
    "relationships/MEMBER_OF.csv": [
        [":START_ID(Person)", ":END_ID(OCG)", "role"],
        ["P1", "G1", "PRINCIPAL"],
    ],
}


@pytest.fixture(scope="module")
def hostile(
    warm_server: Store, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """A graph holding people, a household and an OCG whose text is hostile."""
    chosen = settings.with_graph(f"h{uuid.uuid4().hex[:12]}")
    store = open_store(chosen)
    load_directory(store, write_import(tmp_path_factory.mktemp("hostile"), FORCE), SYSTEM)
    yield chosen
    store.drop_graph()  # type: ignore[attr-defined]
    store.close()


@pytest.fixture
def env(hostile: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    monkeypatch.setenv("IOM_DATA_DIR", str(hostile.data_dir))
    monkeypatch.setenv("IOM_GRAPH", hostile.graph)
    monkeypatch.setenv("IOM_USER", "hostile.tester")
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield hostile
    st.cache_resource.clear()
    st.cache_data.clear()


def _markdown_shown(at: AppTest) -> list[str]:
    """Every Markdown-rendering element's source on the page."""
    kinds = ("header", "subheader", "title", "caption", "markdown", "warning", "info", "error")
    return [str(e.value) for kind in kinds for e in getattr(at, kind)]


def _harmless(source: str) -> bool:
    """No live image, link, bold or badge can come from this Markdown source."""
    live = re.sub(r"\\.", "", source)  # what is left once escaped characters are dropped
    dangers = ("![", "](", "**bold", ":red[z", "http:", "\x1b", "\x07", "x]y")
    return not any(d in live for d in dangers)


def _person(person_id: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["person_id"] = person_id
    at.switch_page(str(Path(page_file("person")).relative_to(Path(APP).parent))).run()
    return at


@pytest.mark.parametrize("person_id", ["P1", "P2"])
def test_names_household_and_ocg_show_as_text_on_the_profile(env: Settings, person_id: str) -> None:
    at = _person(person_id)
    assert not at.exception
    shown = _markdown_shown(at)
    assert [s for s in shown if not _harmless(s)] == []
    name = {"P1": f"{TITLE} {BOLD_LINK}", "P2": f"{IMAGE} x]y :red[z]"}[person_id]
    assert at.header[0].value == escape(name)


def test_the_high_impact_reason_is_text(env: Settings) -> None:
    at = _person("P1")
    assert not at.exception
    # The household's score and why come from the cohort library, shown with st.text.
    (why,) = [t.value for t in at.text if t.value.startswith("Household score")]
    assert "Household H1 (![h](http://host/home.png) 1 High St): score" in why
    assert "- Recorded as high-impact: ![r](http://host/why.png) ]." in why
    assert [s for s in _markdown_shown(at) if not _harmless(s)] == []


def test_a_crafted_person_url_shows_as_text(env: Settings) -> None:
    crafted = "**Session expired** [sign in again](http://evil.example/login)"
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.query_params["id"] = crafted
    at.switch_page(str(Path(page_file("person")).relative_to(Path(APP).parent))).run()
    assert not at.exception
    (warning,) = at.warning
    assert warning.value == escape(f"No person with id {crafted!r}.")
    assert _harmless(warning.value)


def test_home_and_cohort_pages_show_data_as_text(env: Settings) -> None:
    for page in ("home", "cohort"):
        at = AppTest.from_file(APP, default_timeout=60).run()
        if page != "home":
            at.switch_page(str(Path(page_file(page)).relative_to(Path(APP).parent))).run()
        assert not at.exception
        assert [s for s in _markdown_shown(at) if not _harmless(s)] == []


def test_escape_sequences_in_names_do_not_reach_the_terminal_via_iom_cohort(env: Settings) -> None:
    result = CliRunner().invoke(main, ["cohort", "rank", "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;owned\\x07Ann\\x1b[2J" in result.output


def test_escape_sequences_in_a_csv_header_do_not_reach_the_terminal_via_iom_load(
    env: Settings, tmp_path: Path
) -> None:
    write_import(
        tmp_path,
        {
            "Person.csv": [
                ["id:ID(Person)", "first_name", "last_name", "x\x1b[2J\r"],
                ["Q1", "A", "B", "c"],
            ]
        },
    )
    result = CliRunner().invoke(main, ["load", "--dry-run", str(tmp_path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "Person.csv:1:x\\x1b[2J: unknown column for Person" in result.output


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]0;t\x07", "\\x1b]0;t\\x07"),
        ("a\rb", "a\\x0db"),
        ("\u202eevil", "\\u202eevil"),
        ("\x9b31m", "\\x9b31m"),
        ("tab\tand\nline", "tab\tand\nline"),
    ],
)
def test_terminal_neutralises_control_characters(raw: str, shown: str) -> None:
    assert terminal(raw) == shown


def test_the_harmless_check_catches_live_markup() -> None:
    assert not _harmless(BOLD_LINK) and not _harmless(IMAGE) and not _harmless("x]y")
    assert _harmless(escape(BOLD_LINK)) and _harmless(escape(IMAGE)) and _harmless(escape("x]y"))
