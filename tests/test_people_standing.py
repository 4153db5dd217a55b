"""The profile's cohort standing: the person's score explained and their household's score."""

from __future__ import annotations

from pathlib import Path

import pytest

from csv_files import write_texts
from iom.cohort.explain import explain_person
from iom.errors import RecordNotFound
from iom.ingest import load_directory
from iom.people import cohort_standing
from iom.security.access import SYSTEM
from iom.store import Store
from test_cohort_store import AS_OF, FORCE, PANEL, panel_events

HOME = {
    "nodes/Household.csv": "id:ID(Household),address,postcode\nH1,1 Mill Lane,ZZ1 1ZZ\n",
    "relationships/LIVES_AT.csv": (
        ":START_ID(Person),:END_ID(Household),from_on,to_on\n"
        "P1,H1,2020-01-01,\n"
        "P2,H1,2020-01-01,\n"
        "P3,H1,2019-01-01,2020-01-01\n"  # moved out: not a resident now
    ),
}


@pytest.fixture
def force(store: Store, tmp_path: Path) -> Store:
    """The cohort test force, with P1 and P2 living at H1 now."""
    load_directory(store, write_texts(tmp_path / "force", {**FORCE, **HOME}), SYSTEM)
    return store


def test_standing_is_the_cohort_explanation_and_the_household_score(force: Store) -> None:
    standing = cohort_standing(force, PANEL, "P1", as_of=AS_OF)
    explained = explain_person(force, PANEL, "P1", as_of=AS_OF)
    got = standing.explanation
    assert got is not None and standing.not_ranked is None
    assert (got.cohort_type, got.score, got.rank) == (
        explained.cohort_type,
        explained.score,
        explained.rank,
    )
    assert sum(c["contribution"] for c in got.components) == pytest.approx(got.score, abs=0.05)
    assert standing.headline().startswith(
        f"Ann Burgle (P1), Fixed (neighbourhood crime), as of {AS_OF}"
    )
    (home,) = standing.households
    assert home["household_id"] == "H1" and home["address"] == "1 Mill Lane"
    assert 0 < home["score"] <= 100 and home["rank"] == 1 and home["ranked"] == 1
    assert home["lines"][0] == f"Household H1 (1 Mill Lane): score {home['score']:.1f} of 100."
    assert any(line.startswith("- residents with counted offending: 2;") for line in home["lines"])
    assert cohort_standing(force, PANEL, "P3", as_of=AS_OF).households == []  # moved out


def test_someone_not_ranked_is_told_why_and_an_unknown_id_is_refused(force: Store) -> None:
    standing = cohort_standing(force, PANEL, "V1", as_of=AS_OF)
    assert standing.explanation is None
    assert standing.headline() == (
        f"Vic Tim (V1) is not ranked as of {AS_OF}: no offences in scope in the last 1095 days"
    )
    with pytest.raises(RecordNotFound, match="no person with id 'NOBODY'"):
        cohort_standing(force, PANEL, "NOBODY", as_of=AS_OF)


def test_standing_is_audited(force: Store) -> None:
    cohort_standing(force, PANEL, "P1", as_of=AS_OF)
    events = {e["detail"]: e for e in panel_events(force)}
    assert events["cohort standing on the profile"]["subject_ids"] == ["P1"]
    assert "P1" in events["cohort ranking: offending from 2022-06-02 to 2025-06-01"]["subject_ids"]
