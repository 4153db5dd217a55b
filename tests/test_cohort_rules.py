"""Cohort rules on hand-made cases: serial perpetrators at the boundaries, lead precedence,
high-impact households."""

from __future__ import annotations

import pytest

from cohort_cases import AS_OF, HARM, ago, config, data, offence, person
from iom.cohort.arrangements import arrangements, cohort_counts
from iom.cohort.features import offence_table, person_features
from iom.cohort.households import score_households
from iom.cohort.serial import rule_text, serial_perpetrators


def serial(rows: list[dict], people: list[dict] | None = None, **changes: object) -> list[str]:
    cfg = config(**changes)
    d = data(rows, **({"people": people} if people else {}))
    table = offence_table(d, cfg, HARM, AS_OF, window_days=cfg.serial["window_days"] + 10)
    return serial_perpetrators(table, d.people, cfg, AS_OF)["id"].tolist()


def violent(pid: str, oid: str, days: int, *victims: str) -> dict:
    return offence(pid, oid, "VIOLENCE_WITH_INJURY", days, domestic_abuse=True, victims=victims)


def test_two_victims_within_three_years_makes_a_serial_perpetrator() -> None:
    assert serial([violent("a", "o1", 0, "v1"), violent("a", "o2", 1095, "v2")]) == ["a"]


def test_an_incident_one_day_outside_the_window_does_not_count() -> None:
    assert serial([violent("a", "o1", 0, "v1"), violent("a", "o2", 1096, "v2")]) == []


def test_the_same_victim_twice_or_two_victims_in_one_incident_is_not_enough() -> None:
    assert serial([violent("a", "o1", 10, "v1"), violent("a", "o2", 20, "v1")]) == []
    assert serial([violent("a", "o1", 10, "v1", "v2")]) == []


def test_age_sixteen_on_the_day_counts_and_a_day_younger_does_not() -> None:
    rows = [violent("a", "o1", 0, "v1"), violent("a", "o2", 30, "v2")]
    rows += [violent("b", "p1", 0, "v3"), violent("b", "p2", 30, "v4")]
    people = [person("a", born="2009-06-01"), person("b", born="2009-06-02")]
    assert serial(rows, people) == ["a"]


def test_the_rule_is_configurable_and_says_itself() -> None:
    rows = [violent("a", "o1", 0, "v1"), violent("a", "o2", 30, "v2")]
    assert serial(rows, serial_perpetrators__min_victims=3) == []
    assert rule_text(config()) == (
        "Serial perpetrator: suspect or offender in violence or domestic abuse offences against "
        "2+ distinct victims over 2+ incidents committed in the last 1095 days, aged 16+ "
        "(any outcome counts)."
    )
    # non-violent offences are out of scope, whatever their victims
    thefts = [offence("a", "t1", "THEFT_FROM_PERSON", 1, victims=("v1",))]
    thefts += [offence("a", "t2", "THEFT_FROM_PERSON", 2, victims=("v2",))]
    assert serial(thefts) == []


CASES = [
    {"person_id": "x", "scheme": "MAPPA", "case_id": "M1", "role": "OFFENDER", "level": "1",
     "start_on": ago(100)},
    {"person_id": "x", "scheme": "MARAC", "case_id": "K1", "role": "PERPETRATOR",
     "start_on": ago(30)},
    {"person_id": "y", "scheme": "MAPPA", "case_id": "M2", "role": "OFFENDER", "level": "3",
     "start_on": ago(100)},
    {"person_id": "z", "scheme": "MARAC", "case_id": "K2", "role": "VICTIM", "start_on": ago(30)},
    {"person_id": "w", "scheme": "MAPPA", "case_id": "M3", "role": "OFFENDER", "level": "2",
     "start_on": ago(400), "end_on": ago(10)},
]  # fmt: skip
EPISODES = [
    {"person_id": "x", "episode_id": "E1", "cohort": "FLEX", "start_on": ago(50),
     "manager": "PC Owner", "hub": "North hub"},
    {"person_id": "y", "episode_id": "E2", "cohort": "FIXED", "start_on": ago(50)},
    {"person_id": "z", "episode_id": "E3", "cohort": "FREE", "start_on": ago(50)},
    {"person_id": "w", "episode_id": "E4", "cohort": "FIXED", "start_on": ago(50),
     "end_on": ago(5)},
]  # fmt: skip


def test_lead_arrangement_follows_the_default_precedence() -> None:
    table = arrangements(data([], protection=CASES, episodes=EPISODES), config(), AS_OF)
    assert table["lead"].to_dict() == {"x": "MARAC_MATAC", "y": "MAPPA_2_3", "z": "IOM_FREE"}
    assert table.loc["x", "codes"] == ["MARAC_MATAC", "IOM_FLEX", "MAPPA_1"]
    assert table.loc["x", "owners"][1] == "IOM episode E1 (PC Owner, North hub)"
    assert cohort_counts(table) == {"MARAC_MATAC": 1, "MAPPA_2_3": 1, "IOM_FREE": 1}


def test_a_force_can_reorder_the_precedence() -> None:
    order = ["IOM_FIXED", "IOM_FLEX", "IOM_FREE", "MAPPA_2_3", "MARAC_MATAC", "MAPPA_1"]
    table = arrangements(
        data([], protection=CASES, episodes=EPISODES), config(lead_precedence=order), AS_OF
    )
    assert table["lead"].to_dict() == {"x": "IOM_FLEX", "y": "IOM_FIXED", "z": "IOM_FREE"}


def test_household_score_counts_offenders_harm_domestic_abuse_and_children() -> None:
    rows = [offence("mum", "o1"), offence("son", "o2", outcome="CAUTIONED")]
    rows += [offence("dad", "o3", "VIOLENCE_WITH_INJURY", domestic_abuse=True, victims=("mum",))]
    rows += [offence("lone", "o4", "SHOPLIFTING")]
    people = [person("mum"), person("son", born="2010-01-01"), person("dad"), person("lone")]
    homes = [
        {"person_id": p, "household_id": "H1", "address": "1 High St", "from_on": "2020-01-01"}
        for p in ("mum", "son", "dad")
    ] + [{"person_id": "lone", "household_id": "H2", "address": "2 Low St"}]
    cfg = config()
    d = data(rows, people=people, residences=homes)
    table = offence_table(d, cfg, HARM, AS_OF)
    harm = person_features(table, d, cfg, AS_OF, "all")["harm"]
    scored = score_households(d, table, harm, cfg, AS_OF)
    h1 = scored.frame.set_index("household_id").loc["H1"]
    assert (h1["residents"], h1["offenders"], h1["children"], h1["da_incidents"]) == (3, 3, 1, 1)
    assert h1["harm"] == pytest.approx(273.5 + 273.5 * 0.8 + 90)
    assert scored.frame["household_id"].tolist() == ["H1", "H2"]
    lines = scored.explain("H1")
    assert lines[0].startswith("Household H1 (1 High St): score")
    assert any("children under 18 living there: 1" in line for line in lines)
