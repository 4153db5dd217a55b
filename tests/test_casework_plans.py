"""Offender plans: needs per pathway with history, actions and evaluation, conflicts, bad input."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from casework_world import ALICE, BOB, load_world
from iom.casework import actions, needs, plans
from iom.errors import EditConflict, InvalidInput
from iom.store import Store


@pytest.fixture
def world(store: Store, tmp_path: Path) -> Store:
    return load_world(store, tmp_path / "w")


def _counts(store: Store) -> dict:
    counts = {r["label"]: r["count"] for r in store.read("stats/label_counts")}
    counts.pop("AuditEvent", None)
    return counts


def test_one_open_plan_per_nominal_linked_to_the_episode(world: Store) -> None:
    view = plans.open_plan(world, ALICE, "P1", "OFF1", opened_on="2025-01-06")
    assert view.plan["episode_id"] == "E1" and view.plan["hub_id"] == "AREA-N"
    assert view.plan["next_review_due"] == "2025-02-17"  # six weeks by default
    assert view.version == 1
    with pytest.raises(InvalidInput, match=rf"^person: P1 already has an open plan, {view.id}$"):
        plans.open_plan(world, ALICE, "P1", "OFF1")


def test_imported_need_is_read_until_a_dated_assessment_replaces_it(world: Store) -> None:
    view = plans.open_plan(world, ALICE, "P1", "OFF1")
    assert [(n["pathway"], n["severity"], n["source"]) for n in view.needs] == [
        ("DRUGS_ALCOHOL", "HIGH", "imported need")
    ]
    view = needs.assess_need(
        world,
        ALICE,
        view.id,
        view.version,
        pathway="drugs_alcohol",
        severity="MEDIUM",
        status="IN_PROGRESS",
        assessed_on="2025-01-10",
    )
    view = needs.assess_need(
        world,
        ALICE,
        view.id,
        view.version,
        pathway="DRUGS_ALCOHOL",
        severity="LOW",
        status="DONE",
        assessed_on="2025-03-01",
    )
    view = needs.assess_need(
        world,
        ALICE,
        view.id,
        view.version,
        pathway="Accommodation",
        severity="HIGH",
        status="SUPPORT_REQUIRED",
    )
    current = {n["pathway"]: (n["severity"], n["status"]) for n in view.needs}
    assert current == {
        "ACCOMMODATION": ("HIGH", "SUPPORT_REQUIRED"),
        "DRUGS_ALCOHOL": ("LOW", "DONE"),
    }
    assert [a["severity"] for a in view.assessments if a["pathway"] == "DRUGS_ALCOHOL"] == [
        "LOW",
        "MEDIUM",
    ]
    history = [
        h for h in plans.plan_history(world, ALICE, view.id) if h["label"] == "NeedAssessment"
    ]
    assert history[0]["before"]["severity"] == "HIGH"  # the imported need
    assert history[1]["before"] == {
        "severity": "MEDIUM",
        "status": "IN_PROGRESS",
        "assessed_on": "2025-01-10",
    }
    assert history[1]["after"]["severity"] == "LOW" and history[1]["user"] == "alice"


def test_action_lifecycle_is_kept_with_before_and_after(world: Store) -> None:
    view = plans.open_plan(world, ALICE, "P1", "OFF1")
    due = (date.today() + timedelta(days=14)).isoformat()
    view = actions.add_action(
        world,
        ALICE,
        view.id,
        view.version,
        pathway="ACCOMMODATION",
        description="Referral to housing options",
        owner_id="PTN1",
        due_on=due,
    )
    action = view.actions[0]
    assert action["owner_name"] == "Northmere Housing Options" and action["owner_kind"] == "Partner"
    view = actions.update_action(
        world, BOB, view.id, view.version, action["id"], status="DONE", outcome="Tenancy signed"
    )
    done = view.actions[0]
    assert done["status"] == "DONE" and done["completed_on"] == date.today().isoformat()
    view = actions.evaluate_action(
        world,
        ALICE,
        view.id,
        view.version,
        action["id"],
        evaluation="worked",
        note="Same-day appointment avoided rough sleeping",
    )
    assert view.actions[0]["evaluation"] == "WORKED"
    changes = [
        h for h in plans.plan_history(world, ALICE, view.id) if h["record_id"] == action["id"]
    ]
    assert [c["user"] for c in changes] == ["alice", "bob", "alice"]
    assert changes[1]["before"] == {"completed_on": None, "outcome": None, "status": "NOT_STARTED"}
    assert changes[1]["after"]["status"] == "DONE"
    assert changes[2]["after"] == {
        "evaluation": "WORKED",
        "evaluation_note": "Same-day appointment avoided rough sleeping",
    }


def test_two_people_editing_the_same_plan_cannot_overwrite_each_other(world: Store) -> None:
    view = plans.open_plan(world, ALICE, "P1", "OFF1")
    opened_by_alice = view.version
    opened_by_bob = view.version
    plans.set_review_interval(world, BOB, view.id, opened_by_bob, 4)
    before = _counts(world)
    with pytest.raises(
        EditConflict,
        match=r"^plan .* was changed by bob at .* \(you had version 1, it is now version 2\); "
        "nothing was saved",
    ):
        actions.add_action(
            world,
            ALICE,
            view.id,
            opened_by_alice,
            pathway="HEALTH",
            description="Register with a GP",
            owner_id="OFF1",
            due_on=date.today().isoformat(),
        )
    assert _counts(world) == before
    fresh = plans.get_plan(world, ALICE, view.id)
    assert fresh.plan["review_interval_weeks"] == 4 and fresh.actions == []


def test_bad_plan_input_names_the_field_and_saves_nothing(world: Store) -> None:
    view = plans.open_plan(world, ALICE, "P1", "OFF1")
    before = _counts(world)
    today = date.today()
    base = dict(
        pathway="HEALTH",
        description="Register with a GP",
        owner_id="OFF1",
        due_on=today.isoformat(),
    )
    bad = [
        (
            dict(base, due_on=(today - timedelta(days=1)).isoformat()),
            r"^due_on: .* is before the day the action was created",
        ),
        (dict(base, owner_id="NOBODY"), r"^owner: no officer or partner agency with id 'NOBODY'"),
        (dict(base, pathway="ASTROLOGY"), r"^pathway: 'ASTROLOGY' is not one of ACCOMMODATION"),
        (dict(base, description=" "), r"^description: required"),
    ]
    for kwargs, pattern in bad:
        with pytest.raises(InvalidInput, match=pattern):
            actions.add_action(world, ALICE, view.id, view.version, **kwargs)
    with pytest.raises(InvalidInput, match=r"^severity: 'HUGE' is not one of"):
        needs.assess_need(
            world, ALICE, view.id, view.version, pathway="HEALTH", severity="HUGE", status="DONE"
        )
    with pytest.raises(
        InvalidInput, match=r"^review_interval_weeks: 8 weeks; reviews are every 4 to 6 weeks"
    ):
        plans.set_review_interval(world, ALICE, view.id, view.version, 8)
    with pytest.raises(InvalidInput, match=r"^owner: OFF9 .*|^owner: no officer"):
        plans.open_plan(world, ALICE, "P4", "OFF9")
    assert _counts(world) == before
    view = actions.add_action(world, ALICE, view.id, view.version, **base)
    with pytest.raises(InvalidInput, match=r"^evaluation: action .* is not finished yet"):
        actions.evaluate_action(
            world,
            ALICE,
            view.id,
            view.version,
            view.actions[0]["id"],
            evaluation="WORKED",
            note="n",
        )
    with pytest.raises(InvalidInput, match=r"^note: required"):
        actions.evaluate_action(
            world, ALICE, view.id, view.version, view.actions[0]["id"], evaluation="WORKED", note=""
        )


def test_a_save_racing_past_the_first_check_is_still_refused(world: Store) -> None:
    view = plans.open_plan(world, ALICE, "P1", "OFF1")
    read_before_bob_saved = plans._plan_row(world, view.id)
    plans.set_review_interval(world, BOB, view.id, view.version, 5)
    racing = plans._Edit(world, ALICE, read_before_bob_saved, view.version, "racing edit")
    with pytest.raises(EditConflict, match="was changed by bob"), racing:
        raise AssertionError("the edit must not run")
    assert plans.get_plan(world, ALICE, view.id).version == 2


def test_timeline_mixes_offences_actions_and_reviews(world: Store, tmp_path: Path) -> None:
    from csv_files import write_import
    from iom.casework.reviews import record_review
    from iom.ingest import load_directory
    from iom.security.access import SYSTEM

    offence = {
        "nodes/Offence.csv": [
            ["id:ID(Offence)", "offence_type", "committed_on", "outcome"],
            ["O1", "RESIDENTIAL_BURGLARY", "2024-12-01", "CONVICTED"],
        ],
        "relationships/CONVICTED_OF.csv": [[":START_ID(Person)", ":END_ID(Offence)"], ["P1", "O1"]],
    }
    load_directory(world, write_import(tmp_path / "o", offence), SYSTEM)
    view = plans.open_plan(world, ALICE, "P1", "OFF1", opened_on="2025-01-06")
    view = actions.add_action(
        world,
        ALICE,
        view.id,
        view.version,
        pathway="HEALTH",
        description="Register with a GP",
        owner_id="OFF1",
        created_on="2025-01-07",
        due_on="2025-02-01",
    )
    view = record_review(world, BOB, view.id, view.version, notes="On track", held_on="2025-02-10")
    events = plans.timeline(world, ALICE, view)
    assert [(e["date"], e["kind"]) for e in events] == [
        ("2025-02-10", "Review"),
        ("2025-01-07", "Action added"),
        ("2024-12-01", "Offence"),
    ]
    assert events[2]["detail"] == "Convicted"
