"""Full-text search over the problem-solving history, with the what-worked and other filters."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from casework_world import ALICE, load_world
from iom.casework import actions, plans
from iom.casework.reviews import record_review
from iom.casework.search import ensure_search_index, search
from iom.errors import InvalidInput
from iom.store import Store

SOON = (date.today() + timedelta(days=10)).isoformat()


@pytest.fixture
def casework(store: Store, tmp_path: Path) -> Store:
    load_world(store, tmp_path / "w")
    view = plans.open_plan(store, ALICE, "P1", "OFF1")
    for pathway, text, owner in [
        ("ACCOMMODATION", "Referral to housing options", "PTN1"),
        ("ACCOMMODATION", "Secure supported housing on release", "OFF1"),
        ("HEALTH", "Register with a GP", "OFF1"),
    ]:
        view = actions.add_action(
            store,
            ALICE,
            view.id,
            view.version,
            pathway=pathway,
            description=text,
            owner_id=owner,
            due_on=SOON,
        )
    ids = {a["description"]: a["id"] for a in view.actions}
    for text, verdict in [
        ("Referral to housing options", "WORKED"),
        ("Secure supported housing on release", "DID_NOT_WORK"),
    ]:
        view = actions.update_action(store, ALICE, view.id, view.version, ids[text], status="DONE")
        view = actions.evaluate_action(
            store,
            ALICE,
            view.id,
            view.version,
            ids[text],
            evaluation=verdict,
            note="Same-day appointment with the landlord",
        )
    record_review(store, ALICE, view.id, view.version, notes="Housed at last; focus on work")
    south = plans.open_plan(store, ALICE, "P4", "OFF3")
    actions.add_action(
        store,
        ALICE,
        south.id,
        south.version,
        pathway="ACCOMMODATION",
        description="Housing benefit claim",
        owner_id="OFF3",
        due_on=SOON,
    )
    return store


def test_a_word_finds_every_action_and_review_mentioning_it(casework: Store) -> None:
    hits = search(casework, ALICE, "housing")
    texts = {(h["kind"], h["text"]) for h in hits}
    assert {
        ("Action", "Referral to housing options"),
        ("Action", "Secure supported housing on release"),
        ("Action", "Housing benefit claim"),
        ("Review", "Housed at last; focus on work"),  # stemmed: housed ~ housing
    } <= texts
    assert all(h["person_name"] for h in hits)
    assert search(casework, ALICE, "astrology") == []


def test_filters_by_what_worked_pathway_partner_and_hub(casework: Store) -> None:
    assert [h["text"] for h in search(casework, ALICE, "housing", only_worked=True)] == [
        "Referral to housing options"
    ]
    assert [h["text"] for h in search(casework, ALICE, "housing", partner="PTN1")] == [
        "Referral to housing options"
    ]
    assert [h["text"] for h in search(casework, ALICE, "housing", hub="AREA-S")] == [
        "Housing benefit claim"
    ]
    assert [h["text"] for h in search(casework, ALICE, "register", pathway="health")] == [
        "Register with a GP"
    ]
    assert search(casework, ALICE, "register", pathway="ACCOMMODATION") == []


def test_every_word_must_match_and_odd_characters_are_not_query_syntax(casework: Store) -> None:
    both = search(casework, ALICE, "housing referral")
    assert [h["text"] for h in both] == ["Referral to housing options"]
    odd = search(casework, ALICE, 'housing" *:* -(@')
    assert len(odd) == len(search(casework, ALICE, "housing")) == 4
    with pytest.raises(InvalidInput, match=r"^words: give at least one word"):
        search(casework, ALICE, " *** ")
    with pytest.raises(InvalidInput, match=r"^pathway: 'SPACE' is not one of"):
        search(casework, ALICE, "housing", pathway="SPACE")
    assert ensure_search_index(casework) == []  # already there: nothing created twice


def test_search_is_audited(casework: Store) -> None:
    search(casework, ALICE, "housing")
    events = casework.read("security/audit/recent_events", {"subject_id": "P4", "limit": 10})
    assert any("casework search for 'housing'" in e["detail"] for e in events)
