"""Meetings: agenda contents for a hand-made state, minutes, decisions only on agenda OCGs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disruption_world import ACTOR, build, count
from iom.disruption.assessment import AssessmentRule, record_assessment
from iom.disruption.common import DisruptionInputError
from iom.disruption.ledger import DisruptionEntry, record_disruption
from iom.disruption.meetings import (
    agenda_items,
    meeting_record,
    next_meeting_date,
    plan_meeting,
    record_minutes,
)
from iom.disruption.plans import NewAction
from iom.reference import load_reference
from iom.store import Store

REF = load_reference()
RULE = AssessmentRule.from_reference(REF)
ON = date(2026, 6, 1)
LAST_PANEL = {
    "nodes/Meeting.csv": (
        "id:ID(Meeting),meeting_type,held_on,title\n"
        "M0,DISRUPTION_PANEL,2026-04-20,April panel\n"
        "M9,PARTNER_MEETING,2026-05-25,Partners\n"
    )
}


def grades(grade: str) -> dict[str, str]:
    return {a.code: grade for a in RULE.attributes}


def hand_made_state(store: Store, tmp_path: Path) -> None:
    """G1: band changed after the last panel, overdue action AC1, one new disruption.
    G2: first assessed long ago: overdue.  G3: first assessed after the last panel, AC3 overdue.
    G4 archived: never on an agenda."""
    build(store, tmp_path, LAST_PANEL)
    record_assessment(store, ACTOR, "G1", grades("LOW"), reference=REF, assessed_on="2026-03-01")
    record_assessment(store, ACTOR, "G1", grades("HIGH"), reference=REF, assessed_on="2026-05-02")
    record_assessment(store, ACTOR, "G2", grades("MEDIUM"), reference=REF, assessed_on="2025-01-01")
    record_assessment(store, ACTOR, "G3", grades("LOW"), reference=REF, assessed_on="2026-04-21")
    record_disruption(
        store, ACTOR, DisruptionEntry("G1", "2026-04-20", "MINOR", "before", ["T1"]), today=ON
    )
    record_disruption(
        store, ACTOR, DisruptionEntry("G1", "2026-05-10", "MINOR", "after", ["T1"]), today=ON
    )


def test_agenda_for_a_hand_made_state(store: Store, tmp_path: Path) -> None:
    hand_made_state(store, tmp_path)
    items, since = agenda_items(store, "DISRUPTION_PANEL", ON, reference=REF)
    assert since == date(2026, 4, 20)  # the last panel, not the partner meeting
    assert [(i.ocg_id, i.reasons) for i in items] == [
        (
            "G1",
            [
                "band changed 3C → 1A on 2026-05-02",
                "1 overdue action(s)",
                "1 new disruption(s) since 2026-04-20",
            ],
        ),
        ("G2", ["assessment overdue since 2025-06-30"]),
        ("G3", ["new band 3C (first assessed 2026-04-21)", "1 overdue action(s)"]),
    ]
    area_a1, _ = agenda_items(store, "DISRUPTION_PANEL", ON, reference=REF, area_id="A1")
    assert [i.ocg_id for i in area_a1] == ["G1", "G2"]


def test_minutes_decisions_actions_and_the_next_date(store: Store, tmp_path: Path) -> None:
    hand_made_state(store, tmp_path)
    mid, _ = plan_meeting(store, ACTOR, "DISRUPTION_PANEL", ON, reference=REF)
    before = {label: count(store, label) for label in ("Action", "Meeting")}
    with pytest.raises(DisruptionInputError) as err:
        record_minutes(
            store,
            ACTOR,
            mid,
            minutes="Panel met.",
            decisions={"G1": "Continue Pursue", "G4": "Archive"},
            actions=[NewAction("G1", "PURSUE", "Warrant", None, "2026-07-01")],
            reference=REF,
        )
    assert str(err.value) == (
        f"minutes not saved: decision on G4: it is not on the agenda of {mid}; action 1: owner: "
        "a plan action needs an owner (an officer or a partner agency)"
    )
    assert {label: count(store, label) for label in before} == before
    assert meeting_record(store, ACTOR, mid)["status"] == "PLANNED"
    next_on = record_minutes(
        store,
        ACTOR,
        mid,
        minutes="Panel met.",
        decisions={"G1": "Continue Pursue", "G2": "Re-score now"},
        actions=[NewAction("G1", "PURSUE", "Second warrant", "O1", "2026-07-01")],
        reference=REF,
    )
    assert next_on == date(2026, 7, 13) == next_meeting_date("DISRUPTION_PANEL", ON, reference=REF)
    record = meeting_record(store, ACTOR, mid)
    assert record["status"] == "HELD" and record["minutes"]["next_on"] == "2026-07-13"
    assert sorted((d["subject_id"], d["text"]) for d in record["decisions"]) == [
        ("G1", "Continue Pursue"),
        ("G2", "Re-score now"),
    ]
    assert [(a["subject_id"], a["text"], a["owner_name"]) for a in record["actions"]] == [
        ("G1", "Second warrant", "Ann Owner")
    ]
    with pytest.raises(DisruptionInputError, match="already has minutes"):
        record_minutes(store, ACTOR, mid, minutes="again", decisions={}, reference=REF)
