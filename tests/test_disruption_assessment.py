"""OCG assessments: the band table at its boundaries, scores from grades, history, reminders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disruption_world import ACTOR, build, count
from iom.disruption.assessment import (
    AssessmentRule,
    assessments_due,
    explain_band,
    record_assessment,
)
from iom.disruption.common import DisruptionInputError
from iom.reference import load_reference
from iom.store import Store

REF = load_reference()
RULE = AssessmentRule.from_reference(REF)
ALL_HIGH = {a.code: "HIGH" for a in RULE.attributes}


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100, "1A"),
        (85, "1A"),
        (84.9, "1B"),
        (72, "1B"),
        (60, "1C"),
        (59.9, "2A"),
        (50, "2A"),
        (49.9, "2B"),
        (30, "2C"),
        (29.9, "3A"),
        (10, "3B"),
        (9.9, "3C"),
        (0, "3C"),
    ],
)
def test_band_table_boundaries(score: float, band: str) -> None:
    assert RULE.band_for(score) == band


def test_score_is_the_weighted_share_of_the_top_grade() -> None:
    assert RULE.score(ALL_HIGH).score == 100.0
    assert RULE.score(ALL_HIGH).band == "1A"
    low = {a.code: "LOW" for a in RULE.attributes}
    assert (RULE.score(low).score, RULE.score(low).band) == (0.0, "3C")
    # criminality and harm (weight 3 of 10) high, the rest medium: 30 + 35 = 65
    mixed = {a.code: "MEDIUM" for a in RULE.attributes} | {"CRIMINALITY_HARM": "HIGH"}
    scored = RULE.score(mixed)
    assert (scored.score, scored.band) == (65.0, "1C")
    assert [p["contribution"] for p in scored.parts] == [30.0, 10.0, 10.0, 7.5, 7.5]
    assert "1A ≥ 85" in scored.rule


def test_a_force_can_move_a_band_boundary(tmp_path: Path) -> None:
    bands = tmp_path / "ocg_bands.yaml"
    bands.write_text(
        "bands:\n  - {code: HIGH, min_score: 70}\n  - {code: LOW, min_score: 0}\n"
        "statuses:\n  - {code: ACTIVE}\n"
    )
    rule = AssessmentRule.from_reference(load_reference(tmp_path))
    assert (rule.band_for(69.9), rule.band_for(70)) == ("LOW", "HIGH")


def test_grade_outside_the_vocabulary_is_refused_and_nothing_saved(
    store: Store, tmp_path: Path
) -> None:
    build(store, tmp_path)
    before = count(store, "OCGAssessment")
    with pytest.raises(DisruptionInputError) as err:
        record_assessment(
            store, ACTOR, "G1", {**ALL_HIGH, "CAPABILITY": "VERY HIGH"}, reference=REF
        )
    assert str(err.value) == (
        "assessment not saved: Capability grade: 'VERY HIGH' is not one of "
        "HIGH (High), MEDIUM (Medium), LOW (Low)"
    )
    with pytest.raises(DisruptionInputError, match=r"Network \(NETWORK\) needs a grade"):
        record_assessment(store, ACTOR, "G1", {"CRIMINALITY_HARM": "HIGH"}, reference=REF)
    assert count(store, "OCGAssessment") == before
    assert store.read("disruption/ocg", {"ocg": "G1"})[0]["details"]["band"] == "2A"


def test_recorded_assessment_sets_the_band_and_explains_it(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path)
    first = {a.code: "MEDIUM" for a in RULE.attributes}
    record_assessment(store, ACTOR, "G1", first, reference=REF, assessed_on="2026-01-05")
    stored, scored = record_assessment(
        store,
        ACTOR,
        "G1",
        ALL_HIGH,
        reference=REF,
        assessed_on=date(2026, 6, 1),
        notes={"CAPABILITY": "firearm recovered"},
        rationale="new intelligence",
    )
    assert (scored.band, stored.next_due) == ("1A", "2026-11-28")
    assert store.read("disruption/ocg", {"ocg": "G1"})[0]["details"]["band"] == "1A"
    e = explain_band(store, ACTOR, "G1", reference=REF)
    assert (e.band, e.score, e.assessed_on) == ("1A", 100.0, "2026-06-01")
    assert [h["band"] for h in e.history] == ["2A", "1A"]
    assert [h["change"] for h in e.history] == ["first", "changed"]
    capability = next(p for p in e.parts if p["attribute"] == "CAPABILITY")
    assert capability["note"] == "firearm recovered"
    events = store.read("security/audit/recent_events", {"subject_id": "G1", "limit": 20})
    assert any(ev["operation"] == "COLLECTION" and ev["user"] == "test.user" for ev in events)


def test_reminders_list_overdue_and_due_soon_but_not_archived(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path)
    grades = {a.code: "LOW" for a in RULE.attributes}
    # review every 180 days, reminders 28 days ahead
    record_assessment(
        store, ACTOR, "G1", grades, reference=REF, assessed_on="2026-01-01", today=date(2026, 1, 1)
    )  # due 2026-06-30
    record_assessment(
        store, ACTOR, "G2", grades, reference=REF, assessed_on="2026-03-01", today=date(2026, 3, 1)
    )  # due 2026-08-28
    record_assessment(
        store, ACTOR, "G4", grades, reference=REF, assessed_on="2020-01-01", today=date(2020, 1, 1)
    )  # archived: never listed
    due = assessments_due(store, ACTOR, reference=REF, as_of=date(2026, 7, 31))
    by_id = {r["id"]: r for r in due}
    assert (by_id["G1"]["state"], by_id["G1"]["days"]) == ("overdue", -31)
    assert (by_id["G2"]["state"], by_id["G2"]["days"]) == ("due soon", 28)
    assert by_id["G3"]["state"] == "never assessed"
    assert "G4" not in by_id
    later = assessments_due(store, ACTOR, reference=REF, as_of=date(2026, 7, 30))
    assert "G2" not in {r["id"] for r in later}  # 29 days ahead: not yet
