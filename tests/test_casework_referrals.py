"""Referral intake: matching by id then name and date of birth, decisions, counts, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework_world import ALICE, BOB, load_world
from iom.casework.referrals import (
    add_referral,
    decide_referral,
    list_referrals,
    match_person,
    referral_counts,
)
from iom.errors import InvalidInput
from iom.store import Store


@pytest.fixture
def world(store: Store, tmp_path: Path) -> Store:
    return load_world(store, tmp_path / "w")


def _graph_counts(store: Store) -> dict:
    return {r["label"]: r["count"] for r in store.read("stats/label_counts")}


def test_match_by_exact_id_or_pnc_shows_existing_arrangements(world: Store) -> None:
    by_pnc = match_person(world, ALICE, person_id="90/123A", first_name="X", last_name="Y")
    assert [c.id for c in by_pnc] == ["P1"]
    assert by_pnc[0].matched_on == "id"
    lines = by_pnc[0].arrangement_lines()
    assert any(line.startswith("IOM Fixed") for line in lines)
    assert any(line.startswith("MAPPA Level 2") for line in lines)


def test_match_by_name_and_date_of_birth_finds_both_duplicates(world: Store) -> None:
    found = match_person(
        world, ALICE, first_name="ash", last_name="FORD", date_of_birth="1991-01-01"
    )
    assert [c.id for c in found] == ["P2", "P3"]
    assert {c.matched_on for c in found} == {"name and date of birth"}
    assert (
        match_person(world, ALICE, first_name="Ash", last_name="Ford", date_of_birth="1991-01-02")
        == []
    )


def test_a_name_match_needs_confirmation_before_a_referral_is_saved(world: Store) -> None:
    before = _graph_counts(world)
    with pytest.raises(InvalidInput, match=r"^person: already on record as P2 .*P3"):
        add_referral(
            world,
            ALICE,
            source="PRISON",
            reason="Release due",
            referrer="HMP Nowhere",
            first_name="Ash",
            last_name="Ford",
            date_of_birth="1991-01-01",
        )
    assert _graph_counts(world) == before
    confirmed = add_referral(
        world, ALICE, source="PRISON", reason="Release due", referrer="HMP Nowhere", person_id="P2"
    )
    assert confirmed["person_id"] == "P2" and confirmed["status"] == "RECEIVED"
    someone_else = add_referral(
        world,
        ALICE,
        source="children's services (prevention)",
        reason="Sibling at risk",
        referrer="CS duty desk",
        first_name="Ash",
        last_name="Ford",
        date_of_birth="1991-01-01",
        new_person=True,
    )
    assert someone_else["new_person"] and someone_else["person_id"] not in ("P2", "P3")
    assert someone_else["source"] == "CHILDRENS_SERVICES"


def test_a_second_open_referral_and_current_arrangements_are_warned(world: Store) -> None:
    first = add_referral(
        world,
        ALICE,
        source="PROBATION",
        reason="Prolific",
        referrer="PDU",
        person_id="P1",
        partner_id="PTN1",
    )
    assert any("IOM Fixed" in w for w in first["warnings"])
    assert first["partner_name"] == "Northmere Housing Options"
    second = add_referral(
        world,
        ALICE,
        source="CUSTODY",
        reason="Arrested again",
        referrer="Custody sergeant",
        person_id="P1",
    )
    assert any(first["id"] in w and "Received" in w for w in second["warnings"])


def test_decision_records_who_when_why_and_links_the_episode(world: Store) -> None:
    ref = add_referral(
        world, ALICE, source="PROBATION", reason="Prolific", referrer="PDU", person_id="P1"
    )
    deferred = decide_referral(world, BOB, ref["id"], "deferred", "Wait for release date")
    assert deferred["outcome"] == "DEFERRED" and deferred["decided_by"] == "bob"
    assert deferred["status"] == "RECEIVED"  # the imported column keeps its vocabulary
    accepted = decide_referral(world, BOB, ref["id"], "ACCEPTED", "Meets Fixed criteria")
    assert accepted["status"] == "ACCEPTED"
    assert accepted["decision_reason"] == "Meets Fixed criteria"
    assert accepted["episode_id"] == "E1"
    with pytest.raises(
        InvalidInput, match=r"^decision: referral .* was already decided: Accepted by bob"
    ):
        decide_referral(world, BOB, ref["id"], "DECLINED", "changed mind")
    from iom.casework.changes import record_history

    history = record_history(world, BOB, "Referral", ref["id"])
    assert [h["after"].get("outcome") for h in history] == ["RECEIVED", "DEFERRED", "ACCEPTED"]
    assert history[2]["before"]["outcome"] == "DEFERRED"


def test_bad_referral_input_names_the_field_and_saves_nothing(world: Store) -> None:
    before = _graph_counts(world)
    cases = [
        (dict(source="PRISON", reason="  ", referrer="x", person_id="P1"), "^reason: required"),
        (
            dict(source="ASTROLOGER", reason="r", referrer="x", person_id="P1"),
            "^source: 'ASTROLOGER' is not one of",
        ),
        (dict(source="PRISON", reason="r", referrer="", person_id="P1"), "^referrer: required"),
        (
            dict(source="PRISON", reason="r", referrer="x", person_id="P99"),
            "^person: no person with id",
        ),
        (
            dict(source="PRISON", reason="r", referrer="x", person_id="P1", partner_id="OFF1"),
            "^partner: no partner agency",
        ),
        (
            dict(
                source="PRISON",
                reason="r",
                referrer="x",
                first_name="A",
                last_name="B",
                date_of_birth="1990-13-01",
            ),
            "^date_of_birth: '1990-13-01' is not a date",
        ),
    ]
    for kwargs, pattern in cases:
        with pytest.raises(InvalidInput, match=pattern):
            add_referral(world, ALICE, **kwargs)
    ref = add_referral(world, ALICE, source="PRISON", reason="r", referrer="x", person_id="P4")
    with pytest.raises(InvalidInput, match=r"^reason: required"):
        decide_referral(world, BOB, ref["id"], "DECLINED", "")
    with pytest.raises(InvalidInput, match=r"^decision: 'maybe' is not one of"):
        decide_referral(world, BOB, ref["id"], "maybe", "why")
    assert _graph_counts(world)["Referral"] == before.get("Referral", 0) + 1


def test_counts_by_source_and_outcome_and_list_is_audited(world: Store) -> None:
    a = add_referral(world, ALICE, source="PRISON", reason="r", referrer="x", person_id="P1")
    add_referral(world, ALICE, source="PRISON", reason="r", referrer="x", person_id="P2")
    add_referral(
        world, ALICE, source="NEIGHBOURHOOD_TEAM", reason="r", referrer="x", person_id="P4"
    )
    decide_referral(world, BOB, a["id"], "DECLINED", "Under MAPPA level 2")
    counts = {(r["source"], r["outcome"]): r["referrals"] for r in referral_counts(world)}
    assert counts == {
        ("PRISON", "DECLINED"): 1,
        ("PRISON", "RECEIVED"): 1,
        ("NEIGHBOURHOOD_TEAM", "RECEIVED"): 1,
    }
    listed = list_referrals(world, ALICE, status="received")
    assert {r["person_id"] for r in listed} == {"P2", "P4"}
    events = world.read("security/audit/recent_events", {"subject_id": "P4", "limit": 10})
    assert any(e["detail"].startswith("referral list") for e in events)
