"""A person's profile and the people search, on a small family whose ties are known."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from csv_files import write_import
from iom.errors import IomError, RecordNotFound
from iom.people import find_people, from_persons_view, person_profile
from iom.reference import load_reference
from iom.security.access import SYSTEM, Actor
from iom.store import Store

REF = load_reference()
ACTOR = Actor(user="tester", role="IOM_OFFICER", purpose="testing the profile")
PERSON = ["id:ID(Person)", ":LABEL", "first_name", "last_name", "date_of_birth", "pnc_id"]

FAMILY = {
    "nodes/Person.csv": [
        [*PERSON, "wanted", "on_bail", "failed_to_appear", "fictional", "risk_of_serious_harm"],
        [
            "P1",
            "Nominal;Offender",
            "Dean",
            "Marsh",
            "1990-02-03",
            "90/123A",
            "true",
            "false",
            "true",
            "true",
            "HIGH",
        ],
        ["P2", "", "Kai", "Marsh", "2010-04-04", "", "false", "false", "false", "true", ""],
        ["P3", "Offender", "Ash", "Ford", "1991-01-01", "", "", "", "", "true", ""],
        ["P4", "", "Bea", "Lowe", "1992-01-01", "", "", "", "", "true", ""],
        ["P5", "", "Cal", "Marsh", "2015-01-01", "", "", "", "", "true", ""],
        ["P6", "", "Dot", "Marsh", "1965-01-01", "", "", "", "", "true", ""],
        ["P7", "Victim", "Eve", "Stone", "1980-01-01", "", "", "", "", "true", ""],
    ],
    "nodes/Offence.csv": [
        ["id:ID(Offence)", "offence_type", "committed_on", "outcome", "detection"],
        ["O1", "RESIDENTIAL_BURGLARY", "2025-03-01", "CONVICTED", "REPORTED"],
        ["O2", "VIOLENCE_WITH_INJURY", "2024-11-11", "UNDER_INVESTIGATION", "REPORTED"],
    ],
    "relationships/SUSPECT_IN.csv": [[":START_ID(Person)", ":END_ID(Offence)"], ["P1", "O1"]],
    "relationships/CONVICTED_OF.csv": [
        [":START_ID(Person)", ":END_ID(Offence)", "convicted_on"],
        ["P1", "O1", "2025-05-01"],
    ],
    "relationships/VICTIM_IN.csv": [[":START_ID(Person)", ":END_ID(Offence)"], ["P1", "O2"]],
    "nodes/Household.csv": [
        ["id:ID(Household)", "address", "postcode", "high_impact", "high_impact_reason"],
        ["H1", "1 Fictional Row", "ZZ1 1ZZ", "true", "three offenders, repeat call-outs"],
    ],
    "relationships/LIVES_AT.csv": [
        [":START_ID(Person)", ":END_ID(Household)", "from_on"],
        ["P1", "H1", "2020-01-01"],
        ["P2", "H1", "2020-01-01"],
    ],
    "relationships/ASSOCIATES_WITH.csv": [
        [":START_ID(Person)", ":END_ID(Person)", "source", "last_seen"],
        ["P3", "P1", "STOP_SEARCH", "2025-01-01"],  # recorded from the associate's side
        ["P1", "P4", "INTELLIGENCE", "2024-06-01"],
    ],
    "relationships/RELATED_TO.csv": [
        [":START_ID(Person)", ":END_ID(Person)", "relation"],
        ["P1", "P5", "PARENT"],  # P1 is the parent of P5: P5 is P1's child
        ["P6", "P1", "PARENT"],  # P6 is the parent of P1
        ["P2", "P1", "SIBLING"],
        ["P5", "P1", "CHILD"],  # the same tie recorded the other way: shown once
    ],
    "nodes/OCG.csv": [["id:ID(OCG)", "name", "threat"], ["G1", "Marsh crew", "ILLEGAL_DRUGS"]],
    "relationships/MEMBER_OF.csv": [
        [":START_ID(Person)", ":END_ID(OCG)", "role", "since"],
        ["P1", "G1", "PRINCIPAL", "2022-01-01"],
    ],
    "nodes/IomEpisode.csv": [
        ["id:ID(IomEpisode)", "cohort", "start_on", "end_on"],
        ["E1", "FLEX", "2021-01-01", "2022-01-01"],
        ["E2", "FIXED", "2024-01-01", ""],
    ],
    "relationships/IN_EPISODE.csv": [
        [":START_ID(Person)", ":END_ID(IomEpisode)"],
        ["P1", "E1"],
        ["P1", "E2"],
    ],
    "nodes/MappaCase.csv": [
        ["id:ID(MappaCase)", "category", "level", "start_on"],
        ["M1", "2", "2", "2024-02-01"],
    ],
    "nodes/MaracCase.csv": [
        ["id:ID(MaracCase)", "criterion", "heard_on", "dash_score"],
        ["C1", "VISIBLE_HIGH_RISK", "2024-03-01", "15"],
    ],
    "relationships/SUBJECT_OF.csv": [
        [":START_ID(Person)", ":END_ID(MappaCase)", "role"],
        ["P1", "M1", "OFFENDER"],
    ],
    "relationships/SUBJECT_OF_MARAC.csv": [
        [":START_ID(Person)", ":END_ID(MaracCase)", ":TYPE", "role"],
        ["P1", "C1", "SUBJECT_OF", "PERPETRATOR"],
    ],
}


@pytest.fixture
def family(store: Store, tmp_path: Path) -> Store:
    from iom.ingest import load_directory

    load_directory(store, write_import(tmp_path / "f", FAMILY), SYSTEM, reference=REF)
    return store


def test_relation_is_read_from_the_persons_side() -> None:
    assert from_persons_view("PARENT", person_is_start=True) == "CHILD"
    assert from_persons_view("GRANDCHILD", person_is_start=True) == "GRANDPARENT"
    assert from_persons_view("SIBLING", person_is_start=True) == "SIBLING"
    assert from_persons_view("PARENT", person_is_start=False) == "PARENT"


def test_profile_details_and_flags(family: Store) -> None:
    profile = person_profile(family, ACTOR, "P1", reference=REF)
    assert profile.name == "Dean Marsh" and profile.details["pnc_id"] == "90/123A"
    assert set(profile.labels) >= {"Person", "Nominal", "Offender"}
    assert profile.flags == {"wanted": True, "on_bail": False, "failed_to_appear": True}
    assert profile.raised_flags() == ["Wanted", "Failed to appear"]
    assert profile.fictional
    assert profile.details["risk_of_serious_harm"] == "HIGH"


def test_profile_offences_carry_role_and_harm(family: Store) -> None:
    offences = {o["id"]: o for o in person_profile(family, ACTOR, "P1", reference=REF).offences}
    assert offences["O1"]["role"] == "CONVICTED" and offences["O1"]["roles"] == [
        "CONVICTED",
        "SUSPECT",
    ]
    assert offences["O1"]["cchi_days"] == 273.5 and offences["O1"]["css_weight"] == 400
    assert offences["O1"]["convicted_on"] == "2025-05-01"
    assert offences["O2"]["role"] == "VICTIM" and offences["O2"]["outcome"] == "UNDER_INVESTIGATION"
    assert list(offences) == ["O1", "O2"]  # newest first


def test_profile_household_associates_family(family: Store) -> None:
    profile = person_profile(family, ACTOR, "P1", reference=REF)
    (home,) = profile.households
    assert "high_impact" not in home  # the household score is the cohort library's (standing)
    assert home["residents"] == [{"id": "P2", "name": "Kai Marsh"}]
    associates = {a["id"]: a for a in profile.associates}
    assert set(associates) == {"P3", "P4"}  # both directions
    assert associates["P3"]["source"] == "STOP_SEARCH" and associates["P3"]["name"] == "Ash Ford"
    assert associates["P4"]["last_seen"] == "2024-06-01"
    relatives = sorted((r["id"], r["relation"]) for r in profile.family)
    assert relatives == [("P2", "SIBLING"), ("P5", "CHILD"), ("P6", "PARENT")]
    kai = person_profile(family, ACTOR, "P2", reference=REF)
    assert [(r["id"], r["relation"], r["ocgs"]) for r in kai.family] == [
        ("P1", "SIBLING", ["Marsh crew"])
    ]


def test_profile_ocgs_episodes_cases(family: Store) -> None:
    profile = person_profile(family, ACTOR, "P1", reference=REF)
    assert [(g["name"], g["role"]) for g in profile.ocgs] == [("Marsh crew", "PRINCIPAL")]
    assert [e["id"] for e in profile.episodes] == ["E2", "E1"]
    current = profile.current_episode(date(2025, 6, 1))
    assert current is not None and current["cohort"] == "FIXED"
    assert profile.current_episode(date(2021, 6, 1))["cohort"] == "FLEX"  # type: ignore[index]
    cases = {c["kind"]: c for c in profile.cases}
    assert cases["MAPPA"]["level"] == "2" and cases["MAPPA"]["role"] == "OFFENDER"
    assert cases["MARAC"]["criterion"] == "VISIBLE_HIGH_RISK"
    assert cases["MARAC"]["role"] == "PERPETRATOR"


def test_a_person_with_nothing_linked(family: Store) -> None:
    profile = person_profile(family, ACTOR, "P7", reference=REF)
    assert profile.offences == profile.households == profile.family == profile.ocgs == []
    assert profile.flags == {"wanted": False, "on_bail": False, "failed_to_appear": False}


def test_unknown_id_raises_record_not_found(family: Store) -> None:
    with pytest.raises(RecordNotFound) as caught:
        person_profile(family, ACTOR, "NOPE", reference=REF)
    assert str(caught.value) == "no person with id 'NOPE'"
    assert isinstance(caught.value, IomError)


def test_profile_is_audited(family: Store) -> None:
    person_profile(family, ACTOR, "P1", reference=REF)
    (event,) = [
        e
        for e in family.read("security/audit/recent_events", {"subject_id": "P1", "limit": 10})
        if e["operation"] == "CONSULTATION"
    ]
    assert event["user"] == "tester" and event["role"] == "IOM_OFFICER"
    assert event["purpose"] == "testing the profile"
    assert event["detail"].startswith("person profile of P1")
    assert {"P1", "P2", "P3"} <= set(event["subject_ids"])  # linked people shown by name


def test_find_people(family: Store) -> None:
    by_name = find_people(family, ACTOR, "  MARSH ")
    assert [p["id"] for p in by_name] == ["P5", "P1", "P6", "P2"]  # by surname, first name
    assert by_name[0]["name"] == "Cal Marsh"
    assert [p["id"] for p in find_people(family, ACTOR, "dean marsh")] == ["P1"]
    assert [p["id"] for p in find_people(family, ACTOR, "p7")] == ["P7"]
    assert [p["id"] for p in find_people(family, ACTOR, "90/123")] == ["P1"]
    assert len(find_people(family, ACTOR, "marsh", limit=2)) == 2
    assert find_people(family, ACTOR, "   ") == []
    assert find_people(family, ACTOR, "nobody-has-this-name") == []
    with pytest.raises(ValueError):
        find_people(family, ACTOR, "x", limit=0)


def test_find_people_is_audited(family: Store) -> None:
    find_people(family, ACTOR, "dean")
    events = family.read("security/audit/recent_events", {"subject_id": "P1", "limit": 10})
    assert [e["detail"] for e in events if e["operation"] == "CONSULTATION"] == [
        "person search for 'dean'"
    ]


def test_linked_people_are_exactly_those_audited(family: Store) -> None:
    profile = person_profile(family, ACTOR, "P1", reference=REF)
    assert profile.linked == {
        "P2": "Kai Marsh (sibling)",
        "P3": "Ash Ford (associate)",
        "P4": "Bea Lowe (associate)",
        "P5": "Cal Marsh (child)",
        "P6": "Dot Marsh (parent)",
    }
    (event,) = [
        e
        for e in family.read("security/audit/recent_events", {"subject_id": "P1", "limit": 10})
        if e["operation"] == "CONSULTATION"
    ]
    assert set(event["subject_ids"]) == {"P1", *profile.linked}


def test_current_arrangements_follow_the_dates(family: Store) -> None:
    profile = person_profile(family, ACTOR, "P1", reference=REF)
    assert profile.arrangements(date(2025, 6, 1)) == [
        "MARAC 2024-03-01",
        "MAPPA Category 2, Level 2",
        "OCG Principal: Marsh crew",
    ]
    before = profile.arrangements(date(2021, 6, 1))  # before the MAPPA case and membership
    assert before == ["MARAC 2024-03-01"]
    (mappa,) = [c for c in profile.cases if c["kind"] == "MAPPA"]
    ended = {**mappa, "end_on": "2025-01-01"}
    gone = replace(profile, cases=[ended], ocgs=[{**profile.ocgs[0], "until": "2025-01-01"}])
    assert [c["id"] for c in gone.current_cases(date(2025, 6, 1))] == []
    assert gone.current_ocgs(date(2025, 6, 1)) == []
    assert [c["id"] for c in gone.current_cases(date(2024, 6, 1))] == ["M1"]


def test_sections_show_labels_not_codes(family: Store) -> None:
    profile = person_profile(family, ACTOR, "P1", reference=REF)
    offences = {o["id"]: o for o in profile.shown("offences")}
    assert offences["O1"]["offence_type"] == "Burglary of a dwelling"
    assert offences["O1"]["outcome"] == "Convicted" and offences["O1"]["roles"] == [
        "Convicted",
        "Suspect",
    ]
    assert profile.offences[0]["offence_type"] in {"RESIDENTIAL_BURGLARY", "VIOLENCE_WITH_INJURY"}
    assert [g["role"] for g in profile.shown("ocgs")] == ["Principal"]
    assert profile.shown("episodes")[0]["cohort"].startswith("Fixed")
    assert profile.detail("risk_of_serious_harm") == "High"
