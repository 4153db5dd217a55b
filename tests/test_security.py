"""Reading the change history or the audit trail is itself a consultation, audited with who."""

from __future__ import annotations

from pathlib import Path

from csv_files import write_texts
from iom.ingest import load_directory
from iom.security.access import SYSTEM, Actor
from iom.security.audit import recent_events
from iom.security.history import record_history
from iom.store import Store

AUDITOR = Actor(user="d.auditor", role="IOM_SUPERVISOR", purpose="checking who changed P1")
PEOPLE = "id:ID(Person),first_name,last_name\nP1,Ann,Smith\nP2,Bob,Jones\n"


def _consultations(store: Store) -> list[dict]:
    rows = store.read("security/audit/recent_events", {"subject_id": None, "limit": 50})
    return [r for r in rows if r["operation"] == "CONSULTATION"]


def test_reading_a_change_history_is_audited(store: Store, tmp_path: Path) -> None:
    load_directory(store, write_texts(tmp_path / "a", {"nodes/Person.csv": PEOPLE}), SYSTEM)
    changed = PEOPLE.replace("Ann,Smith", "Ann,Smyth")
    load_directory(store, write_texts(tmp_path / "b", {"nodes/Person.csv": changed}), SYSTEM)
    (change,) = record_history(store, AUDITOR, "Person", "P1")
    assert change["after"] == {"last_name": "Smyth"}
    (event,) = _consultations(store)
    assert (event["user"], event["purpose"]) == ("d.auditor", "checking who changed P1")
    assert event["subject_ids"] == ["P1"] and event["detail"] == "change history of Person P1"


def test_reading_the_audit_trail_is_audited(store: Store, tmp_path: Path) -> None:
    load_directory(store, write_texts(tmp_path / "a", {"nodes/Person.csv": PEOPLE}), SYSTEM)
    (collection,) = recent_events(store, AUDITOR, "P2")
    assert collection["operation"] == "COLLECTION"
    (event,) = _consultations(store)
    assert event["user"] == "d.auditor" and event["detail"] == "audit trail of P2"
    assert set(event["subject_ids"]) == {"P1", "P2"}  # the ids the events shown name
