"""Review scheduling, due/overdue work per owner and hub at the boundary day, the digest files."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from casework_world import ALICE, BOB, OLIVE, SAM, load_world
from ics_check import parse_ics, unescape
from iom.casework import actions, plans
from iom.casework.digest import write_digest
from iom.casework.reviews import next_review, record_review, review_state, work_for_user, work_items
from iom.errors import InvalidInput
from iom.store import Store

TODAY = date.today()


@pytest.fixture
def world(store: Store, tmp_path: Path) -> Store:
    return load_world(store, tmp_path / "w")


def test_interval_arithmetic_and_the_boundary_day() -> None:
    assert next_review(date(2025, 1, 6), 4) == date(2025, 2, 3)
    assert next_review(date(2024, 12, 31), 6) == date(2025, 2, 11)
    day = date(2025, 3, 3)
    assert review_state(day, today=day) == "due"  # due today is not yet overdue
    assert review_state(day - timedelta(days=1), today=day) == "overdue"
    assert review_state(day + timedelta(days=7), today=day, horizon_days=7) == "due"
    assert review_state(day + timedelta(days=8), today=day, horizon_days=7) is None


def _plans(world: Store) -> tuple[str, str]:
    """P1's plan (north, owner OFF1) review due today; P4's (south, OFF3) due yesterday."""
    north = plans.open_plan(world, ALICE, "P1", "OFF1", opened_on=TODAY - timedelta(weeks=6))
    south = plans.open_plan(
        world,
        ALICE,
        "P4",
        "OFF3",
        opened_on=TODAY - timedelta(weeks=4, days=1),
        review_interval_weeks=4,
    )
    actions.add_action(
        world,
        ALICE,
        north.id,
        north.version,
        pathway="ACCOMMODATION",
        description="Resolve rent arrears; call landlord, agree plan",
        owner_id="PTN1",
        created_on=TODAY - timedelta(days=20),
        due_on=TODAY - timedelta(days=3),
    )
    return north.id, south.id


def test_due_and_overdue_per_owner_and_hub(world: Store) -> None:
    north, south = _plans(world)
    items = work_items(world, ALICE, today=TODAY)
    assert [(i.kind, i.state, i.owner_id, i.days_late) for i in items] == [
        ("action", "overdue", "PTN1", 3),
        ("review", "overdue", "OFF3", 1),
        ("review", "due", "OFF1", 0),
    ]
    assert [i.plan_id for i in work_items(world, ALICE, today=TODAY, hub_id="AREA-S")] == [south]
    assert [i.kind for i in work_items(world, ALICE, today=TODAY, owner_id="OFF1")] == ["review"]
    tomorrow = work_items(world, ALICE, today=TODAY + timedelta(days=1), owner_id="OFF1")
    assert tomorrow[0].state == "overdue"
    mine, own, others = work_for_user(world, OLIVE, today=TODAY)
    assert mine == ["OFF1"] and [i.plan_id for i in own] == [north]
    assert {i.owner_id for i in others} == {"PTN1", "OFF3"}


def test_a_review_moves_the_next_review_date(world: Store) -> None:
    north, _ = _plans(world)
    view = plans.get_plan(world, BOB, north)
    view = record_review(
        world,
        SAM,
        north,
        view.version,
        notes="Engaging; housing next",
        decisions="Keep on Fixed cohort",
        held_on=TODAY,
    )
    assert view.plan["next_review_due"] == (TODAY + timedelta(weeks=6)).isoformat()
    review = view.reviews[0]
    assert review["reviewed_by"] == "sam sergeant" and review["reviewer_name"] == "Sam Sergeant"
    assert review["decisions"] == "Keep on Fixed cohort"
    assert [i.kind for i in work_items(world, ALICE, today=TODAY, owner_id="OFF1")] == []
    with pytest.raises(InvalidInput, match=r"^notes: required"):
        record_review(world, BOB, north, view.version, notes="")
    with pytest.raises(InvalidInput, match=r"^held_on: .* is in the future"):
        record_review(world, BOB, north, view.version, notes="n", held_on=TODAY + timedelta(days=1))


def test_digest_writes_a_message_and_a_valid_calendar_per_owner(
    world: Store, tmp_path: Path
) -> None:
    _plans(world)
    written = write_digest(world, ALICE, tmp_path / "digest", today=TODAY)
    assert [(f.owner_id, f.items, f.overdue) for f in written] == [
        ("OFF1", 1, 0),
        ("OFF3", 1, 1),
        ("PTN1", 1, 1),
    ]
    message = (tmp_path / "digest" / "PTN1.md").read_text()
    assert message.startswith(f"# IOM reminders for Northmere Housing Options, {TODAY}")
    assert "1 overdue, 0 due soon." in message
    assert "(3 days late): Action (Accommodation) for Dean Marsh: Resolve rent arrears" in message
    events = parse_ics((tmp_path / "digest" / "PTN1.ics").read_bytes())
    assert len(events) == 1
    assert events[0]["DTSTART;VALUE=DATE"] == TODAY.strftime("%Y%m%d")  # overdue: shown today
    summary = unescape(events[0]["SUMMARY"])
    assert summary == (
        "OVERDUE Action (Accommodation) for Dean Marsh: "
        "Resolve rent arrears; call landlord, agree plan"
    )
    review = parse_ics((tmp_path / "digest" / "OFF1.ics").read_bytes())[0]
    assert unescape(review["SUMMARY"]).startswith("Due Plan review: Dean Marsh")
    events = world.read("security/audit/recent_events", {"subject_id": "P1", "limit": 20})
    assert any(e["operation"] == "DISCLOSURE" and "digest" in e["detail"] for e in events)
