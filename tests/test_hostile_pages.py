"""Hostile text on every page and in every file: each page renders a store whose every text
field is hostile, and a crafted URL, and no element renders Markdown, a link, an image, a badge
or LaTeX from it; packs hold no live tag, digests no injected line, exports no formula."""

from __future__ import annotations

import csv
import html
import io
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from casework_world import ALICE, BOB, REF, WORLD
from csv_files import write_import, write_texts
from disruption_world import ACTOR
from ics_check import parse_ics, unescape
from iom.casework import actions, plans, referrals, reviews
from iom.casework.digest import calendar_text, message_text, write_digest
from iom.casework.reviews import WorkItem
from iom.cohort.export import export_bytes
from iom.disruption import packs
from iom.disruption.assessment import record_assessment
from iom.disruption.ledger import DisruptionEntry, record_disruption
from iom.disruption.meetings import plan_meeting, record_minutes
from iom.disruption.tactics import record_advice
from iom.ingest import load_directory
from iom.network.attack import attack
from iom.network.explorer import network_view, standalone_html
from iom.network.projection import project
from iom.packaged import packaged
from iom.security.access import SYSTEM
from iom.settings import Settings
from iom.store import Store, open_store
from iom.text import escape, spreadsheet
from whatif_world import WHATIF_FILES

APP = str(packaged("streamlit_app.py"))
PAGES = Path(APP).parent / "src/iom/ui/pages"
HOSTILE = (
    "**bold** [link](javascript:alert(1)) ![t](http://host/x.png) x]y :red[z] "
    "<img src=x onerror=alert(1)> <script>alert(1)</script> $x^2$ "
    "www.evil.example a@b.example https://evil.example/p"
)
PLANNED: list[str] = []  # the disruption store's meeting still to be held
HELD: list[str] = []  # and the one held, with hostile minutes
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
    "www.",  # GFM autolinks, escaped or not, unless broken by a word joiner
    "@b.example",
    "https:",
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
    view = actions.add_action(
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
    HELD[:] = [mid]
    planned, _ = plan_meeting(
        store, ACTOR, "DISRUPTION_PANEL", date(2026, 7, 13), reference=REF, title=HOSTILE
    )
    PLANNED[:] = [planned]
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


def test_a_referral_match_shows_hostile_names_as_text(
    casework: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch, casework, "OFF1", "IOM_SUPERVISOR")
    at = _open("casework/referrals.py")
    at.text_input(key="match_id").input("P1")
    next(b for b in at.button if b.label == "Find on record").click().run()
    _assert_harmless(at)
    assert any("P1: Dean" in t.value for t in at.text)


def test_an_ocg_what_if_shows_hostile_names_as_text(
    disruption: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch, disruption, "apptest", "OCG_COORDINATOR")
    at = _open("disruption/ocg.py", ocg_id="G1")
    at.multiselect(key="ocg_net_remove_G1").set_value(["P2"])
    at.selectbox(key="ocg_net_tactic_G1").select("T1")
    at.button(key="ocg_net_whatif_submit_G1").click().run()
    assert not at.error
    _assert_harmless(at)


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


class _Tags(HTMLParser):
    """The tags and attribute names an HTML document holds."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


def _tags(document: str) -> _Tags:
    parser = _Tags()
    parser.feed(document)
    return parser


@pytest.mark.parametrize("audience", ["police", "partner"])
@pytest.mark.parametrize("kind", ["ocg", "meeting", "person"])
def test_packs_hold_hostile_text_as_text(disruption: Settings, kind: str, audience: str) -> None:
    store = open_store(disruption)
    maker, subject = {
        "ocg": (packs.ocg_pack, "G1"),
        "meeting": (packs.meeting_pack, HELD[0]),
        "person": (packs.person_pack, "P1"),
    }[kind]
    document = maker(store, ACTOR, subject, audience=audience, reference=REF).html
    found = _tags(document)
    assert not found.tags & {"script", "img", "a", "iframe", "object"}
    assert not {a for a in found.attributes if a.startswith("on") or a in ("href", "src")}
    assert html.escape("<img src=x onerror=alert(1)>") in document  # shown, as text


def test_the_standalone_network_download_holds_hostile_names_as_text(
    disruption: Settings,
) -> None:
    view = network_view(project(open_store(disruption), ACTOR, ocg="G1"))
    assert any("x]y" in n["label"] for n in view.data()["nodes"])
    document = standalone_html(view, title=f"Network: {HOSTILE}")
    assert "<script>alert(1)</script>" not in document and "<img src=x" not in document
    assert "\\u003cscript\\u003ealert(1)" in document  # names ride in JSON with < escaped


def test_a_digest_keeps_hostile_names_as_text(casework: Settings, tmp_path: Path) -> None:
    written = write_digest(open_store(casework), ALICE, tmp_path, today=date.today())
    assert written
    for entry in written:
        message = entry.message.read_text(encoding="utf-8")
        assert [line for line in message.splitlines() if _live(line)] == []
        assert escape(HOSTILE) in message
        events = parse_ics(entry.calendar.read_bytes())
        assert any(HOSTILE in unescape(e["SUMMARY"]) for e in events)


def _item(**text: str) -> WorkItem:
    base = dict(kind="action", state="due", due_on="2026-06-01", days_late=0, plan_id="PL-1",
                title="t", person_id="P1", person_name="Ann", owner_id="OFF1",
                owner_name="Olive", owner_kind="Officer", hub_id=None, hub_name="",
                record_id="A-1", description="d", pathway=None)  # fmt: skip
    return WorkItem(**{**base, **text})  # type: ignore[arg-type]


INJECT = "Ann\r\nEND:VEVENT\r\nBEGIN:VEVENT\rSUMMARY:owned\n# Heading\u2028x\x1b[2J"


def test_a_name_with_line_breaks_cannot_add_calendar_or_markdown_lines() -> None:
    items = [_item(person_name=INJECT, description=INJECT, owner_name=INJECT)]
    stamp = datetime(2026, 6, 1, tzinfo=UTC)
    calendar = calendar_text(INJECT, items, date(2026, 6, 1), stamp)
    (event,) = parse_ics(calendar.encode("utf-8"))  # one event: no line was injected
    assert "\x1b" not in calendar and "\r\n\r\n" not in calendar
    assert unescape(event["SUMMARY"]).startswith("Due Action (action) for Ann\nEND:VEVENT\n")
    message = message_text(INJECT, items, date(2026, 6, 1))
    assert [line for line in message.splitlines() if line.startswith("#")] == [
        "# IOM reminders for " + escape(INJECT) + ", 2026-06-01",
        "## Due soon",
    ]
    assert "\x1b" not in message and "\r" not in message


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\\x0d=1"),
        ("Ann", "Ann"),
        (3, 3),
    ],
)
def test_spreadsheet_cells_never_run_as_formulas(cell: object, written: object) -> None:
    assert spreadsheet(cell) == written


def test_the_cohort_exports_neutralise_formulas() -> None:
    table = pd.DataFrame({"Name": ["=cmd|' /C calc'!A0", "@SUM(1)", "Ann"], "Score": [1, 2, 3]})
    rows = list(csv.reader(io.StringIO(export_bytes(table, "csv").decode("utf-8"))))
    assert [r[0] for r in rows[1:]] == ["'=cmd|' /C calc'!A0", "'@SUM(1)", "Ann"]
    sheet = pd.read_excel(io.BytesIO(export_bytes(table, "xlsx")))
    assert list(sheet["Name"]) == ["'=cmd|' /C calc'!A0", "'@SUM(1)", "Ann"]


def test_the_attack_curve_csv_neutralises_formula_ids(tmp_path: Path) -> None:
    graph = nx.path_graph(["=1+1", "@x", "b"])
    curve = attack(graph, "degree", k=1)
    rows = list(csv.DictReader(curve.write_csv(tmp_path / "c.csv").open(encoding="utf-8")))
    assert rows[1]["removed"] == "'@x"
