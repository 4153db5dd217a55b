"""Hand-made cohort data for tests: a few people, offences, spells and cases, as frames."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import yaml

from iom.cohort.config import CohortConfig, parse_cohort_config
from iom.cohort.data import CohortData
from iom.reference import load_reference, read_table

AS_OF = date(2025, 6, 1)
HARM = load_reference().harm_weights
DEFAULT = yaml.safe_load(read_table(None, "cohort.yaml")[0])


def config(**changes: Any) -> CohortConfig:
    """The default cohort.yaml with top-level keys replaced (dotted keys go deeper)."""
    data = copy.deepcopy(DEFAULT)
    for key, value in changes.items():
        target = data
        *path, last = key.split("__")
        for part in path:
            target = target[part]
        target[last] = value
    return parse_cohort_config(data, "cohort.yaml", tuple(HARM))


def ago(days: int) -> str:
    """The ISO date `days` before AS_OF."""
    return (AS_OF - timedelta(days=days)).isoformat()


def offence(
    person: str,
    offence_id: str,
    kind: str = "RESIDENTIAL_BURGLARY",
    days_ago: int = 0,
    outcome: str = "CONVICTED",
    *,
    convicted: bool | None = None,
    domestic_abuse: bool = False,
    victims: tuple[str, ...] = (),
    detection: str = "REPORTED",
) -> dict[str, Any]:
    """One person-offence link as the store returns it (convicted: a CONVICTED_OF link;
    outcome CONVICTED with convicted=False: someone else was convicted of it)."""
    if convicted is None:
        convicted = outcome == "CONVICTED"
    own = "" if outcome == "CONVICTED" and not convicted else outcome
    return {
        "person_id": person,
        "offence_id": offence_id,
        "offence_type": kind,
        "committed_on": ago(days_ago),
        "outcome": own,  # the suspect's own outcome (SUSPECT_IN.outcome)
        "record_outcome": outcome,  # the crime record's outcome
        "detection": detection,
        "domestic_abuse": domestic_abuse,
        "relationship": "CONVICTED_OF" if convicted else "SUSPECT_IN",
        "victim_ids": list(victims),
    }


def person(pid: str, born: str = "1990-01-01", **extra: Any) -> dict[str, Any]:
    """A person row with a name, date of birth and PNC id."""
    return {
        "id": pid,
        "first_name": pid.title(),
        "last_name": "Test",
        "date_of_birth": born,
        "gender": "MALE",
        "pnc_id": f"ZZ/{pid}",
        "risk_of_serious_harm": extra.pop("rosh", "LOW"),
        **extra,
    }


def data(offences: list[dict[str, Any]], **frames: Any) -> CohortData:
    """CohortData with the given offences; people made for every offender unless given."""
    if "people" not in frames:
        ids = sorted({o["person_id"] for o in offences})
        frames["people"] = [person(i) for i in ids]
    return CohortData.build(offences=offences, **frames)
