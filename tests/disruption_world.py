"""A small hand-made force for the disruption tests, loaded through `iom load`'s library."""

from __future__ import annotations

from pathlib import Path

from csv_files import write_texts
from iom.ingest import load_directory
from iom.security.access import SYSTEM, Actor
from iom.store import Store

ACTOR = Actor(user="test.user", role="OCG_COORDINATOR", purpose="disruption tests")

FILES = {
    "nodes/Area.csv": "id:ID(Area),name,population:int\nA1,Northside,10000\nA2,Southside,40000\n",
    "nodes/OCG.csv": (
        "id:ID(OCG),name,threat,activity,band,status,mapped_on\n"
        "G1,Red Crew,ILLEGAL_DRUGS,County lines,2A,ACTIVE,2024-01-01\n"
        "G2,Blue Crew,ILLEGAL_DRUGS,Cannabis farms,2B,ACTIVE,2024-01-01\n"
        "G3,Green Firm,FRAUD,Counterfeits,2C,ACTIVE,2024-01-01\n"
        "G4,Old Firm,FRAUD,Counterfeits,3C,ARCHIVED,2020-01-01\n"
    ),
    "nodes/Officer.csv": (
        "id:ID(Officer),name,rank,role,caseload_capacity:int\n"
        "O1,Ann Owner,DI,PLAN_OWNER,3\n"
        "O2,Bob Owner,DI,PLAN_OWNER,3\n"
        "O3,Cat Owner,DI,PLAN_OWNER,2\n"
        "OC,Dan Coord,DS,OCG_COORDINATOR,\n"
        "OM,Eve Manager,PC,OFFENDER_MANAGER,10\n"
    ),
    "nodes/Partner.csv": (
        "id:ID(Partner),name,partner_type\nPT1,Vale Trading Standards,TRADING_STANDARDS\n"
        "PT2,Vale Housing,HOUSING\n"
    ),
    "nodes/Tactic.csv": (
        "id:ID(Tactic),name,tactic_area,four_p,owner_type\n"
        "T1,Drugs search warrant,CRIME,PURSUE,POLICE\n"
        "T2,Counterfeit seizure,BUSINESS,PURSUE,TRADING_STANDARDS\n"
        "T3,School input,BEHAVIOUR,PREVENT,LOCAL_AUTHORITY\n"
        "T4,Vehicle seizure,VEHICLES,PURSUE,POLICE\n"
    ),
    "nodes/Person.csv": (
        "id:ID(Person),:LABEL,first_name,last_name\n"
        "P1,Nominal,Pat,One\nP2,,Sam,Two\nP3,,Lee,Three\n"
    ),
    "nodes/Household.csv": "id:ID(Household),address\nH1,1 High Street\nH2,2 Low Road\n",
    "nodes/Plan.csv": (
        "id:ID(Plan),plan_type,title,status,opened_on\n"
        "PL1,FOUR_P,4P plan: Red Crew,OPEN,2024-02-01\n"
        "PL3,FOUR_P,4P plan: Green Firm,OPEN,2024-02-01\n"
    ),
    "nodes/Action.csv": (
        "id:ID(Action),description,status,four_p,due_on\n"
        "AC1,Warrant at the trap house,IN_PROGRESS,PURSUE,2026-01-10\n"
        "AC3,Counterfeit seizure at market,NOT_STARTED,PURSUE,2026-03-01\n"
    ),
    "relationships/OPERATES_IN.csv": (
        ":START_ID(OCG),:END_ID(Area)\nG1,A1\nG2,A1\nG2,A2\nG3,A2\nG4,A2\n"
    ),
    "relationships/BASED_IN.csv": (
        ":START_ID(Officer),:END_ID(Area)\nO1,A1\nO2,A2\nO3,A1\nOC,A1\n"
    ),
    "relationships/OWNS.csv": ":START_ID(Officer),:END_ID(OCG)\nO1,G2\nO2,G3\nO3,G4\n",
    "relationships/MEMBER_OF.csv": (
        ":START_ID(Person),:END_ID(OCG),role,grading\nP1,G1,PRINCIPAL,B2\nP2,G1,SIGNIFICANT,C3\n"
        "P3,G3,PRINCIPAL,B2\n"
    ),
    "relationships/HAS_PLAN.csv": ":START_ID(OCG),:END_ID(Plan)\nG1,PL1\nG3,PL3\n",
    "relationships/HAS_ACTION.csv": ":START_ID(Plan),:END_ID(Action)\nPL1,AC1\nPL3,AC3\n",
    "relationships/ASSIGNED_TO.csv": ":START_ID(Action),:END_ID(Officer)\nAC1,O1\nAC3,O2\n",
}


def build(store: Store, tmp_path: Path, extra: dict[str, str] | None = None) -> Store:
    """Load the hand-made force (plus `extra` files) into `store`."""
    folder = write_texts(tmp_path / "world", {**FILES, **(extra or {})})
    load_directory(store, folder, SYSTEM)
    return store


def count(store: Store, label: str) -> int:
    """How many records of `label` the store holds."""
    rows = store.read("stats/label_counts")
    return next((int(r["count"]) for r in rows if r["label"] == label), 0)
