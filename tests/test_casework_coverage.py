"""Pathway coverage (pathways x status, capacity, unmet needs) and outstanding people per area."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from casework_world import ALICE, load_world
from csv_files import write_import
from iom.casework import actions, needs, plans
from iom.casework.coverage import declare_capacity, pathway_coverage
from iom.casework.outstanding import outstanding
from iom.errors import InvalidInput
from iom.security.access import SYSTEM
from iom.store import Store

SOON = (date.today() + timedelta(days=10)).isoformat()


@pytest.fixture
def world(store: Store, tmp_path: Path) -> Store:
    return load_world(store, tmp_path / "w")


def _row(coverage, pathway: str) -> dict:
    return next(r for r in coverage.rows if r["pathway"] == pathway)


def test_heat_map_counts_current_needs_and_flags_capacity(world: Store) -> None:
    north = plans.open_plan(world, ALICE, "P1", "OFF1")  # imported need: drugs and alcohol
    north = needs.assess_need(
        world,
        ALICE,
        north.id,
        north.version,
        pathway="ACCOMMODATION",
        severity="HIGH",
        status="SUPPORT_REQUIRED",
    )
    south = plans.open_plan(world, ALICE, "P4", "OFF3")
    south = needs.assess_need(
        world,
        ALICE,
        south.id,
        south.version,
        pathway="ACCOMMODATION",
        severity="LOW",
        status="NOT_STARTED",
    )
    south = needs.assess_need(
        world,
        ALICE,
        south.id,
        south.version,
        pathway="ACCOMMODATION",
        severity="LOW",
        status="DONE",
    )  # re-assessed: only this counts
    declare_capacity(world, ALICE, "PTN1", "accommodation", 0)
    everyone = pathway_coverage(world, ALICE, with_scores=False)
    housing = _row(everyone, "ACCOMMODATION")
    assert (housing["SUPPORT_REQUIRED"], housing["DONE"], housing["open_needs"]) == (1, 1, 1)
    assert housing["capacity"] == 0 and housing["over_capacity"]
    drugs = _row(everyone, "DRUGS_ALCOHOL")
    assert drugs["NOT_ASSESSED"] == 1 and drugs["no_capacity"]
    assert len(everyone.rows) == 9  # seven pathways and the two women's pathways
    south_only = pathway_coverage(world, ALICE, hub_id="AREA-S", with_scores=False)
    assert _row(south_only, "ACCOMMODATION")["open_needs"] == 0
    assert _row(south_only, "ACCOMMODATION")["capacity"] is None


def test_unmet_needs_are_those_without_an_action(world: Store) -> None:
    view = plans.open_plan(world, ALICE, "P1", "OFF1")
    view = needs.assess_need(
        world,
        ALICE,
        view.id,
        view.version,
        pathway="ACCOMMODATION",
        severity="HIGH",
        status="SUPPORT_REQUIRED",
    )
    unmet = pathway_coverage(world, ALICE, with_scores=False).unmet
    assert sorted(n["pathway"] for n in unmet) == ["ACCOMMODATION", "DRUGS_ALCOHOL"]
    actions.add_action(
        world,
        ALICE,
        view.id,
        view.version,
        pathway="ACCOMMODATION",
        description="Housing options",
        owner_id="PTN1",
        due_on=SOON,
    )
    unmet = pathway_coverage(world, ALICE, with_scores=False).unmet
    assert [n["pathway"] for n in unmet] == ["DRUGS_ALCOHOL"]


def test_rising_scores_come_first(world: Store, tmp_path: Path) -> None:
    recent = (date.today() - timedelta(days=20)).isoformat()
    old = (date.today() - timedelta(days=200)).isoformat()
    offences = {
        "nodes/Offence.csv": [
            ["id:ID(Offence)", "offence_type", "committed_on", "outcome"],
            ["O1", "RESIDENTIAL_BURGLARY", recent, "CONVICTED"],
            ["O2", "RESIDENTIAL_BURGLARY", old, "CONVICTED"],
        ],
        "relationships/CONVICTED_OF.csv": [
            [":START_ID(Person)", ":END_ID(Offence)"],
            ["P4", "O1"],
            ["P1", "O2"],
        ],
    }
    from iom.ingest import load_directory

    load_directory(world, write_import(tmp_path / "o", offences), SYSTEM)
    for person, owner in (("P1", "OFF1"), ("P4", "OFF3")):
        view = plans.open_plan(world, ALICE, person, owner)
        needs.assess_need(
            world,
            ALICE,
            view.id,
            view.version,
            pathway="HEALTH",
            severity="LOW",
            status="NOT_STARTED",
        )
    unmet = [n for n in pathway_coverage(world, ALICE).unmet if n["pathway"] == "HEALTH"]
    assert [n["person_id"] for n in unmet] == ["P4", "P1"]
    assert unmet[0]["rising"] and unmet[0]["score_change"] > 0


def test_capacity_needs_a_real_partner_and_a_number(world: Store) -> None:
    with pytest.raises(InvalidInput, match=r"^partner: no partner agency with id 'OFF1'"):
        declare_capacity(world, ALICE, "OFF1", "HEALTH", 3)
    with pytest.raises(InvalidInput, match=r"^capacity: 'lots' is not a whole number"):
        declare_capacity(world, ALICE, "PTN2", "HEALTH", "lots")
    first = declare_capacity(world, ALICE, "PTN2", "DRUGS_ALCOHOL", 10)
    second = declare_capacity(world, ALICE, "PTN2", "DRUGS_ALCOHOL", 12)
    assert first["before"] is None and second["before"] == 10


def test_outstanding_suspects_bail_and_wanted_per_area(world: Store, tmp_path: Path) -> None:
    extra = {
        "nodes/Offence.csv": [
            ["id:ID(Offence)", "offence_type", "committed_on", "outcome"],
            ["O1", "RESIDENTIAL_BURGLARY", "2025-01-01", "OUTSTANDING_SUSPECT"],
            ["O2", "RESIDENTIAL_BURGLARY", "2025-02-01", "OUTSTANDING_SUSPECT"],
            ["O3", "RESIDENTIAL_BURGLARY", "2025-02-01", "CHARGED"],
        ],
        "relationships/SUSPECT_IN.csv": [
            [":START_ID(Person)", ":END_ID(Offence)"],
            ["P1", "O1"],
            ["P1", "O2"],
            ["P4", "O3"],
        ],
        "relationships/OCCURRED_IN.csv": [
            [":START_ID(Offence)", ":END_ID(Area)"],
            ["O1", "AREA-N"],
            ["O2", "AREA-N"],
        ],
    }
    from iom.ingest import load_directory

    load_directory(world, write_import(tmp_path / "x", extra), SYSTEM)
    result = outstanding(world, ALICE)
    counts = {c["area_id"]: c for c in result.counts}
    assert counts["AREA-N"]["OUTSTANDING_SUSPECT"] == 1  # one person, two offences
    assert counts["AREA-N"]["WANTED"] == 1  # P2 lives in the north
    assert counts["AREA-S"]["FAILED_TO_APPEAR"] == 1  # P3 lives in the south
    suspect = next(p for p in result.people if p["kind"] == "OUTSTANDING_SUSPECT")
    assert suspect["offences"] == ["O1", "O2"] and suspect["since"] == "2025-01-01"
    south = outstanding(world, ALICE, area_id="AREA-S")
    assert [p["person_id"] for p in south.people] == ["P3"]


def test_directory_lists_owners_and_hubs(world: Store) -> None:
    from iom.casework.directory import hubs, owners

    everyone = owners(world)
    assert [o["id"] for o in everyone] == ["OFF1", "OFF2", "OFF3", "PTN1", "PTN2"]
    assert everyone[3]["label"] == "Northmere Housing Options (Housing, PTN1)"
    assert [o["id"] for o in owners(world, "Officer")] == ["OFF1", "OFF2", "OFF3"]
    assert [h["label"] for h in hubs(world)] == ["North hub (AREA-N)", "South hub (AREA-S)"]
