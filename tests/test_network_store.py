"""Network projections and analyses on the real embedded store, with a hand-made force."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csv_files import write_texts
from iom.errors import RecordNotFound
from iom.ingest import load_directory
from iom.network.analyses import (
    SafeguardingAccess,
    find_emerging_groups,
    find_relatives_at_risk,
    store_key_players,
)
from iom.network.projection import ProjectionError, project
from iom.security import audit
from iom.security.access import SYSTEM, Actor
from iom.store import Store

ACTOR = Actor(user="analyst", role="ANALYST", purpose="testing network projections")
ON = date(2026, 6, 1)

# G1: P1 (principal), P2; P3, P4 co-offend with them; P5 (G2) is P2's associate.
# P6, P7, P8 co-offend three times and belong to no OCG: an emerging group.
# P9 (15, no offences) is P1's younger brother and lives with P1 and P4 (a nominal).
# P10 and his OCG G3 have markup in their names (shown as text everywhere).
FORCE = {
    "nodes/Person.csv": """id:ID(Person),first_name,last_name,date_of_birth,gender
P1,Alan,Reed,1990-01-01,MALE
P2,Bo,Hart,1991-01-01,MALE
P3,Cy,Long,1992-01-01,MALE
P4,Di,Moss,1993-01-01,FEMALE
P5,Ed,Nash,1994-01-01,MALE
P6,Fay,Orr,2000-01-01,FEMALE
P7,Gus,Pike,2001-01-01,MALE
P8,Hal,Quin,2002-01-01,MALE
P9,Ian,Reed,2011-01-01,MALE
P10,<b>Jo</b>,Ray,2012-01-01,MALE
""",
    "nodes/OCG.csv": "id:ID(OCG),name,threat\nG1,Red Crew,ILLEGAL_DRUGS\nG2,Blue Firm,FRAUD\n"
    "G3,<i>Grey</i> & Co,FRAUD\n",
    "relationships/MEMBER_OF.csv": ":START_ID(Person),:END_ID(OCG),role,since\n"
    "P1,G1,PRINCIPAL,2020-01-01\nP2,G1,SIGNIFICANT,2021-01-01\nP5,G2,PRINCIPAL,2020-01-01\n"
    "P10,G3,PERIPHERAL,2024-01-01\n",
    "nodes/Offence.csv": """id:ID(Offence),offence_type,committed_on
O1,DRUG_SUPPLY,2025-01-01
O2,RESIDENTIAL_BURGLARY,2025-02-01
O3,ROBBERY_PERSONAL,2025-03-01
O4,ROBBERY_PERSONAL,2025-04-01
O5,ROBBERY_PERSONAL,2019-05-01
""",
    "relationships/SUSPECT_IN.csv": """:START_ID(Person),:END_ID(Offence)
P1,O1
P2,O1
P3,O1
P3,O2
P4,O2
P6,O3
P7,O3
P8,O3
P6,O4
P7,O4
P8,O4
P6,O5
P8,O5
""",
    "relationships/ASSOCIATES_WITH.csv": ":START_ID(Person),:END_ID(Person),source,grading,"
    "last_seen\nP2,P5,INTELLIGENCE,2/B/P,2025-06-01\n",
    "relationships/RELATED_TO.csv": ":START_ID(Person),:END_ID(Person),relation\n"
    "P9,P1,SIBLING\nP1,P9,SIBLING\nP10,P6,SIBLING\n",
    "nodes/Household.csv": "id:ID(Household),address\nH1,1 Fictional Row\n",
    "relationships/LIVES_AT.csv": ":START_ID(Person),:END_ID(Household),from_on\n"
    "P1,H1,2015-01-01\nP9,H1,2011-01-01\nP4,H1,2020-01-01\n",
    "nodes/IomEpisode.csv": "id:ID(IomEpisode),cohort,start_on\nE1,FIXED,2024-01-01\n",
    "relationships/IN_EPISODE.csv": ":START_ID(Person),:END_ID(IomEpisode)\nP4,E1\n",
}


@pytest.fixture
def force(store: Store, tmp_path: Path) -> Store:
    load_directory(store, write_texts(tmp_path / "force", FORCE), SYSTEM)
    return store


def edges(proj) -> set[tuple[str, str]]:
    return {tuple(sorted(e)) for e in proj.graph.edges()}


def test_projection_by_tie_type_and_window(force: Store) -> None:
    co = project(force, ACTOR, ties="co-offending")
    assert ("P1", "P2") in edges(co) and ("P2", "P5") not in edges(co)
    assert co.graph["P6"]["P8"]["ties"] == {"co-offending": 3}
    assert co.graph["P6"]["P8"]["weight"] == 3
    recent = project(force, ACTOR, ties="co-offending", since="2025-01-01")
    assert recent.graph["P6"]["P8"]["weight"] == 2  # O5 (2019) is outside the window
    flat = project(force, ACTOR, ties="co-offending", weighted=False)
    assert flat.graph["P6"]["P8"]["weight"] == 1
    assoc = project(force, ACTOR, ties=["association"])
    assert edges(assoc) == {("P2", "P5")}
    assert assoc.graph["P2"]["P5"]["detail"]["association"]["sources"] == ["INTELLIGENCE"]
    assert assoc.graph["P2"]["P5"]["detail"]["association"]["gradings"] == ["2/B/P"]
    fam = project(force, ACTOR, ties="family,household")
    assert ("P1", "P9") in edges(fam) and ("P1", "P4") in edges(fam)
    assert fam.graph["P1"]["P9"]["ties"] == {"family": 1, "household": 1}
    ocg = project(force, ACTOR, ties="ocg")
    assert edges(ocg) == {("P1", "P2")}


def test_neighbourhood_is_bounded_by_hops(force: Store) -> None:
    one = project(force, ACTOR, ocg="G1", hops=1, ties="co-offending,association")
    assert set(one.graph) == {"P1", "P2", "P3", "P5"}
    assert one.scope == "OCG Red Crew (G1), 1 hop(s)"
    two = project(force, ACTOR, ocg="G1", hops=2, ties="co-offending,association")
    assert set(two.graph) == {"P1", "P2", "P3", "P4", "P5"}
    around = project(force, ACTOR, around="P6", hops=1, ties="co-offending")
    assert set(around.graph) == {"P6", "P7", "P8"}
    assert ("P7", "P8") in edges(around)  # ties among the outermost people are kept
    assert two.people["P1"]["name"] == "Alan Reed"
    assert two.ocg_of()["P1"] == "Red Crew" and two.role_of("P2") == "Significant"


def test_projection_errors_name_the_argument(force: Store) -> None:
    with pytest.raises(ProjectionError, match="--ties: unknown tie type 'friends'"):
        project(force, ACTOR, ties="co-offending,friends")
    with pytest.raises(RecordNotFound, match="--ocg: no OCG with id 'G9'"):
        project(force, ACTOR, ocg="G9")
    with pytest.raises(RecordNotFound, match="--around: no person with id 'P99'"):
        project(force, ACTOR, around="P99")
    with pytest.raises(ProjectionError, match="--since 2026-01-01 is after --until 2025-01-01"):
        project(force, ACTOR, since="2026-01-01", until="2025-01-01")


def test_projection_is_audited(force: Store) -> None:
    project(force, ACTOR, ocg="G1", hops=1, ties="co-offending")
    [event] = [e for e in audit.recent_events(force, ACTOR) if e["detail"].startswith("network")]
    assert event["operation"] == "CONSULTATION"
    assert set(event["subject_ids"]) == {"P1", "P2", "P3"}
    assert "network projection (OCG Red Crew (G1), 1 hop(s)" in event["detail"]


def test_key_players_of_an_ocg_neighbourhood(force: Store) -> None:
    _, players = store_key_players(force, ACTOR, "betweenness", 3, ocg="G1")
    assert players[0].name == "Bo Hart"  # P2 bridges G1's co-offenders and G2's P5
    assert players[0].values["brokerage"] >= 1
    assert "tied into 2 groups (Blue Firm, Red Crew)" in players[0].reason


def test_emerging_groups_from_the_store(force: Store) -> None:
    groups = find_emerging_groups(force, ACTOR, seed=1)
    assert [g.members for g in groups] == [("P6", "P7", "P8")]
    assert groups[0].reason.startswith("3 co-offenders, none in a mapped OCG")
    assert groups[0].harm > 0


def test_relatives_at_risk_from_the_store(force: Store) -> None:
    found = find_relatives_at_risk(force, ACTOR, on=ON)
    assert [r.id for r in found] == ["P9"]
    assert found[0].age == 15
    assert found[0].sentence == (
        "younger brother of Alan Reed (principal member of OCG Red Crew); "
        "lives at household H1 with 2 offenders: Alan Reed, Di Moss"
    )
    partner = Actor(user="p", role="PARTNER", purpose="testing")
    with pytest.raises(SafeguardingAccess, match="you are acting as PARTNER"):
        find_relatives_at_risk(force, partner, on=ON)
