"""The cohort capability on the real store: a small loaded force, decisions, the seed force."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from csv_files import write_texts
from iom.cohort.decisions import (
    InvalidDecision,
    decision_history,
    lead_counts,
    record_decision,
    referrals_led_elsewhere,
)
from iom.cohort.explain import explain_person, threshold_counterfactual
from iom.cohort.priority import rank_people, score_cohort
from iom.errors import RecordNotFound
from iom.ingest import load_directory
from iom.security.access import SYSTEM, Actor
from iom.security.audit import recent_events
from iom.store import Store

AS_OF = date(2025, 6, 1)
PANEL = Actor(user="ds.panel", role="IOM_SUPERVISOR", purpose="IOM selection panel")
AUDITOR = Actor(user="auditor", role="ADMINISTRATOR", purpose="checking the audit trail")


def panel_events(store: Store) -> list[dict]:
    """The audit events the panel caused, newest first."""
    return [e for e in recent_events(store, AUDITOR, limit=500) if e["user"] == "ds.panel"]


FORCE = {
    "nodes/Person.csv": (
        "id:ID(Person),first_name,last_name,date_of_birth,pnc_id\n"
        "P1,Ann,Burgle,1990-01-01,ZZ/1\n"
        "P2,Bob,Burgle,1991-01-01,ZZ/2\n"
        "P3,Cy,Danger,1980-01-01,ZZ/3\n"
        "V1,Vic,Tim,1970-01-01,\n"
    ),
    "nodes/Offence.csv": (
        "id:ID(Offence),offence_type,committed_on,outcome,domestic_abuse:boolean\n"
        "O1,RESIDENTIAL_BURGLARY,2025-05-01,CONVICTED,false\n"
        "O2,RESIDENTIAL_BURGLARY,2025-04-01,CONVICTED,false\n"
        "O3,RESIDENTIAL_BURGLARY,2024-06-01,CONVICTED,false\n"
        "O4,ROBBERY_PERSONAL,2025-05-20,CONVICTED,false\n"
        "O5,VIOLENCE_WITH_INJURY,2025-03-01,CONVICTED,true\n"
    ),
    "relationships/CONVICTED_OF.csv": (
        ":START_ID(Person),:END_ID(Offence)\nP1,O1\nP1,O2\nP2,O3\nP3,O4\nP3,O5\n"
    ),
    "relationships/VICTIM_IN.csv": ":START_ID(Person),:END_ID(Offence)\nV1,O5\n",
    "nodes/MappaCase.csv": "id:ID(MappaCase),category,level,start_on\nM1,2,2,2024-01-01\n",
    "relationships/SUBJECT_OF.csv": (":START_ID(Person),:END_ID(MappaCase),role\nP3,M1,OFFENDER\n"),
    "nodes/CustodySpell.csv": (
        "id:ID(CustodySpell),kind,start,release_due,released_on\n"
        "C1,SENTENCE,2024-09-01,2025-03-01,2025-03-01\n"
    ),
    "relationships/IN_CUSTODY.csv": ":START_ID(Person),:END_ID(CustodySpell)\nP2,C1\n",
    "nodes/Referral.csv": (
        "id:ID(Referral),received_on,source,status\nR1,2025-05-25,POLICE,RECEIVED\n"
    ),
    "relationships/REFERS.csv": ":START_ID(Referral),:END_ID(Person)\nR1,P3\n",
}


@pytest.fixture
def force(store: Store, tmp_path: Path) -> Store:
    """A fresh store holding the small force above."""
    load_directory(store, write_texts(tmp_path / "force", FORCE), SYSTEM)
    return store


def test_ranking_reads_the_store_and_is_audited(force: Store) -> None:
    scores = rank_people(force, PANEL, as_of=AS_OF)
    fixed = scores.ranked("FIXED")
    assert set(fixed["id"]) == {"P1", "P2", "P3"}  # robbery is neighbourhood crime
    p2 = fixed.set_index("id").loc["P2"]
    assert p2["liberty_days"] == 365 - 181  # custody 2024-09-01 to 2025-03-01 left out
    flex = scores.ranked("FLEX").set_index("id")
    assert "LED_ELSEWHERE" in flex.loc["P3", "flags"] and "MAPPA_2_3" in flex.loc["P3", "flags"]
    events = panel_events(force)
    assert [e["operation"] for e in events] == ["CONSULTATION"]
    assert {"P1", "P2", "P3"} <= set(events[0]["subject_ids"])


def test_unknown_person_is_refused(force: Store) -> None:
    with pytest.raises(RecordNotFound, match="no person with id 'NOBODY'"):
        explain_person(force, PANEL, "NOBODY", as_of=AS_OF)
    with pytest.raises(RecordNotFound, match=r"Vic Tim \(V1\) is not ranked"):
        explain_person(force, PANEL, "V1", as_of=AS_OF)


def test_a_decision_without_a_reason_is_refused_and_nothing_saved(force: Store) -> None:
    with pytest.raises(InvalidDecision, match="a decision needs a reason; nothing was saved"):
        record_decision(force, PANEL, "P1", "SELECT", "FIXED", "   ", decided_on=AS_OF)
    with pytest.raises(InvalidDecision, match="allowed: SELECT, DESELECT, DEFER"):
        record_decision(force, PANEL, "P1", "MAYBE", "FIXED", "why not", decided_on=AS_OF)
    with pytest.raises(RecordNotFound):
        record_decision(force, PANEL, "NOBODY", "SELECT", "FIXED", "prolific", decided_on=AS_OF)
    assert decision_history(force, PANEL, "P1")["decisions"] == []
    assert [e["detail"] for e in panel_events(force)] == ["cohort history"]  # nothing else


def test_decisions_make_a_history_and_flag_someone_led_elsewhere(force: Store) -> None:
    first = record_decision(
        force, PANEL, "P1", "SELECT", "FIXED", "prolific burglar", decided_on=AS_OF
    )
    assert first.led_elsewhere is None
    flagged = record_decision(
        force, PANEL, "P3", "SELECT", "FLEX", "violent robbery", decided_on=AS_OF
    )
    assert flagged.led_elsewhere == "MAPPA level 2 or 3 (MAPPA case M1 (level 2))"
    record_decision(force, PANEL, "P1", "DEFER", "FIXED", "await court", decided_on=AS_OF)
    history = decision_history(force, PANEL, "P1")["decisions"]
    assert [(d["decision"], d["reason"], d["decided_by"]) for d in history] == [
        ("DEFER", "await court", "ds.panel"),
        ("SELECT", "prolific burglar", "ds.panel"),
    ]
    explanation = explain_person(force, PANEL, "P1", as_of=AS_OF, cohort_type="FIXED")
    assert explanation.changes[0].startswith(f"last snapshot {AS_OF}")


def test_referrals_and_counts_name_the_lead_once(force: Store) -> None:
    scores = rank_people(force, PANEL, as_of=AS_OF)
    flagged = referrals_led_elsewhere(force, PANEL, scores)
    assert [(r["referral_id"], r["lead_label"]) for r in flagged] == [("R1", "MAPPA level 2 or 3")]
    assert lead_counts(scores) == {"MAPPA_2_3": 1}


def test_seed_force_has_no_more_than_five_percent_at_any_cap(seeded_store: Store) -> None:
    scores = rank_people(seeded_store, SYSTEM, as_of=date(2026, 11, 1))
    for code, frame in scores.frames.items():
        assert len(frame) > 100, code
        for name in ("harm", "frequency", "da_victims", "trend", "network", "ocg_role",
                     "household", "risk_markers"):  # fmt: skip
            share = (frame[f"{name}_norm"] >= 1).mean()
            assert share <= 0.05, (code, name, share)
        assert (frame["score"] >= 100).mean() <= 0.05
        # the explanation adds up to the score for everyone
        parts = frame[[c for c in frame.columns if c.endswith("_points")]].sum(axis=1)
        assert parts.round(6).tolist() == frame["score"].round(6).tolist()


def test_threshold_counterfactual_crosses_when_applied(seeded_store: Store) -> None:
    scores = rank_people(seeded_store, SYSTEM, as_of=date(2026, 11, 1))
    top = scores.ranked("FIXED").iloc[0]
    change = threshold_counterfactual(scores, top["id"], "FIXED")
    assert change is not None and change.crosses and change.after < change.threshold
    removed = {r["offence_id"] for r in change.removed}
    offences = scores.data.offences
    hit = offences["offence_id"].isin(removed) & (offences["person_id"] == top["id"])
    applied = offences.assign(
        outcome=offences["outcome"].where(~hit, "NO_FURTHER_ACTION"),
        relationship=offences["relationship"].where(~hit, "SUSPECT_IN"),
    )
    again = score_cohort(
        replace(scores.data, offences=applied), scores.config, scores.harm_weights, scores.as_of
    )
    assert again.row(top["id"], "FIXED")["score"] < change.threshold
