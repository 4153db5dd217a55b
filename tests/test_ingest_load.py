"""Loading an import: typed round trip, idempotent reloads, change history, rollback, audit."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from csv_files import write_texts as write
from iom.errors import StoreError
from iom.ingest import count_graph, load_directory, record_history
from iom.ingest import load as load_module
from iom.security.access import SYSTEM, Actor
from iom.security.audit import recent_events
from iom.security.history import current
from iom.store import Store, Transaction

ANALYST = Actor(user="a.analyst", role="ANALYST", purpose="test import")

FILES = {
    "nodes/Person.csv": (
        "id:ID(Person),:LABEL,first_name,last_name,date_of_birth,ogrs3:float,wanted:boolean,"
        "categories:string[]\n"
        "P1,Nominal;Offender,Ann,Smith,1990-01-02,41.5,true,SUSPECT;CONVICTED\n"
        "P2,,Bob,Jones,,,false,\n"
        "P3,Victim,Cy,Doe,1985-05-06,,,VICTIM\n"
    ),
    "nodes/OCG.csv": "id:ID(OCG),name,threat,band\nG1,Red,ILLEGAL_DRUGS,1A\nG2,Blue,FRAUD,\n",
    "nodes/Area.csv": "id:ID(Area),name,population:int\nA1,North,120000\n",
    "relationships/MEMBER_OF.csv": (
        ":START_ID(Person),:END_ID(OCG),role,since:date\n"
        "P1,G1,PRINCIPAL,2020-01-01\nP2,G1,PERIPHERAL,\nP2,G2,SIGNIFICANT,\n"
    ),
    "relationships/OPERATES_IN.csv": ":START_ID(OCG),:END_ID(Area)\nG1,A1\nG2,A1\n",
    "relationships/family.csv": (
        ":START_ID(Person),:END_ID(Person),:TYPE,relation\nP3,P1,RELATED_TO,SIBLING\n"
    ),
}


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The small import above."""
    return write(tmp_path / "import", FILES)


def test_round_trip_keeps_types_labels_and_relationships(store: Store, seed: Path) -> None:
    report = load_directory(store, seed, SYSTEM)
    counts = count_graph(store)
    assert counts.labels == {
        "Area": 1, "Nominal": 1, "OCG": 2, "Offender": 1, "Person": 3, "Victim": 1,
    }  # fmt: skip
    assert counts.relationships == {"MEMBER_OF": 3, "OPERATES_IN": 2, "RELATED_TO": 1}
    assert counts.system == {"AuditEvent": 1}
    props, labels = current(store, "Person", ["P1"])["P1"]
    assert props == {
        "id": "P1",
        "first_name": "Ann",
        "last_name": "Smith",
        "date_of_birth": "1990-01-02",
        "ogrs3": 41.5,
        "wanted": True,
        "categories": ["SUSPECT", "CONVICTED"],
    }
    assert sorted(labels) == ["Nominal", "Offender", "Person"]
    assert current(store, "Person", ["P2"])["P2"][0] == {
        "id": "P2", "first_name": "Bob", "last_name": "Jones", "wanted": False,
    }  # fmt: skip
    assert current(store, "Area", ["A1"])["A1"][0]["population"] == 120000
    assert report.nodes["Person"].new == 3 and report.relationships["MEMBER_OF"] == 3
    assert report.extra_labels == {"Nominal": 1, "Offender": 1, "Victim": 1}
    assert report.files[:3] == ["nodes/Area.csv", "nodes/OCG.csv", "nodes/Person.csv"]


def test_reloading_the_same_files_changes_nothing(store: Store, seed: Path) -> None:
    load_directory(store, seed, SYSTEM)
    first = count_graph(store)
    report = load_directory(store, seed, SYSTEM)
    second = count_graph(store)
    assert second.labels == first.labels and second.relationships == first.relationships
    assert second.system == {"AuditEvent": 2}  # a second COLLECTION event, no Change nodes
    assert report.changes == 0 and report.extra_labels == {}
    assert report.nodes["Person"].unchanged == 3 and report.nodes["Person"].new == 0


def test_a_changed_value_writes_one_change_with_before_after_and_who(
    store: Store, seed: Path
) -> None:
    load_directory(store, seed, SYSTEM)
    people = FILES["nodes/Person.csv"].replace(",41.5,true,", ",44.0,false,")
    write(seed, {"nodes/Person.csv": people})
    report = load_directory(store, seed, ANALYST)
    assert report.changes == 1 and report.nodes["Person"].changed == 1
    assert count_graph(store).system == {"AuditEvent": 3, "Change": 1}
    alteration = [e for e in recent_events(store, SYSTEM, "P1") if e["operation"] == "ALTERATION"]
    assert len(alteration) == 1 and alteration[0]["user"] == "a.analyst"
    assert alteration[0]["subject_ids"] == ["P1"]
    (change,) = record_history(store, SYSTEM, "Person", "P1")
    assert change["user"] == "a.analyst" and change["label"] == "Person"
    assert change["before"] == {"ogrs3": 41.5, "wanted": True}
    assert change["after"] == {"ogrs3": 44.0, "wanted": False}
    assert current(store, "Person", ["P1"])["P1"][0]["ogrs3"] == 44.0


def test_a_failure_part_way_leaves_the_store_as_it_was(
    store: Store, seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_directory(store, seed, SYSTEM)
    before = count_graph(store)
    write(
        seed,
        {
            "nodes/Person.csv": FILES["nodes/Person.csv"] + "P4,,Di,New,,,,\n",
            "relationships/MEMBER_OF.csv": FILES["relationships/MEMBER_OF.csv"]
            + "P4,G2,PERIPHERAL,\n",
        },
    )
    write(seed, {"nodes/OCG.csv": FILES["nodes/OCG.csv"].replace("Blue", "Indigo")})
    real = Transaction.run_batches
    calls: list[str] = []

    def failing(self: Transaction, name: str, rows: Sequence[Any], **kw: Any) -> list:
        if name == "ingest/merge_relationships":
            calls.append(name)
            if len(calls) == 2:
                raise StoreError("the store went away")
        return real(self, name, rows, **kw)

    monkeypatch.setattr(Transaction, "run_batches", failing)
    with pytest.raises(StoreError, match="went away"):
        load_directory(store, seed, SYSTEM)
    assert count_graph(store) == before
    assert "P4" not in current(store, "Person", ["P4"])
    assert current(store, "OCG", ["G2"])["G2"][0]["name"] == "Blue"


def test_a_failure_on_an_empty_store_leaves_it_empty(
    store: Store, seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(self: Transaction, name: str, rows: Sequence[Any], **kw: Any) -> list:
        raise StoreError("the store went away")

    monkeypatch.setattr(Transaction, "run_batches", failing)
    with pytest.raises(StoreError):
        load_directory(store, seed, SYSTEM)
    counts = count_graph(store)
    assert counts.labels == {} and counts.relationships == {} and counts.system == {}


def test_dry_run_writes_nothing_and_says_what_it_would_write(store: Store, seed: Path) -> None:
    report = load_directory(store, seed, SYSTEM, dry_run=True)
    counts = count_graph(store)
    assert counts.labels == {} and counts.system == {}
    assert report.dry_run and report.audit_event is None
    assert report.nodes["Person"].rows == 3 and report.nodes["Person"].new == 3
    assert report.relationships == {"MEMBER_OF": 3, "OPERATES_IN": 2, "RELATED_TO": 1}


def test_collection_is_audited_with_the_people_touched(store: Store, seed: Path) -> None:
    report = load_directory(store, seed, ANALYST)
    (event,) = store.read("security/audit/recent_events", {"subject_id": None, "limit": 5})
    assert event["id"] == report.audit_event
    assert event["operation"] == "COLLECTION" and event["user"] == "a.analyst"
    assert event["subject_ids"] == ["P1", "P2", "P3"]
    assert event["detail"].startswith(
        f"loaded nodes/Area.csv, nodes/OCG.csv, nodes/Person.csv, relationships/MEMBER_OF.csv, "
        f"relationships/OPERATES_IN.csv, relationships/family.csv from {seed}: Area 1, OCG 2, "
        "Person 3, MEMBER_OF 3, OPERATES_IN 2, RELATED_TO 1; 3 Person records touched"
    )


def test_audit_subjects_are_capped_and_the_total_kept(
    store: Store, seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load_module, "SUBJECT_LIMIT", 2)
    load_directory(store, seed, SYSTEM)
    (event,) = store.read("security/audit/recent_events", {"subject_id": None, "limit": 5})
    assert event["subject_ids"] == ["P1", "P2"]
    assert event["detail"].endswith("; 3 Person records touched (the first 2 listed)")


def test_progress_reports_each_file_and_batches(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load_module, "BATCH_SIZE", 2)
    rows = "".join(f"P{i},A,B\n" for i in range(5))
    write(tmp_path, {"Person.csv": f"id:ID(Person),first_name,last_name\n{rows}"})
    lines: list[str] = []
    load_directory(store, tmp_path, SYSTEM, progress=lines.append)
    assert lines == [
        "Person.csv: 5 rows checked",
        "Person.csv: 2/5",
        "Person.csv: 4/5",
        "Person.csv: 5/5",
        "Person.csv: 5 rows",
    ]


def test_a_reload_adds_a_new_extra_label_to_an_existing_record(store: Store, seed: Path) -> None:
    load_directory(store, seed, SYSTEM)
    people = FILES["nodes/Person.csv"].replace("P2,,Bob", "P2,Witness,Bob")
    write(seed, {"nodes/Person.csv": people})
    report = load_directory(store, seed, ANALYST)
    assert report.extra_labels == {"Witness": 1}
    _, labels = current(store, "Person", ["P2"])["P2"]
    assert sorted(labels) == ["Person", "Witness"]
    assert count_graph(store).labels["Person"] == 3  # still three records, none duplicated
