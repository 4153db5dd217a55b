"""The casework pages with AppTest, on a small hand-made world: each form and its visible result."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from casework_world import ALICE, load_world
from iom.casework import actions, plans
from iom.packaged import packaged
from iom.settings import Settings
from iom.store import Store, open_store

APP = str(packaged("streamlit_app.py"))
PAGES = "src/iom/ui/pages"


@pytest.fixture
def world_env(
    warm_server: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    """A fresh graph with the casework world, named in the environment the app reads."""
    graph = f"a{uuid.uuid4().hex[:12]}"
    store = open_store(settings.with_graph(graph))
    load_world(store, tmp_path / "w")
    monkeypatch.setenv("IOM_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", graph)
    monkeypatch.setenv("IOM_USER", "OFF1")  # Olive Manager's officer id
    monkeypatch.setenv("IOM_ROLE", "IOM_OFFICER")
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield store
    st.cache_resource.clear()
    st.cache_data.clear()
    store.drop_graph()  # type: ignore[attr-defined]
    store.close()


def _page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    for key, value in query.items():
        at.query_params[key] = value
    return at.switch_page(f"{PAGES}/casework/{page}").run()


def _texts(at: AppTest) -> str:
    return "\n".join(t.value for t in at.text)


def test_referrals_page_records_and_decides(world_env: Store) -> None:
    at = _page("referrals.py")
    assert not at.exception
    at.text_input(key="match_first").input("ash")
    at.text_input(key="match_last").input("Ford")
    at.text_input(key="match_born").input("1991-01-01")
    next(b for b in at.button if b.label == "Find on record").click().run()
    assert "P2: Ash Ford, born 1991-01-01 (matched on name and date of birth)" in _texts(at)
    assert "P3: Ash Ford" in _texts(at)
    at.selectbox[0].set_value("PRISON")
    at.text_area[0].input("Release due; prolific burglar")
    new = 4  # the "Who is it?" form's four inputs come first
    at.text_input[new + 0].input("HMP Nowhere OMU")
    at.text_input[new + 1].input("P1")
    next(b for b in at.button if b.label == "Record referral").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Referral recorded."]
    assert "Dean Marsh (P1), from Prison" in _texts(at)
    assert "Already: IOM Fixed (neighbourhood crime) since 2024-01-01" in _texts(at)
    # decide it: the form lists it; an empty reason is refused naming the field
    decide = next(b for b in at.button if b.label == "Record decision")
    decide.click().run()
    assert "reason" in at.error[0].value and "required" in at.error[0].value
    at.text_area[1].input("Managed under MAPPA level 2")
    at.radio[0].set_value("DECLINED")
    next(b for b in at.button if b.label == "Record decision").click().run()
    assert any(s.value == "Decision recorded." for s in at.success)
    assert "Declined by OFF1" in _texts(at)


def test_referral_with_markup_in_a_name_is_shown_as_text(world_env: Store) -> None:
    at = _page("referrals.py")
    at.text_area[0].input("r")
    new = 4  # the "Who is it?" form's four inputs come first
    at.text_input[new + 0].input("x")
    at.text_input[new + 2].input("![x](http://evil.example/x.png)")
    at.text_input[new + 3].input(":red[Bob]")
    at.text_input[new + 4].input("not a date")
    next(b for b in at.button if b.label == "Record referral").click().run()
    error = at.error[0].value
    assert error.startswith("Not saved. date\\_of\\_birth\\: ")
    assert "![" not in error


def _opened(store: Store) -> plans.PlanView:
    return plans.open_plan(store, ALICE, "P1", "OFF1", opened_on=date.today() - timedelta(weeks=6))


def test_plan_page_adds_an_action_and_refuses_a_stale_save(world_env: Store) -> None:
    view = _opened(world_env)
    at = _page("plan.py", id="P1")
    assert not at.exception
    assert f"Plan {view.id} for Dean Marsh (P1)" in _texts(at)
    description = next(t for t in at.text_input if t.label == "Description")
    description.input("Referral to housing options")
    owner = next(s for s in at.selectbox if s.label == "Owner")
    owner.set_value("PTN1")
    next(b for b in at.button if b.label == "Add action").click().run()
    assert not at.exception
    assert any("Action added. Saved as version 2." in s.value for s in at.success)
    actions = at.dataframe[1].value if len(at.dataframe) > 1 else None
    assert actions is not None and "Referral to housing options" in set(actions["Description"])
    # someone else saves the plan meanwhile: this session's next save is refused
    plans.set_review_interval(world_env, ALICE, view.id, 2, 4)
    notes = next(t for t in at.text_area if t.label == "Review notes")
    notes.input("Engaging")
    next(b for b in at.button if b.label == "Record review").click().run()
    assert any("was changed by alice" in w.value for w in at.warning)


def test_my_work_shows_my_due_review_first(world_env: Store) -> None:
    view = _opened(world_env)
    at = _page("my_work.py")
    assert not at.exception
    assert "0 overdue, 1 due" in _texts(at)
    assert view.id in set(at.dataframe[0].value["Plan"])
    at.selectbox[0].set_value("OFF3")
    next(b for b in at.button if b.label == "Show").click().run()
    assert "0 due or overdue" in _texts(at)


def test_pathways_page_declares_capacity(world_env: Store) -> None:
    _opened(world_env)
    at = _page("pathways.py")
    assert not at.exception
    heat = at.dataframe[0].value
    assert list(heat["Pathway"])[:2] == ["Accommodation", "Education, training and employment"]
    drugs = heat[heat["Pathway"] == "Drugs and alcohol"].iloc[0]
    assert drugs["Not assessed"] == 1 and drugs["Flag"] == "no capacity declared"
    next(s for s in at.selectbox if s.label == "Partner").set_value("PTN2")
    next(s for s in at.selectbox if s.label == "Pathway").set_value("DRUGS_ALCOHOL")
    at.number_input[0].set_value(0)
    next(b for b in at.button if b.label == "Declare capacity").click().run()
    assert any(s.value == "Capacity declared." for s in at.success)
    assert "Recovery Service: 0 places on Drugs and alcohol" in _texts(at)


def test_search_page_finds_and_filters(world_env: Store) -> None:
    view = _opened(world_env)
    actions.add_action(
        world_env,
        ALICE,
        view.id,
        view.version,
        pathway="ACCOMMODATION",
        description="Referral to housing options",
        owner_id="PTN1",
        due_on=date.today(),
    )
    at = _page("search.py")
    assert not at.exception
    at.text_input[0].input("housing")
    at.button[0].click().run()
    assert "1 found" in _texts(at)
    assert list(at.dataframe[0].value["Text"]) == ["Referral to housing options"]
    at.checkbox[0].check()
    at.button[0].click().run()
    assert "0 found" in _texts(at)


def test_home_counts_outstanding_and_wanted_people_per_area(world_env: Store) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    frames = [d.value for d in at.dataframe if "Wanted" in d.value.columns]
    counts = frames[0].set_index("Area")
    assert counts.loc["Northmere", "Wanted"] == 1
    assert counts.loc["Southvale", "Failed to answer bail"] == 1
    people = next(d.value for d in at.dataframe if "Why" in d.value.columns)
    assert sorted(people["Why"]) == ["Failed to answer bail", "Wanted"]
    assert set(people["Name"]) == {"Ash Ford"}
