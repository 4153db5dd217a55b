"""Reloads: `<unknown>` clears a stored value, and relationship property changes are history."""

from __future__ import annotations

from pathlib import Path

import pytest

from csv_files import write_import
from iom.errors import ImportValidationError
from iom.ingest import load_directory
from iom.security.access import SYSTEM
from iom.security.history import record_history
from iom.store import Store

PEOPLE = ["id:ID(Person)", "first_name", "last_name", "ogrs3:float", "pnc_id"]


def _load(store: Store, folder: Path, files: dict) -> None:
    load_directory(store, write_import(folder, files), SYSTEM)


def _person(store: Store) -> dict:
    return store.read("people/details", {"id": "P1"})[0]["details"]


def test_unknown_clears_a_value_and_an_empty_cell_keeps_it(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path / "a", {"Person.csv": [PEOPLE, ["P1", "Ann", "Smith", "41.5", "90/1A"]]})
    _load(store, tmp_path / "b", {"Person.csv": [PEOPLE, ["P1", "Ann", "Smith", "", "90/1A"]]})
    assert _person(store)["ogrs3"] == 41.5  # empty: not recorded in this file, kept
    _load(
        store,
        tmp_path / "c",
        {"Person.csv": [PEOPLE, ["P1", "Ann", "Smith", "<unknown>", "90/1A"]]},
    )
    assert "ogrs3" not in _person(store)
    history = record_history(store, SYSTEM, "Person", "P1")
    assert [(h["before"], h["after"]) for h in history] == [({"ogrs3": 41.5}, {"ogrs3": None})]
    _load(
        store,
        tmp_path / "d",
        {"Person.csv": [PEOPLE, ["P1", "Ann", "Smith", "<unknown>", "90/1A"]]},
    )
    assert len(record_history(store, SYSTEM, "Person", "P1")) == 1  # clearing again: no change


def test_unknown_on_a_new_record_or_a_required_column(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path / "a", {"Person.csv": [PEOPLE, ["P1", "Ann", "Smith", "<unknown>", ""]]})
    assert "ogrs3" not in _person(store)
    with pytest.raises(ImportValidationError) as caught:
        _load(store, tmp_path / "b", {"Person.csv": [PEOPLE, ["P1", "Ann", "<unknown>", "", ""]]})
    assert caught.value.problems == [
        "Person.csv:2:last_name: a required value cannot be cleared with <unknown>"
    ]


def test_relationship_property_changes_are_kept(store: Store, tmp_path: Path) -> None:
    base = {
        "Person.csv": [PEOPLE, ["P1", "Ann", "Smith", "", ""]],
        "OCG.csv": [["id:ID(OCG)", "name", "threat"], ["G1", "Red", "FRAUD"]],
    }
    member = [":START_ID(Person)", ":END_ID(OCG)", ":TYPE", "role", "since:date"]
    _load(
        store,
        tmp_path / "a",
        {**base, "MEMBER_OF.csv": [member, ["P1", "G1", "MEMBER_OF", "PRINCIPAL", "2022-01-01"]]},
    )
    assert record_history(store, SYSTEM, "MEMBER_OF", "P1->G1") == []
    _load(
        store,
        tmp_path / "b",
        {"MEMBER_OF.csv": [member, ["P1", "G1", "MEMBER_OF", "SIGNIFICANT", "<unknown>"]]},
    )
    history = record_history(store, SYSTEM, "MEMBER_OF", "P1->G1")
    assert [(h["before"], h["after"]) for h in history] == [
        ({"role": "PRINCIPAL", "since": "2022-01-01"}, {"role": "SIGNIFICANT", "since": None})
    ]
    rows = store.read("people/ocgs", {"id": "P1"})
    assert rows[0]["role"] == "SIGNIFICANT" and rows[0].get("since") is None
