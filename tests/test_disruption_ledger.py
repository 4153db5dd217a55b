"""The disruption ledger: validation with nothing half-saved, links, roll-up arithmetic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disruption_world import ACTOR, build, count
from iom.disruption.common import DisruptionInputError
from iom.disruption.ledger import DisruptionEntry, list_disruptions, record_disruption, rollup
from iom.store import Store

TODAY = date(2026, 11, 30)


def entry(**kw: object) -> DisruptionEntry:
    base: dict = dict(
        ocg_id="G1",
        occurred_on="2026-05-01",
        impact="MINOR",
        impact_rationale="short-lived effect",
        tactic_ids=["T1"],
    )
    return DisruptionEntry(**{**base, **kw})


@pytest.mark.parametrize("impact", ["MAJOR", "MODERATE"])
def test_major_and_moderate_need_an_approving_officer(
    store: Store, tmp_path: Path, impact: str
) -> None:
    build(store, tmp_path)
    with pytest.raises(DisruptionInputError) as err:
        record_disruption(store, ACTOR, entry(impact=impact), today=TODAY)
    assert f"a {impact.lower()} impact needs an approving officer" in str(err.value)
    assert count(store, "Disruption") == 0
    did = record_disruption(store, ACTOR, entry(impact=impact, approver_id="O1"), today=TODAY)
    row = list_disruptions(store, ACTOR, "G1")[0]
    assert (row["id"], row["approver_id"], row["approved_by"]) == (did, "O1", "Ann Owner")


@pytest.mark.parametrize("impact", ["MINOR", "NONE", "NEGATIVE"])
def test_lesser_grades_need_no_approver(store: Store, tmp_path: Path, impact: str) -> None:
    build(store, tmp_path)
    record_disruption(store, ACTOR, entry(impact=impact), today=TODAY)
    assert count(store, "Disruption") == 1


def test_bad_input_is_named_and_nothing_is_half_saved(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path)
    before = {label: count(store, label) for label in ("Disruption", "AuditEvent")}
    with pytest.raises(DisruptionInputError) as err:
        record_disruption(
            store,
            ACTOR,
            entry(
                impact="HUGE",
                impact_rationale="  ",
                approver_id="NOBODY",
                action_id="AC3",
                targets=[("Person", "P1"), ("Car", "X"), ("Household", "H9")],
                occurred_on="2026-13-01",
            ),
            today=TODAY,
        )
    message = str(err.value)
    assert message.startswith("disruption not saved: date: '2026-13-01' is not a date")
    for part in (
        "impact: 'HUGE' is not one of MAJOR (Major)",
        "rationale: an impact grade needs its rationale",
        "approver: no officer with id 'NOBODY'",
        "plan action: AC3 is in the plan of G3, not G1",
        "target: 'Car' is not one of Person, Household, OCG, Business, Vehicle",
        "target: no Household with id 'H9'",
    ):
        assert part in message
    assert {label: count(store, label) for label in before} == before


def test_a_disruption_keeps_every_link(store: Store, tmp_path: Path) -> None:
    extra = {
        "nodes/Business.csv": "id:ID(Business),name\nB1,Cheap Phones Ltd\n",
        "nodes/Vehicle.csv": "id:ID(Vehicle),vrm\nV1,AB12 CDE\n",
    }
    build(store, tmp_path, extra)
    record_disruption(
        store,
        ACTOR,
        entry(
            impact="MAJOR",
            approver_id="O1",
            action_id="AC1",
            lead_partner_id="PT1",
            targets=[
                ("Person", "P1"),
                ("Business", "B1"),
                ("Vehicle", "V1"),
                ("OCG", "G1"),
                ("Household", "H1"),
            ],
            evidence_refs=["URN 01/2026"],
            assets_restrained=5000.0,
            assets_recovered=1250.5,
            tactic_ids=["T1", "T4"],
        ),
        today=TODAY,
    )
    row = list_disruptions(store, ACTOR, "G1")[0]
    assert row["four_p"] == "PURSUE"  # from the first tactic
    assert (row["action_id"], row["partner_id"]) == ("AC1", "PT1")
    assert sorted(t["id"] for t in row["tactics"]) == ["T1", "T4"]
    assert sorted((t["label"], t["id"]) for t in row["targets"]) == [
        ("Business", "B1"),
        ("Household", "H1"),
        ("OCG", "G1"),
        ("Person", "P1"),
        ("Vehicle", "V1"),
    ]
    assert (row["evidence_refs"], row["assets_recovered"]) == (["URN 01/2026"], 1250.5)
    events = store.read("security/audit/recent_events", {"subject_id": "P1", "limit": 10})
    assert {e["operation"] for e in events} >= {"COLLECTION", "CONSULTATION"}


def test_rollups_on_a_hand_made_ledger(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path)
    made = [
        ("G1", "2026-01-15", "MAJOR", "O1", "PT1"),  # A1
        ("G1", "2026-02-10", "MINOR", None, None),  # A1
        ("G2", "2026-04-01", "MODERATE", "O2", "PT1"),  # A1 and A2
        ("G3", "2026-07-20", "NEGATIVE", None, "PT2"),  # A2
        ("G3", "2026-08-01", "NONE", None, None),  # A2
    ]
    for ocg, day, impact, approver, partner in made:
        record_disruption(
            store,
            ACTOR,
            entry(
                ocg_id=ocg,
                occurred_on=day,
                impact=impact,
                approver_id=approver,
                lead_partner_id=partner,
                tactic_ids=["T2" if ocg == "G3" else "T1"],
            ),
            today=TODAY,
        )
    area = {r["key"]: r for r in rollup(store, ACTOR, "area")}
    assert (area["A1"]["total"], area["A1"]["worked"], area["A1"]["per_1000"]) == (3, 2, 0.3)
    assert (area["A2"]["total"], area["A2"]["MODERATE"], area["A2"]["per_1000"]) == (3, 1, 0.075)
    assert (area["TOTAL"]["total"], area["TOTAL"]["population"]) == (5, 50000)
    assert area["TOTAL"]["per_1000"] == 0.1
    quarter = {r["key"]: r["total"] for r in rollup(store, ACTOR, "quarter")}
    assert quarter == {"2026-Q1": 2, "2026-Q2": 1, "2026-Q3": 2, "TOTAL": 5}
    partner = {r["key"]: (r["total"], r["worked"]) for r in rollup(store, ACTOR, "partner")}
    assert partner == {"PT1": (2, 2), "PT2": (1, 0), "-": (2, 0), "TOTAL": (5, 2)}
    per_ocg = {r["key"]: r["total"] for r in rollup(store, ACTOR, "ocg")}
    assert per_ocg == {"G1": 2, "G2": 1, "G3": 2, "TOTAL": 5}
    with pytest.raises(DisruptionInputError, match="'colour' is not one of"):
        rollup(store, ACTOR, "colour")
