"""A small hand-made world for the casework tests: people, officers, partners, hubs, episodes."""

from __future__ import annotations

from pathlib import Path

from csv_files import write_import
from iom.reference import load_reference
from iom.security.access import SYSTEM, Actor
from iom.store import Store

REF = load_reference()
ALICE = Actor(user="alice", role="IOM_OFFICER", purpose="managing IOM casework")
BOB = Actor(user="bob", role="IOM_SUPERVISOR", purpose="supervising IOM casework")
# Users whose user name is an officer's id (or name): their own work is theirs.
OLIVE = Actor(user="OFF1", role="IOM_OFFICER", purpose="managing IOM casework")
SAM = Actor(user="sam sergeant", role="IOM_SUPERVISOR", purpose="supervising IOM casework")

WORLD = {
    "nodes/Person.csv": [
        [
            "id:ID(Person)",
            ":LABEL",
            "first_name",
            "last_name",
            "date_of_birth",
            "pnc_id",
            "wanted",
            "failed_to_appear",
        ],
        ["P1", "Nominal;Offender", "Dean", "Marsh", "1990-02-03", "90/123A", "false", "false"],
        ["P2", "Offender", "Ash", "Ford", "1991-01-01", "", "true", "false"],
        ["P3", "", "Ash", "Ford", "1991-01-01", "", "false", "true"],
        ["P4", "Offender", "Bea", "Lowe", "1992-05-06", "", "false", "false"],
    ],
    "nodes/Area.csv": [
        ["id:ID(Area)", "name", "hub_name"],
        ["AREA-N", "Northmere", "North hub"],
        ["AREA-S", "Southvale", "South hub"],
    ],
    "nodes/Household.csv": [
        ["id:ID(Household)", "address"],
        ["H1", "1 Fictional Row"],
        ["H2", "2 Made-up Close"],
    ],
    "relationships/LIVES_AT.csv": [
        [":START_ID(Person)", ":END_ID(Household)", "from_on"],
        ["P1", "H1", "2020-01-01"],
        ["P2", "H1", "2020-01-01"],
        ["P3", "H2", "2020-01-01"],
    ],
    "relationships/IN_AREA.csv": [
        [":START_ID(Household)", ":END_ID(Area)"],
        ["H1", "AREA-N"],
        ["H2", "AREA-S"],
    ],
    "nodes/Officer.csv": [
        ["id:ID(Officer)", "name", "role"],
        ["OFF1", "Olive Manager", "OFFENDER_MANAGER"],
        ["OFF2", "Sam Sergeant", "IOM_SERGEANT"],
        ["OFF3", "Tom South", "OFFENDER_MANAGER"],
    ],
    "relationships/BASED_IN__Officer.csv": [
        [":START_ID(Officer)", ":END_ID(Area)", ":TYPE"],
        ["OFF1", "AREA-N", "BASED_IN"],
        ["OFF2", "AREA-N", "BASED_IN"],
        ["OFF3", "AREA-S", "BASED_IN"],
    ],
    "nodes/Partner.csv": [
        ["id:ID(Partner)", "name", "partner_type"],
        ["PTN1", "Northmere Housing Options", "HOUSING"],
        ["PTN2", "Recovery Service", "DRUGS_ALCOHOL_SERVICE"],
    ],
    "relationships/BASED_IN__Partner.csv": [
        [":START_ID(Partner)", ":END_ID(Area)", ":TYPE"],
        ["PTN1", "AREA-N", "BASED_IN"],
        ["PTN2", "AREA-N", "BASED_IN"],
    ],
    "nodes/IomEpisode.csv": [
        ["id:ID(IomEpisode)", "cohort", "start_on", "end_on"],
        ["E1", "FIXED", "2024-01-01", ""],
        ["E4", "FLEX", "2024-06-01", ""],
    ],
    "relationships/IN_EPISODE.csv": [
        [":START_ID(Person)", ":END_ID(IomEpisode)"],
        ["P1", "E1"],
        ["P4", "E4"],
    ],
    "relationships/AT_HUB.csv": [
        [":START_ID(IomEpisode)", ":END_ID(Area)"],
        ["E1", "AREA-N"],
        ["E4", "AREA-S"],
    ],
    "nodes/MappaCase.csv": [
        ["id:ID(MappaCase)", "category", "level", "start_on"],
        ["M1", "2", "2", "2024-02-01"],
    ],
    "relationships/SUBJECT_OF.csv": [
        [":START_ID(Person)", ":END_ID(MappaCase)", "role"],
        ["P1", "M1", "OFFENDER"],
    ],
    "nodes/Pathway.csv": [
        ["id:ID(Pathway)", "name"],
        ["ACCOMMODATION", "Accommodation"],
        ["DRUGS_ALCOHOL", "Drugs and alcohol"],
    ],
    "relationships/HAS_NEED.csv": [
        [":START_ID(Person)", ":END_ID(Pathway)", "severity", "assessed_on"],
        ["P1", "DRUGS_ALCOHOL", "HIGH", "2024-01-10"],
    ],
}


def load_world(store: Store, folder: Path) -> Store:
    """Load the casework world into `store` through the real import."""
    from iom.ingest import load_directory

    load_directory(store, write_import(folder, WORLD), SYSTEM, reference=REF)
    return store
