"""The OCG pages with AppTest on a hand-made force: each shows its data, takes a form
submission and shows the result; data text is escaped; bad input is one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from disruption_world import FILES, build, count
from iom.packaged import packaged
from iom.settings import Settings
from iom.store import Store
from iom.text import escape
from whatif_world import WHATIF_FILES

APP = str(packaged("streamlit_app.py"))
PAGES = "src/iom/ui/pages/disruption"


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def world(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Store:
    """The hand-made force with a markup-laden OCG name, and the app pointed at it."""
    build(
        store,
        tmp_path,
        {
            "nodes/OCG.csv": FILES["nodes/OCG.csv"].replace(
                "Red Crew", "Red *Crew* ![x](http://example.invalid/x.png)"
            )
        },
    )
    monkeypatch.setenv("IOM_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", store.graph_name)  # type: ignore[attr-defined]
    monkeypatch.setenv("IOM_USER", "apptest")
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    return store


@pytest.fixture
def net_world(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Store:
    """The what-if force (a network round Red Crew) with markup in a key player's name."""
    build(
        store,
        tmp_path,
        {
            **WHATIF_FILES,
            "nodes/Person.csv": WHATIF_FILES["nodes/Person.csv"].replace("Kim,", "*Kim*,"),
        },
    )
    monkeypatch.setenv("IOM_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", store.graph_name)  # type: ignore[attr-defined]
    monkeypatch.setenv("IOM_USER", "apptest")
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    return store


def _frame(at: AppTest, column: str) -> pd.DataFrame:
    """The first dataframe on the page with `column`."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _open(page: str, **state: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(f"{PAGES}/{page}").run()
    assert not at.exception, at.exception
    return at


def test_ocg_list_records_an_assessment(world: Store) -> None:
    at = _open("ocgs.py")
    assert list(at.dataframe[0].value["id"]) == ["G1", "G2", "G3", "G4"]
    assert "Illegal drugs" in list(at.dataframe[0].value["threat_label"])
    at.selectbox(key="assess_ocg").select("G2")
    for code in ("CRIMINALITY_HARM", "CAPABILITY", "INTENT", "GEOGRAPHIC_REACH", "NETWORK"):
        at.selectbox(key=f"assess_{code}").select("HIGH")
    at.text_input(key="assess_note_INTENT").input("expanding")
    at.button(key="assess_submit").click().run()
    assert not at.exception
    assert "score 100, band 1A" in at.success[0].value
    assert count(world, "OCGAssessment") == 1


def test_ocg_profile_escapes_the_name_adds_an_action_and_assigns_an_owner(world: Store) -> None:
    at = _open("ocg.py", ocg_id="G1")
    header = at.header[0].value
    assert "\\*Crew\\*" in header and "!\\[x\\]" in header  # shown as text, not markup
    at.text_input(key="action_description").input("Warrant at the flat")
    at.button(key="action_submit").click().run()
    assert [e.value for e in at.error] == [
        escape(
            "plan action not saved: owner: a plan action needs an owner (an officer or a "
            "partner agency)"
        )
    ]
    assert count(world, "Action") == 2
    at = _open("ocg.py", ocg_id="G1")
    at.text_input(key="action_description").input("Warrant at the flat")
    at.selectbox(key="action_owner").select("O1")
    at.button(key="action_submit").click().run()
    assert at.success[0].value.startswith("Added ACT-")
    assert count(world, "Action") == 3
    at.selectbox(key="owner_choice").select("O3")
    at.text_input(key="owner_reason").input("in the area")
    at.button(key="owner_submit").click().run()
    assert not at.exception
    assert any("now owns this OCG" in s.value for s in at.success)


def test_tactics_page_records_the_coordinators_advice(world: Store) -> None:
    at = _open("tactics.py")
    assert [t.label for t in at.tabs] == [
        "Lifestyle",
        "Behaviour",
        "Vehicles",
        "Travel",
        "Business",
        "Crime",
    ]
    at.selectbox(key="tactics_ocg").select("G3")
    at.selectbox(key="advice_officer").select("OC")
    at.multiselect(key="advice_tactics").select("T2")
    at.text_area(key="advice_text").input("Seize the counterfeit stock")
    at.button(key="advice_submit").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Advice recorded")
    at.run()
    assert any("Seize the counterfeit stock" in t.value for t in at.text)


def test_ledger_page_records_a_disruption_and_refuses_a_half_one(world: Store) -> None:
    at = _open("ledger.py")
    at.selectbox(key="record_ocg").select("G1")
    at.selectbox(key="record_impact").select("MAJOR")
    at.multiselect(key="record_tactics").select("T1")
    at.text_area(key="record_rationale").input("Supply stopped")
    at.button(key="record_submit").click().run()
    assert [e.value for e in at.error] == [
        escape("disruption not saved: approver: a major impact needs an approving officer")
    ]
    assert count(world, "Disruption") == 0
    at = _open("ledger.py")
    at.selectbox(key="record_ocg").select("G1")
    at.date_input(key="record_date").set_value(date(2026, 5, 1))
    at.selectbox(key="record_impact").select("MAJOR")
    at.multiselect(key="record_tactics").select("T1")
    at.text_area(key="record_rationale").input("Supply stopped")
    at.selectbox(key="record_approver").select("O1")
    at.button(key="record_submit").click().run()
    assert at.success[0].value.startswith("Recorded DIS-")
    rollup = at.dataframe[0].value
    assert dict(zip(rollup["key"], rollup["total"], strict=True)) == {"G1": 1, "TOTAL": 1}
    at.radio(key="ledger_by").set_value("area").run()
    rollup = at.dataframe[0].value
    assert dict(zip(rollup["key"], rollup["per 1,000"], strict=True)) == {"A1": 0.1, "TOTAL": 0.02}
    assert list(at.dataframe[1].value["impact"]) == ["Major"]


def test_meeting_page_builds_an_agenda_and_records_minutes(world: Store) -> None:
    at = _open("meeting.py")
    assert "No meetings yet" in at.info[0].value
    at.date_input(key="plan_date").set_value(date(2026, 6, 1))
    at.button(key="plan_submit").click().run()
    assert not at.exception
    assert "on the agenda" in at.success[0].value
    agenda = at.dataframe[0].value
    assert "G3" not in list(agenda["OCG"])  # names are shown, not ids
    assert any("never assessed" in why for why in agenda["why"])
    at.text_input(key="decision_G1").input("Continue Pursue")
    at.text_area(key="meeting_minutes_text").input("Panel met; all present.")
    at.button(key="minutes_submit").click().run()
    assert not at.exception
    assert [s.value for s in at.success][-1] == "Minutes recorded. Next meeting\\: 2026-07-13."


@pytest.mark.parametrize("page", ["ocgs.py", "ocg.py", "tactics.py", "ledger.py", "meeting.py"])
def test_pages_open_on_the_seed_force(
    page: str, warm_server: Store, seeded_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IOM_DATA_DIR", str(seeded_settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", seeded_settings.graph)
    monkeypatch.setenv("IOM_USER", "apptest")
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    at = _open(page)
    assert not at.error and at.dataframe


def test_ocg_profile_shows_key_players_and_a_what_if(net_world: Store) -> None:
    at = _open("ocg.py", ocg_id="G1")
    assert "5 people, 4 ties" in [c.value for c in at.caption]
    links = [(x.proto.page, x.proto.query_string) for x in at.get("page_link")]
    assert links[0] == ("network", "ocg=G1")  # the explorer, from the Network tab
    assert ("plan", "id=P1") in links and ("network", "person=P1") in links  # a member's
    players = _frame(at, "Betweenness")
    assert list(players["Id"]) == ["P2", "P1", "P4"]
    assert list(players["Name"]) == ["Sam Two", "Pat One", "*Kim* Four"]  # a cell: plain text
    at.multiselect(key="ocg_net_remove_G1").set_value(["P2"])
    at.selectbox(key="ocg_net_tactic_G1").select("T1")
    at.button(key="ocg_net_whatif_submit_G1").click().run()
    assert not at.exception and not at.error
    measures = _frame(at, "Measure").set_index("Measure")
    row = measures.loc["Largest connected group (people)"]
    assert (row["Before"], row["After removal"]) == (5, 2)
    assert any(
        t.value.startswith("Removing 1 of 5 people leaves a largest group of 2") for t in at.text
    )
    record = _frame(at, "Tried")
    assert list(record["Tactic"]) == ["Drugs search warrant"]
    assert list(record["Record"]) == ["not yet tried against groups with this activity"]
    at.multiselect(key="ocg_net_remove_G1").set_value([])
    at.button(key="ocg_net_whatif_submit_G1").click().run()
    assert [e.value for e in at.error] == [
        "what-if\\: --remove\\: name at least one person the tactic would remove"
    ]


def test_meeting_mode_walks_to_the_second_ocg_with_its_network_plan_and_ledger(
    net_world: Store,
) -> None:
    at = _open("meeting.py")
    at.date_input(key="plan_date").set_value(date(2026, 6, 1))
    at.button(key="plan_submit").click().run()
    agenda = list(at.dataframe[0].value["OCG"])
    assert len(agenda) >= 2
    assert at.radio(key="meeting_item").value == "G1"
    assert "5 people, 4 ties" in [c.value for c in at.caption]  # Red Crew's network
    assert list(_frame(at, "Action")["Action"]) == ["Warrant at the trap house"]
    at.button(key="meeting_next").click().run()
    assert not at.exception
    second = at.radio(key="meeting_item").value
    assert second != "G1"
    assert any(t.value.startswith(f"{agenda[1]}: on the agenda because") for t in at.text)
    assert any(t.value.startswith(f"Scope: OCG {agenda[1]} ({second})") for t in at.text)
    assert "No current member is recorded: no network to draw or simulate." in [
        c.value for c in at.caption
    ]  # Blue Crew has no members
    at.text_input(key=f"decision_{second}").input("Refer to trading standards")
    at.text_area(key="meeting_minutes_text").input("Walked the agenda.")
    at.button(key="minutes_submit").click().run()
    assert not at.exception
    assert not at.error
    assert [s.value for s in at.success][-1].startswith("Minutes recorded.")
