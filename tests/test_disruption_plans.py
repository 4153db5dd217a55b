"""Plan owners, 4P plans and work lists, and tactic suggestions on a hand-made history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disruption_world import ACTOR, build, count
from iom.disruption.common import DisruptionInputError
from iom.disruption.ledger import DisruptionEntry, record_disruption
from iom.disruption.owners import assign_owner, suggest_owners
from iom.disruption.plans import NewAction, add_action, four_p_plan, work_list
from iom.disruption.tactics import record_advice, suggest_tactics, tactic_library
from iom.reference import load_reference
from iom.store import Store

REF = load_reference()
TODAY = date(2026, 11, 30)


def test_owner_suggestions_rank_area_then_activity_then_spare_capacity(
    store: Store, tmp_path: Path
) -> None:
    build(store, tmp_path)
    # G3 (fraud, area A2): O2 owns it (A2; load excludes G3 itself), O3 owned a fraud OCG
    # now archived (A1; no load), O1 is in A1 and owns a drugs OCG.
    found, rule = suggest_owners(store, ACTOR, "G3", reference=REF)
    assert [(s.officer_id, s.points) for s in found] == [("O2", 4.5), ("O3", 3.0), ("O1", 1.0)]
    assert (
        found[0].current
        and found[0].reason == "based in A2; no record of this activity; owns 0 of 3"
    )
    assert found[1].reason == (
        "not based in the OCG's area; owns 1 other fraud OCG(s) (live or archived); owns 0 of 2"
    )
    assert "3 if based in an area" in rule
    # G1 (drugs, A1): O1 owns another drugs OCG in A1; O3 is in A1 with more spare room
    found, _ = suggest_owners(store, ACTOR, "G1", reference=REF)
    assert [(s.officer_id, s.points) for s in found] == [("O1", 6.0), ("O3", 4.0), ("O2", 1.0)]


def test_assignment_replaces_the_owner_and_the_plan_owner(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path)
    with pytest.raises(DisruptionInputError, match="reason: say why"):
        assign_owner(store, ACTOR, "G3", "O3", reason=" ")
    assert assign_owner(store, ACTOR, "G3", "O3", reason="fraud specialist") == ["O2"]
    plan = four_p_plan(store, ACTOR, "G3")["plans"][0]
    assert plan["owner"]["id"] == "O3"
    found, _ = suggest_owners(store, ACTOR, "G3", reference=REF)
    assert [s.officer_id for s in found if s.current] == ["O3"]


def test_plan_action_needs_an_owner_and_nothing_is_half_saved(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path)
    before = count(store, "Action")
    with pytest.raises(DisruptionInputError) as err:
        add_action(store, ACTOR, NewAction("G2", "pursue", "Warrant", None, "2026-12-01"))
    assert str(err.value) == (
        "plan action not saved: owner: a plan action needs an owner (an officer or a partner "
        "agency)"
    )
    with pytest.raises(DisruptionInputError, match="'WIN' is not one of PURSUE"):
        add_action(store, ACTOR, NewAction("G2", "WIN", "Warrant", "O1", "2026-12-01"))
    assert count(store, "Action") == before
    assert count(store, "Plan") == 2  # G2 had no plan and none was opened


def test_actions_group_by_strand_and_overdue_reach_the_work_list(
    store: Store, tmp_path: Path
) -> None:
    build(store, tmp_path)
    new = add_action(
        store,
        ACTOR,
        NewAction(
            "G2",
            "PREVENT",
            "School input at Blue Academy",
            "PT2",
            "2026-12-01",
            objective="Stop recruitment",
            targets=[("Household", "H1")],
        ),
    )
    plan = four_p_plan(store, ACTOR, "G2", today=TODAY)["plans"][0]
    assert plan["status"] == "OPEN"  # opened for the action
    (action,) = plan["strands"]["PREVENT"]
    assert (action["id"], action["owner"]["kind"], action["overdue"]) == (new, "Partner", False)
    assert action["objective"] == "Stop recruitment"
    g1 = four_p_plan(store, ACTOR, "G1", today=TODAY)["plans"][0]
    assert [(a["id"], a["overdue"]) for a in g1["strands"]["PURSUE"]] == [("AC1", True)]
    later = add_action(
        store, ACTOR, NewAction("G1", "PURSUE", "Second warrant", "O1", "2027-01-01")
    )
    work = work_list(store, ACTOR, "O1", today=TODAY)
    assert [(w["action_id"], w["overdue"]) for w in work] == [("AC1", True), (later, False)]
    on_the_day = work_list(store, ACTOR, "O1", today=date(2026, 1, 10))
    assert [w["overdue"] for w in on_the_day] == [False, False]  # due today is not overdue


def test_tactic_suggestions_rank_by_what_worked_against_same_activity_groups(
    store: Store, tmp_path: Path
) -> None:
    build(store, tmp_path)
    history = [  # drugs OCGs G1, G2; fraud OCG G3 (its record must not count for G1)
        ("G1", "T1", "MAJOR"),
        ("G2", "T1", "MINOR"),
        ("G2", "T1", "MODERATE"),
        ("G1", "T4", "MAJOR"),
        ("G2", "T4", "MAJOR"),
        ("G1", "T3", "NONE"),
        ("G2", "T3", "NEGATIVE"),
        ("G3", "T2", "MAJOR"),
        ("G3", "T2", "MAJOR"),
        ("G2", "T2", "MINOR"),
    ]
    for n, (ocg, tactic, impact) in enumerate(history):
        record_disruption(
            store,
            ACTOR,
            DisruptionEntry(
                ocg, f"2026-0{1 + n % 9}-01", impact, "as seen", [tactic], approver_id="O1"
            ),
            today=TODAY,
        )
    found, rule, advice = suggest_tactics(store, ACTOR, "G1", reference=REF)
    assert advice is None
    ranked = [(s.tactic_id, s.tries, s.worked) for s in found]
    # T4 2/2, T1 2/3, T3 0/2, then T2 tried once here (below min_tries 2)
    assert ranked == [("T4", 2, 2), ("T1", 3, 2), ("T3", 2, 0), ("T2", 1, 0)]
    assert found[1].reason == "worked (major or moderate) 2 of 3 times (67%)"
    assert {e["ocg_id"] for e in found[1].evidence} == {"G1", "G2"}
    assert "illegal drugs OCGs" in rule
    record_advice(store, ACTOR, "G1", "OC", "Go after the phones", ["T2", "T3"])
    found, _, advice = suggest_tactics(store, ACTOR, "G1", reference=REF)
    assert [t["id"] for t in advice["tactics"]] == ["T2", "T3"]
    assert [s.tactic_id for s in found if s.advised] == ["T3", "T2"]
    assert found[-1].reason.endswith("; advised by the co-ordinator")


def test_library_groups_by_the_six_areas_with_owner_and_legal_basis(
    store: Store, tmp_path: Path
) -> None:
    build(store, tmp_path)
    lib = tactic_library(store, reference=REF)
    assert list(lib) == ["LIFESTYLE", "BEHAVIOUR", "VEHICLES", "TRAVEL", "BUSINESS", "CRIME"]
    (warrant,) = lib["CRIME"]
    assert (warrant["owner_label"], warrant["legal_basis"]) == (
        "Police",
        "Misuse of Drugs Act 1971 s.23",
    )
    assert lib["BUSINESS"][0]["legal_basis"] == "not recorded"
