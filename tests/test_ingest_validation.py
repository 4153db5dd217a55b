"""Import validation: every problem in every file, one exact `file:row:field: message` line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from csv_files import write_texts as write
from iom.errors import ImportValidationError
from iom.ingest import count_graph, load_directory, validate_directory
from iom.model import MODEL
from iom.security.access import SYSTEM
from iom.store import Store

PERSON_HEAD = "id:ID(Person),first_name,last_name"


def problems(folder: Path, store: Store | None = None) -> list[str]:
    """The problem lines validation reports for `folder`."""
    with pytest.raises(ImportValidationError) as info:
        validate_directory(folder, store)
    return info.value.problems


def test_unknown_column(tmp_path: Path) -> None:
    write(tmp_path, {"Person.csv": f"{PERSON_HEAD},nickname\nP1,Ann,Smith,Annie\n"})
    known = ", ".join(sorted(set(MODEL.labels["Person"].properties) - {"id"}))
    assert known.startswith("categories, date_of_birth, failed_to_appear, fictional, first_name")
    assert problems(tmp_path) == [
        f"Person.csv:1:nickname: unknown column for Person (known: {known})"
    ]


def test_unknown_column_suggests_the_close_one(tmp_path: Path) -> None:
    write(tmp_path, {"Area.csv": "id:ID(Area),name,hub_nme\nA1,North,\n"})
    assert problems(tmp_path) == [
        "Area.csv:1:hub_nme: unknown column for Area (known: hub_name, name, population); "
        "did you mean 'hub_name'?"
    ]


def test_missing_required_value_and_column(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Person.csv": f"{PERSON_HEAD}\nP1,Ann,Smith\nP2,Bob,\n",
            "Area.csv": "id:ID(Area),hub_name\nA1,North hub\n",
        },
    )
    assert problems(tmp_path) == [
        "Area.csv:1:name: required column is missing",
        "Person.csv:3:last_name: required value is missing",
    ]


def test_bad_date_number_and_boolean(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Offence.csv": "id:ID(Offence),offence_type,committed_on\nO1,ARSON,2023-02-30\n"
            "O2,ARSON,1/3/2023\n",
            "Area.csv": "id:ID(Area),name,population:int\nA1,North,x1\nA2,South,3.5\n",
            "Person.csv": f"{PERSON_HEAD},ogrs3:float,wanted:boolean\nP1,Ann,Smith,abc,yes\n",
        },
    )
    assert problems(tmp_path) == [
        "Area.csv:2:population:int: 'x1' is not a whole number",
        "Area.csv:3:population:int: '3.5' is not a whole number",
        "Offence.csv:2:committed_on: '2023-02-30' is not a date (expected YYYY-MM-DD)",
        "Offence.csv:3:committed_on: '1/3/2023' is not a date (expected YYYY-MM-DD)",
        "Person.csv:2:ogrs3:float: 'abc' is not a number",
        "Person.csv:2:wanted:boolean: 'yes' is not true or false",
    ]


def test_vocabulary_lists_codes_and_suggests_one(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Offence.csv": "id:ID(Offence),offence_type,committed_on,outcome\n"
            "O1,ARSON,2023-01-01,CONVICTED\n" + "\n" * 6 + "O9,ARSON,2023-01-01,CONVICTD\n",
            "Partner.csv": "id:ID(Partner),name,partner_type\nX1,Acme,CHARITY\n",
        },
    )
    assert problems(tmp_path) == [
        "Offence.csv:9:outcome: 'CONVICTD' is not one of UNDER_INVESTIGATION, "
        "OUTSTANDING_SUSPECT, CHARGED, CONVICTED, CAUTIONED, NO_FURTHER_ACTION, "
        "TAKEN_INTO_CONSIDERATION, PENALTY_NOTICE, CANNABIS_WARNING, COMMUNITY_RESOLUTION, "
        "RESTORATIVE_JUSTICE, DIVERSION, ... (15 in all); did you mean 'CONVICTED'?",
        "Partner.csv:2:partner_type: 'CHARITY' is not one of POLICE, PROBATION, PRISON, "
        "DRUGS_ALCOHOL_SERVICE, HOUSING, TRADING_STANDARDS, HMRC, DWP, DVLA, LOCAL_AUTHORITY, "
        "CHILDRENS_SERVICES, HEALTH, ... (15 in all)",
    ]


def test_config_vocabulary_comes_from_the_reference_tables(tmp_path: Path) -> None:
    write(
        tmp_path, {"Offence.csv": "id:ID(Offence),offence_type,committed_on\nO1,ARSN,2023-01-01\n"}
    )
    (line,) = problems(tmp_path)
    assert line.startswith("Offence.csv:2:offence_type: 'ARSN' is not one of HOMICIDE, RAPE, ")
    assert line.endswith("... (30 in all); did you mean 'ARSON'?")


def test_dangling_reference_checks_the_import_and_the_store(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "first", {"OCG.csv": "id:ID(OCG),name,threat\nOCG1,Red,FRAUD\n"})
    load_directory(store, tmp_path / "first", SYSTEM)
    write(
        tmp_path / "second",
        {
            "Person.csv": f"{PERSON_HEAD}\nP1,Ann,Smith\n",
            "MEMBER_OF.csv": ":START_ID(Person),:END_ID(OCG),role\nP1,OCG1,PRINCIPAL\n"
            "P1,OCG2,PRINCIPAL\nP1,OCG3,PRINCIPAL\nP1,OCG999,PRINCIPAL\nP7,OCG1,PERIPHERAL\n",
            "OCG.csv": "id:ID(OCG),name,threat\nOCG2,Blue,FRAUD\nOCG3,Green,FRAUD\n",
        },
    )
    assert problems(tmp_path / "second", store) == [
        "MEMBER_OF.csv:5::END_ID(OCG): 'OCG999' is not an OCG in this import or in the store",
        "MEMBER_OF.csv:6::START_ID(Person): 'P7' is not a Person in this import or in the store",
    ]


def test_duplicate_ids_in_one_file_and_across_files(tmp_path: Path) -> None:
    rows = "".join(f"P{i:06d},A,B\n" for i in range(1, 11))
    write(
        tmp_path,
        {
            "people/a.csv": f"{PERSON_HEAD}\n{rows}P000007,Dup,Licate\n",
            "people/b.csv": f"{PERSON_HEAD}\nP000002,Again,Here\n",
        },
    )
    assert problems(tmp_path) == [
        "people/a.csv:12:id:ID(Person): duplicate id 'P000007' (first on row 8)",
        "people/b.csv:2:id:ID(Person): duplicate id 'P000002' (first on row 3 of people/a.csv)",
    ]


def test_header_problems(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a_nodes.csv": "id:ID(Persn),first_name\nP1,Ann\n",
            "b_nodes.csv": "pid:ID(Person),first_name,last_name\nP1,Ann,Smith\n",
            "c_nodes.csv": "id:ID(Area),name,population:decimal,hub_name:int\nA1,N,1,x\n",
            "d_nodes.csv": "id:ID(AuditEvent),at\nE1,x\n",
            "notes.csv": "when,what\n2024-01-01,hello\n",
            "MEMBER_OFF.csv": ":START_ID(Person),:END_ID(OCG)\nP1,OCG1\n",
            "OWNS.csv": ":START_ID(Person),:END_ID(Household)\nP1,H1\n",
            "typed.csv": ":START_ID(Person),:END_ID(OCG),:TYPE,role\nP1,G1,MEMBER_OFF,X\n",
        },
    )
    labels = ", ".join(sorted(MODEL.labels))
    *found, typed = problems(tmp_path)
    assert found == [
        "MEMBER_OFF.csv:1::TYPE: no :TYPE column and the file name names no relationship type "
        "('MEMBER_OFF'); name the file after its type (e.g. MEMBER_OF.csv) or add a :TYPE "
        "column; did you mean 'MEMBER_OF'?",
        "OWNS.csv:1::START_ID(Person): OWNS cannot start at a Person (allowed: Officer)",
        "OWNS.csv:1::END_ID(Household): OWNS cannot end at a Household (allowed: OCG)",
        f"a_nodes.csv:1:id:ID(Persn): unknown label 'Persn' (known: {labels}); "
        "did you mean 'Person'?",
        "b_nodes.csv:1:pid:ID(Person): the id column must be called id:ID(Person)",
        "c_nodes.csv:1:population:decimal: unknown type 'decimal' (one of string, int, long, "
        "float, double, boolean, date, string[])",
        "c_nodes.csv:1:hub_name:int: hub_name is a string in the model, not int",
        "d_nodes.csv:1:id:ID(AuditEvent): AuditEvent records are written by iom itself, "
        "not imported",
        "notes.csv:1:: neither a node file (no id:ID(Label) column) nor a relationship file "
        "(no :START_ID(Label) and :END_ID(Label) columns)",
    ]
    assert typed.startswith(
        "typed.csv:2::TYPE: 'MEMBER_OFF' is not a relationship type; known: "
        f"{sorted(MODEL.relationships)[0]}, "
    )
    assert typed.endswith(f"... ({len(MODEL.relationships)} in all); did you mean 'MEMBER_OF'?")


def test_label_column_allows_only_the_labels_extra_labels(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Person.csv": f"{PERSON_HEAD},:LABEL\nP1,Ann,Smith,Nominal;Offender\n"
            "P2,Bob,Jones,Nominl\nP3,Cy,Doe,OCG\n",
        },
    )
    allowed = "(allowed: Person, Nominal, Offender, Victim, Witness)"
    assert problems(tmp_path) == [
        f"Person.csv:3::LABEL: 'Nominl' is not a label a Person may carry {allowed}; "
        "did you mean 'Nominal'?",
        f"Person.csv:4::LABEL: 'OCG' is not a label a Person may carry {allowed}",
    ]


def test_rows_with_more_or_fewer_cells_than_the_header(tmp_path: Path) -> None:
    write(tmp_path, {"Person.csv": f"{PERSON_HEAD}\nP1,Ann\nP2,Bob,Jones,extra\nP3,Cy,Doe\n"})
    assert problems(tmp_path) == [
        "Person.csv:2:: the row has 2 cells but the header has 3",
        "Person.csv:3:: the row has 4 cells but the header has 3",
    ]


def test_missing_or_empty_directory(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope") == [f"{tmp_path / 'nope'}: no such directory"]
    (tmp_path / "README.md").write_text("no csv here")
    assert problems(tmp_path) == [f"{tmp_path}: no .csv files found"]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "Person.csv").write_bytes(f"{PERSON_HEAD}\nP1,Ren\xe9e,Smith\n".encode("latin-1"))
    assert problems(tmp_path) == [
        "Person.csv:2:: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    ]


def test_rows_are_numbered_as_in_a_spreadsheet_with_bom_blank_lines_and_multiline_cells(
    tmp_path: Path,
) -> None:
    # Header row 1, Ann (one row, two lines) row 2, the blank line row 3, Bob row 4.
    text = f'\ufeff{PERSON_HEAD}\nP1,"Ann\nMarie",Smith\n\nP2,Bob,\n'
    write(tmp_path, {"Person.csv": text})
    assert problems(tmp_path) == ["Person.csv:4:last_name: required value is missing"]


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "nodes/Person.csv": f"{PERSON_HEAD},gender\nP1,Ann,,FEMALE\nP2,Bob,Jones,MAN\n",
            "nodes/OCG.csv": "id:ID(OCG),name,threat,mapped_on\nG1,Red,FRAUD,2024-13-01\n",
            "rels/MEMBER_OF.csv": ":START_ID(Person),:END_ID(OCG),role\nP1,G2,BOSS\n",
        },
    )
    found = problems(tmp_path)
    assert [line.split(": ", 1)[0] for line in found] == [
        "nodes/OCG.csv:2:mapped_on",
        "nodes/Person.csv:2:last_name",
        "nodes/Person.csv:3:gender",
        "rels/MEMBER_OF.csv:2:role",
        "rels/MEMBER_OF.csv:2::END_ID(OCG)",
    ]


def test_output_stops_after_200_problems(tmp_path: Path) -> None:
    rows = "".join(f"P{i},Ann,\n" for i in range(250))
    write(tmp_path, {"Person.csv": f"{PERSON_HEAD}\n{rows}"})
    found = problems(tmp_path)
    assert len(found) == 201
    assert found[0] == "Person.csv:2:last_name: required value is missing"
    assert found[-1] == "... and 50 more; fix these first"


def test_failed_validation_leaves_the_store_untouched(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "good", {"Person.csv": f"{PERSON_HEAD}\nP1,Ann,Smith\n"})
    load_directory(store, tmp_path / "good", SYSTEM)
    before = count_graph(store)
    write(
        tmp_path / "bad",
        {"Person.csv": f"{PERSON_HEAD}\nP1,Ann,Jones\nP2,Bob,\n", "OCG.csv": "id:ID(OCG),name\n"},
    )
    with pytest.raises(ImportValidationError) as info:
        load_directory(store, tmp_path / "bad", SYSTEM)
    assert info.value.problems == [
        "OCG.csv:1:threat: required column is missing",
        "Person.csv:3:last_name: required value is missing",
    ]
    assert count_graph(store) == before
