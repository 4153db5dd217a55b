"""Home figures per policing area and for the force, on a small force whose counts are known."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import iom.config
from csv_files import write_import
from iom.overview import COHORTS, FIGURES, area_figures, overview_figures, store_summary
from iom.reference import load_reference
from iom.security.access import SYSTEM, Actor
from iom.settings import Settings
from iom.store import Store

AS_OF = date(2025, 6, 1)
ACTOR = Actor(user="tester", role="IOM_SUPERVISOR", purpose="testing the home figures")

FORCE = {
    "nodes/Area.csv": [
        ["id:ID(Area)", "name", "hub_name"],
        ["A1", "North", "North hub"],
        ["A2", "South", "South hub"],
        ["A3", "East", "East hub"],
    ],
    "nodes/Person.csv": [
        ["id:ID(Person)", "first_name", "last_name", "fictional"],
        *[[f"P{i}", "Person", str(i), "true"] for i in range(1, 7)],
    ],
    "nodes/IomEpisode.csv": [
        ["id:ID(IomEpisode)", "cohort", "start_on", "end_on"],
        ["E1", "FIXED", "2024-01-01", ""],
        ["E2", "FLEX", "2024-02-01", ""],
        ["E3", "FREE", "2024-03-01", ""],
        ["E4", "FIXED", "2023-01-01", "2024-01-01"],  # ended
        ["E5", "FIXED", "2024-01-01", ""],  # no hub: force total only
        ["E6a", "FIXED", "2023-01-01", ""],  # two arrangements: Fixed leads (precedence),
        ["E6b", "FLEX", "2024-06-01", ""],  # though Flex started later and is at another hub
        ["E7", "FREE", "2025-07-01", ""],  # starts after as_of
    ],
    "relationships/IN_EPISODE.csv": [
        [":START_ID(Person)", ":END_ID(IomEpisode)"],
        ["P1", "E1"],
        ["P2", "E2"],
        ["P3", "E3"],
        ["P4", "E4"],
        ["P5", "E5"],
        ["P6", "E6a"],
        ["P6", "E6b"],
        ["P4", "E7"],
    ],
    "relationships/AT_HUB.csv": [
        [":START_ID(IomEpisode)", ":END_ID(Area)"],
        ["E1", "A1"],
        ["E2", "A1"],
        ["E3", "A2"],
        ["E4", "A2"],
        ["E6a", "A1"],
        ["E6b", "A2"],
        ["E7", "A2"],
    ],
    "nodes/OCG.csv": [
        ["id:ID(OCG)", "name", "threat", "status"],
        ["G1", "Two-area group", "ILLEGAL_DRUGS", "ACTIVE"],
        ["G2", "Archived group", "ILLEGAL_DRUGS", "ARCHIVED"],
        ["G3", "Group with no area", "FRAUD", "ACTIVE"],
    ],
    "relationships/OPERATES_IN.csv": [
        [":START_ID(OCG)", ":END_ID(Area)"],
        ["G1", "A1"],
        ["G1", "A2"],
        ["G2", "A1"],
    ],
    "nodes/Officer.csv": [["id:ID(Officer)", "name"], ["O1", "DS One"], ["O2", "DC Two"]],
    "relationships/BASED_IN.csv": [
        [":START_ID(Officer)", ":END_ID(Area)"],
        ["O1", "A1"],
        ["O2", "A2"],
    ],
    "nodes/Plan.csv": [
        ["id:ID(Plan)", "plan_type", "title", "status", "opened_on", "next_review_due"],
        ["PL1", "OFFENDER", "Plan one", "OPEN", "2025-01-01", "2025-06-06"],  # due in 5 days
        ["PL2", "FOUR_P", "Plan two", "OPEN", "2025-01-01", "2025-05-29"],  # overdue
        ["PL3", "OFFENDER", "Plan three", "CLOSED", "2024-01-01", "2024-06-01"],
        ["PL4", "OFFENDER", "Plan four", "OPEN", "2025-01-01", "2025-07-01"],  # later
        ["PL5", "OFFENDER", "Plan five", "OPEN", "2025-01-01", "2025-05-31"],  # no owner
        ["PL6", "OFFENDER", "Plan six", "OPEN", "2025-01-01", "2025-06-15"],  # day 14: due
    ],
    "relationships/OWNED_BY.csv": [
        [":START_ID(Plan)", ":END_ID(Officer)"],
        ["PL1", "O1"],
        ["PL2", "O1"],
        ["PL3", "O2"],
        ["PL4", "O2"],
        ["PL6", "O2"],
    ],
}


@pytest.fixture
def force(store: Store, tmp_path: Path) -> Store:
    from iom.ingest import load_directory

    load_directory(store, write_import(tmp_path / "f", FORCE), SYSTEM, reference=load_reference())
    return store


def test_area_figures(force: Store) -> None:
    frame = area_figures(force, ACTOR, AS_OF).set_index("area_id")
    assert list(frame.index) == ["A1", "A2", "A3"]
    assert frame.loc["A1", "area"] == "North" and frame.loc["A1", "hub"] == "North hub"
    got = {area: {f: int(frame.loc[area, f]) for f in FIGURES} for area in frame.index}
    assert got["A1"] == {
        "cohort": 3,
        "FIXED": 2,
        "FLEX": 1,
        "FREE": 0,
        "ocgs": 1,
        "open_plans": 2,
        "reviews_due": 1,
        "reviews_overdue": 1,
    }
    assert got["A2"] == {
        "cohort": 1,
        "FIXED": 0,
        "FLEX": 0,
        "FREE": 1,
        "ocgs": 1,
        "open_plans": 2,
        "reviews_due": 1,
        "reviews_overdue": 0,
    }
    assert set(got["A3"].values()) == {0}


def test_force_totals_count_each_record_once(force: Store) -> None:
    totals = overview_figures(force, ACTOR, AS_OF).totals
    assert totals == {
        "cohort": 5,
        "FIXED": 3,
        "FLEX": 1,
        "FREE": 1,
        "ocgs": 2,
        "open_plans": 5,
        "reviews_due": 2,
        "reviews_overdue": 2,
    }


def test_a_person_under_two_iom_arrangements_counts_once_under_the_configured_lead(
    force: Store, tmp_path: Path
) -> None:
    default = overview_figures(force, ACTOR, AS_OF)
    areas = default.areas.set_index("area_id")
    # P6: Fixed at A1 (leads by default) and Flex at A2: counted once, at A1 under Fixed
    assert int(areas.loc["A2", "cohort"]) == 1 and int(areas.loc["A2", "FLEX"]) == 0
    assert sum(default.totals[c] for c in COHORTS) == default.totals["cohort"] == 5
    text = (Path(iom.config.__file__).parent / "defaults" / "cohort.yaml").read_text()
    flex_first = text.replace("IOM_FIXED, IOM_FLEX", "IOM_FLEX, IOM_FIXED")
    assert flex_first != text
    (tmp_path / "force-config").mkdir()
    (tmp_path / "force-config" / "cohort.yaml").write_text(flex_first)
    settings = Settings(data_dir=tmp_path, config_dir=tmp_path / "force-config")
    swapped = overview_figures(force, ACTOR, AS_OF, settings=settings)
    areas = swapped.areas.set_index("area_id")
    assert (int(areas.loc["A1", "cohort"]), int(areas.loc["A1", "FIXED"])) == (2, 1)
    assert (int(areas.loc["A2", "cohort"]), int(areas.loc["A2", "FLEX"])) == (2, 1)
    assert (swapped.totals["FIXED"], swapped.totals["FLEX"], swapped.totals["cohort"]) == (2, 2, 5)


def test_figures_write_no_audit_event(force: Store) -> None:
    before = len(force.read("security/audit/recent_events", {"subject_id": None, "limit": 100}))
    overview_figures(force, ACTOR, AS_OF)
    after = len(force.read("security/audit/recent_events", {"subject_id": None, "limit": 100}))
    assert after == before


def test_store_summary(force: Store) -> None:
    summary = store_summary(force)
    assert (summary.people, summary.fictional, summary.offences) == (6, 6, 0)
    assert summary.seed_force and not summary.empty
    assert "embedded store" in summary.description


def test_empty_store(store: Store) -> None:
    summary = store_summary(store)
    assert summary.empty and not summary.seed_force
    overview = overview_figures(store, ACTOR, AS_OF)
    assert overview.areas.empty and set(overview.totals.values()) == {0}
