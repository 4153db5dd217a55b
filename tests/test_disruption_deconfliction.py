"""IOM–OCG deconfliction rules at their boundaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from disruption_world import ACTOR, build
from iom.disruption.deconfliction import deconflict
from iom.disruption.plans import NewAction, add_action
from iom.reference import load_reference
from iom.settings import Settings
from iom.store import Store

REF = load_reference()
IOM_PLAN = {  # P1 (member of G1) has an IOM plan: an accommodation action due 2026-07-01 (OM)
    "nodes/Plan__iom.csv": (
        "id:ID(Plan),plan_type,title,status,opened_on\nPLI,OFFENDER,IOM plan,OPEN,2026-01-01\n"
        "PLX,OFFENDER,Old plan,CLOSED,2020-01-01\n"
    ),
    "nodes/Action__iom.csv": (
        "id:ID(Action),description,status,pathway,due_on\n"
        "IA1,Keep the tenancy at 1 High Street,IN_PROGRESS,ACCOMMODATION,2026-07-01\n"
    ),
    "relationships/HAS_PLAN__Person__Plan.csv": ":START_ID(Person),:END_ID(Plan)\nP1,PLI\n",
    "relationships/HAS_ACTION__iom.csv": ":START_ID(Plan),:END_ID(Action)\nPLI,IA1\n",
    "relationships/ASSIGNED_TO__iom.csv": ":START_ID(Action),:END_ID(Officer)\nIA1,OM\n",
    "relationships/LIVES_AT.csv": (
        ":START_ID(Person),:END_ID(Household),from_on,to_on\n"
        "P1,H1,2025-01-01,\nP1,H2,2020-01-01,2026-06-15\n"
    ),
}


def four_p(
    store: Store,
    due: str,
    owner: str = "O1",
    target: tuple[str, str] = ("Person", "P1"),
    strand: str = "PURSUE",
    text: str = "Arrest enquiry",
) -> str:
    return add_action(store, ACTOR, NewAction("G1", strand, text, owner, due, targets=[target]))


def conflicts(store: Store) -> list[tuple[str, str]]:
    (person,) = deconflict(store, ACTOR, reference=REF, person_id="P1")
    return [(c.rule, c.ocg_action) for c in person.conflicts]


@pytest.mark.parametrize(
    ("due", "clash"),
    [("2026-07-14", True), ("2026-07-15", False), ("2026-06-18", True), ("2026-06-17", False)],
)
def test_two_owners_in_the_same_fortnight(
    store: Store, tmp_path: Path, due: str, clash: bool
) -> None:
    build(store, tmp_path, IOM_PLAN)
    action = four_p(store, due, target=("Person", "P1"), strand="PREVENT", text="Mentoring")
    expected = [("two owners, same person, same fortnight", action)] if clash else []
    assert conflicts(store) == expected


def test_the_same_owner_is_no_conflict(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path, IOM_PLAN)
    four_p(store, "2026-07-02", owner="OM", strand="PREVENT", text="Mentoring")
    assert conflicts(store) == []


def test_enforcement_at_the_address_the_iom_plan_relies_on(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path, IOM_PLAN)
    # far from the IOM action's date, so only the address rule can fire
    pursue = four_p(store, "2026-10-01", target=("Household", "H1"))
    worded = four_p(
        store,
        "2026-10-01",
        target=("Household", "H1"),
        strand="PROTECT",
        text="Closure order on the flat",
    )
    four_p(store, "2026-10-01", target=("Household", "H1"), strand="PREVENT", text="Leaflets")
    four_p(store, "2026-10-01", target=("Household", "H2"))  # moved out of H2 in June
    rule = "enforcement at an address the IOM plan relies on"
    assert sorted(conflicts(store)) == sorted([(rule, pursue), (rule, worded)])
    (person,) = deconflict(store, ACTOR, reference=REF, person_id="P1")
    assert [a["action_id"] for a in person.iom_actions] == ["IA1"]
    assert len(person.ocg_actions) == 4  # side by side: everything aimed at P1 or P1's homes


def test_enforcement_before_moving_out_and_after_housing_is_done(
    store: Store, tmp_path: Path
) -> None:
    build(store, tmp_path, IOM_PLAN)
    before_move = four_p(store, "2026-06-15", target=("Household", "H2"))  # last day there
    rule = "enforcement at an address the IOM plan relies on"
    assert (rule, before_move) in conflicts(store)
    done = IOM_PLAN | {
        "nodes/Action__iom.csv": IOM_PLAN["nodes/Action__iom.csv"].replace("IN_PROGRESS", "DONE")
    }
    other = tmp_path / "other"
    other.mkdir()
    build(store, other, done)  # the same ids: the loader updates IA1 to DONE
    assert not [c for c in conflicts(store) if c[0] == rule]


def test_cli_lists_the_conflicts(store: Store, tmp_path: Path, settings: Settings) -> None:
    from click.testing import CliRunner

    from iom.cli import main

    build(store, tmp_path, IOM_PLAN)
    action = four_p(store, "2026-07-05", strand="PREVENT", text="Mentoring")
    env = {"IOM_GRAPH": store.graph_name, "IOM_USER": "cli.tester"}  # type: ignore[attr-defined]
    data_dir = str(settings.data_dir)
    result = CliRunner().invoke(main, ["--data-dir", data_dir, "ocg", "deconflict", "P1"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "P1 Pat One: G1 (Principal); 1 IOM action(s), 1 4P action(s) aimed at them or their home",
        f"  CONFLICT (two owners, same person, same fortnight): IA1 / {action}: Eve Manager (IOM, "
        "due 2026-07-01) and Ann Owner (4P, due 2026-07-05) are 4 day(s) apart",
    ]
