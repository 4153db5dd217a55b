"""Hostile text on every page: each page renders a store whose every text field is hostile,
and a crafted URL, and no element renders Markdown, a link, an image, a badge or LaTeX from it."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from casework_world import ALICE, BOB, REF, WORLD
from csv_files import write_import, write_texts
from disruption_world import ACTOR
from iom.casework import plans, referrals, reviews
from iom.disruption.assessment import record_assessment
from iom.disruption.ledger import DisruptionEntry, record_disruption
from iom.disruption.meetings import plan_meeting, record_minutes
from iom.disruption.tactics import record_advice
from iom.ingest import load_directory
from iom.packaged import packaged
from iom.security.access import SYSTEM
from iom.settings import Settings
from iom.store import Store, open_store
from iom.text import escape
from whatif_world import WHATIF_FILES

APP = str(packaged("streamlit_app.py"))
PAGES = Path(APP).parent / "src/iom/ui/pages"
HOSTILE = (
    "**bold** [link](javascript:alert(1)) ![t](http://host/x.png) x]y :red[z] "
    "<img src=x onerror=alert(1)> <script>alert(1)</script> $x^2$"
)
PLANNED: list[str] = []  # the disruption store's meeting still to be held
CRAFTED = "**Session expired** [sign in again](http://evil.example/login)"
TEXT_COLUMNS = {
    "first_name",
    "last_name",
    "name",
    "address",
    "hub_name",
    "title",
    "description",
    "activity",
    "high_impact_reason",
}
# Fragments that must never survive once escaped characters are dropped from a Markdown source.
DANGERS = (
    "![",
    "](",
    "**bold",
    ":red[z",
    "http:",
    "x]y",
    "<img",
    "<script",
    "$x",
    "javascript:",
    "**Session",
)


MARKDOWN_KINDS = {"markdown", "caption", "title", "header", "subheader", "heading", "alert"}
MARKDOWN_KINDS |= {"error", "warning", "info", "success", "toast"}


def _taint(rows: list[list[str]]) -> list[list[str]]:
    """`rows` with every free-text cell followed by the hostile string."""
    header = rows[0]
    marked = [c.split(":")[0] in TEXT_COLUMNS for c in header]
    return [header] + [
        [f"{v} {HOSTILE}" if m and v else v for v, m in zip(row, marked, strict=True)]
        for row in rows[1:]
    ]


def _taint_text(text: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(_taint(list(csv.reader(io.StringIO(text)))))
    return out.getvalue()


def _live(source: str) -> list[str]:
    """The hostile fragments that `source` (Markdown) would render live."""
    bare = re.sub(r"\\.", "", source)
    return [d for d in DANGERS if d in bare]


def _markdown_sources(at: AppTest) -> list[tuple[str, str]]:
    """(element kind, source) for every string on the page that Streamlit renders as Markdown."""
    found: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in MARKDOWN_KINDS:
            found.append((kind, str(node.value)))
        elif kind == "metric":
            found.append(("metric", str(proto.label)))
            found.append(("metric", str(proto.body)))
        elif kind in ("expandable", "tab"):
            found.append((kind, str(node.label)))
        elif proto is not None and hasattr(proto, "label") and kind not in ("text",):
            found.append((kind, str(proto.label)))
            if kind == "radio":
                found.extend(("radio option", str(o)) for o in node.options)
        if proto is not None and getattr(proto, "help", ""):
            found.append((f"{kind} help", str(proto.help)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def _assert_harmless(at: AppTest, shown: str | None = "x]y") -> None:
    """No Markdown source on the page is live, and the page did show the hostile `shown`."""
    assert not at.exception, at.exception
    sources = _markdown_sources(at)
    bad = [(k, s, _live(s)) for k, s in sources if _live(s)]
    assert bad == []
    plain = [t.value for t in at.text] + [
        str(cell) for d in at.dataframe for column in d.value.columns for cell in d.value[column]
    ]
    if shown is not None:
        assert any(escape(shown) in s for _, s in sources) or any(shown in p for p in plain)


def _env(monkeypatch: pytest.MonkeyPatch, settings: Settings, user: str, role: str) -> None:
    monkeypatch.setenv("IOM_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", settings.graph)
    monkeypatch.setenv("IOM_USER", user)
    monkeypatch.setenv("IOM_ROLE", role)
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="module")
def casework(
    warm_server: Store, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """The casework world with hostile text in every field, a plan, a review and a referral."""
    chosen = settings.with_graph(f"hc{uuid.uuid4().hex[:12]}")
    store = open_store(chosen)
    recent = (date.today() - timedelta(days=30)).isoformat()
    offences = {
        "nodes/Offence.csv": [
            ["id:ID(Offence)", "offence_type", "committed_on", "detection"],
            ["O1", "RESIDENTIAL_BURGLARY", recent, "REPORTED"],
            ["O2", "RESIDENTIAL_BURGLARY", recent, "REPORTED"],
        ],
        "relationships/SUSPECT_IN.csv": [
            [":START_ID(Person)", ":END_ID(Offence)"],
            ["P1", "O1"],
            ["P4", "O2"],
        ],
    }
    world = {name: _taint(rows) for name, rows in {**WORLD, **offences}.items()}
    load_directory(store, write_import(tmp_path_factory.mktemp("hc"), world), SYSTEM, reference=REF)
    view = plans.open_plan(
        store, ALICE, "P1", "OFF1", title=HOSTILE, opened_on=date.today() - timedelta(weeks=6)
    )
    view = plans.add_action(
        store,
        ALICE,
        view.id,
        view.version,
        pathway="ACCOMMODATION",
        description=f"housing {HOSTILE}",
        owner_id="PTN1",
        due_on=date.today(),
    )
    reviews.record_review(store, BOB, view.id, view.version, notes=HOSTILE, decisions=HOSTILE)
    referrals.add_referral(
        store, ALICE, source="PRISON", reason=HOSTILE, referrer=HOSTILE, person_id="P4"
    )
    yield chosen
    store.drop_graph()  # type: ignore[attr-defined]
    store.close()


@pytest.fixture(scope="module")
def disruption(
    warm_server: Store, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """The disruption force (with a network) with hostile text everywhere, an assessment,
    advice, a disruption and a meeting with minutes."""
    chosen = settings.with_graph(f"hd{uuid.uuid4().hex[:12]}")
    store = open_store(chosen)
    files = {name: _taint_text(text) for name, text in WHATIF_FILES.items()}
    load_directory(store, write_texts(tmp_path_factory.mktemp("hd"), files), SYSTEM)
    grades = dict.fromkeys(
        ("CRIMINALITY_HARM", "CAPABILITY", "INTENT", "GEOGRAPHIC_REACH", "NETWORK"), "MEDIUM"
    )
    record_assessment(
        store,
        ACTOR,
        "G1",
        grades,
        reference=REF,
        notes={"INTENT": HOSTILE},
        rationale=HOSTILE,
        assessed_on="2026-01-05",
    )
    record_advice(store, ACTOR, "G1", "OC", HOSTILE, ["T1"])
    record_disruption(
        store,
        ACTOR,
        DisruptionEntry(
            ocg_id="G1",
            occurred_on="2026-05-01",
            impact="MINOR",
            impact_rationale=HOSTILE,
            tactic_ids=["T1"],
            description=HOSTILE,
        ),
        today=date(2026, 11, 30),
    )
    mid, _ = plan_meeting(
        store, ACTOR, "DISRUPTION_PANEL", date(2026, 6, 1), reference=REF, title=HOSTILE
    )
    record_minutes(store, ACTOR, mid, minutes=HOSTILE, decisions={"G1": HOSTILE}, reference=REF)
    planned, _ = plan_meeting(
        store, ACTOR, "DISRUPTION_PANEL", date(2026, 7, 13), reference=REF, title=HOSTILE
    )
    PLANNED.append(planned)
    yield chosen
    store.drop_graph()  # type: ignore[attr-defined]
    store.close()


def _open(page: str, query: dict[str, str] | None = None, **state: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    for key, value in state.items():
        at.session_state[key] = value
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.switch_page(str((PAGES / page).relative_to(Path(APP).parent))).run()


SHOWN = "x]y"  # a fragment of the hostile text each page must have shown (None: shows none)
CASEWORK_PAGES = [
    ("overview/home.py", {}, {}, SHOWN),
    ("cohort/cohort.py", {}, {}, SHOWN),
    ("cohort/households.py", {}, {}, SHOWN),
    ("people/person.py", {"id": "P1"}, {}, SHOWN),
    ("people/person.py", {"id": CRAFTED}, {}, "Session expired"),
    ("casework/referrals.py", {}, {}, SHOWN),
    ("casework/plan.py", {"id": "P1"}, {}, SHOWN),
    ("casework/plan.py", {"id": CRAFTED}, {}, None),  # "This person has no plan yet."
    ("casework/my_work.py", {}, {}, SHOWN),
    ("casework/pathways.py", {}, {}, SHOWN),
    ("casework/search.py", {}, {}, None),  # shows hits once searched, below
]


@pytest.mark.parametrize(("page", "query", "state", "shown"), CASEWORK_PAGES)
def test_casework_pages_show_hostile_text_as_text(
    casework: Settings,
    monkeypatch: pytest.MonkeyPatch,
    page: str,
    query: dict[str, str],
    state: dict[str, str],
    shown: str | None,
) -> None:
    _env(monkeypatch, casework, "OFF1", "IOM_SUPERVISOR")
    at = _open(page, query, **state)
    _assert_harmless(at, shown)
    if page.endswith("search.py"):
        at.text_input[0].input("housing")
        at.button[0].click().run()
        _assert_harmless(at)


DISRUPTION_PAGES = [
    ("disruption/ocgs.py", {}, {}, SHOWN),
    ("disruption/ocg.py", {}, {"ocg_id": "G1"}, SHOWN),
    ("disruption/ocg.py", {"id": CRAFTED}, {}, SHOWN),  # falls back to the first OCG
    ("disruption/tactics.py", {}, {}, SHOWN),
    ("disruption/ledger.py", {}, {}, SHOWN),
    ("disruption/meeting.py", {}, {}, SHOWN),
    ("network/network.py", {"ocg": "G1"}, {}, SHOWN),
    ("network/network.py", {"person": "P2"}, {}, None),  # names only on the canvas
    ("network/network.py", {"ocg": CRAFTED}, {}, None),
    ("network/network.py", {"person": CRAFTED}, {}, None),
    ("people/person.py", {"id": "P1"}, {}, SHOWN),
    ("overview/home.py", {}, {}, SHOWN),
]


@pytest.mark.parametrize(("page", "query", "state", "shown"), DISRUPTION_PAGES)
def test_disruption_pages_show_hostile_text_as_text(
    disruption: Settings,
    monkeypatch: pytest.MonkeyPatch,
    page: str,
    query: dict[str, str],
    state: dict[str, str],
    shown: str | None,
) -> None:
    _env(monkeypatch, disruption, "apptest", "OCG_COORDINATOR")
    at = _open(page, query, **state)
    _assert_harmless(at, shown)


@pytest.mark.parametrize("held", [False, True])
def test_a_planned_and_a_held_meeting_show_hostile_text_as_text(
    disruption: Settings, monkeypatch: pytest.MonkeyPatch, held: bool
) -> None:
    _env(monkeypatch, disruption, "apptest", "OCG_COORDINATOR")
    at = _open("disruption/meeting.py")
    if not held:
        at.selectbox(key="meeting_choice").select(PLANNED[0]).run()
        assert at.text_input(key="decision_G1").label.startswith("Decision on Red Crew \\*\\*")
    _assert_harmless(at)


def test_the_checker_finds_live_markup() -> None:
    assert set(_live(HOSTILE)) >= {"![", "](", "**bold", ":red[z", "x]y", "<img", "$x"}
    assert _live(CRAFTED)
    assert _live(escape(HOSTILE)) == [] and _live(escape(CRAFTED)) == []
