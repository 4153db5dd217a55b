"""The standing corpus of hostile input (tests/hostile/): every refused import gives its exact
messages and leaves the store unchanged; hostile text is stored verbatim and shown harmlessly.
"""

from __future__ import annotations

import csv
import json
import os
import re
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hostile.cases import AS_OF, HOSTILE_TEXT, REFUSED, TEXT_FIELDS, Refused
from iom.errors import ImportValidationError
from iom.ingest import count_graph, load_directory
from iom.reference import load_reference
from iom.security.access import SYSTEM
from iom.security.history import current
from iom.settings import Settings
from iom.store import Store, open_store
from iom.text import escape, terminal

EXPECTED = json.loads((Path(__file__).parent / "hostile" / "expected.json").read_text())
REF = load_reference()
BASELINE = {
    "Person.csv": "id:ID(Person),first_name,last_name\nP1,Ann,Smith\n",
    "OCG.csv": "id:ID(OCG),name,threat\nG1,Red,FRAUD\n",
}


def _write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="")
    return folder


@pytest.fixture(scope="module")
def corpus_store(
    warm_server: Store, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """A graph holding a small baseline force, plus every hostile text case loaded once."""
    store = open_store(settings.with_graph(f"c{uuid.uuid4().hex[:12]}"))
    load_directory(store, _write(tmp_path_factory.mktemp("base"), BASELINE), SYSTEM)
    load_directory(store, _text_import(tmp_path_factory.mktemp("text")), SYSTEM, reference=REF)
    yield store
    store.drop_graph()  # type: ignore[attr-defined]
    store.close()


def _stable(messages: list[str]) -> list[str]:
    """Messages with the model's lists of known names elided (they grow as the model does)."""
    out = []
    for message in messages:
        message = re.sub(r"\(known: [^)]*\)", "(known: …)", message)
        message = re.sub(r"known: [A-Z_, ]+, \.\.\. \(\d+ in all\)", "known: …", message)
        out.append(message)
    return out


def test_the_corpus_is_large_and_every_case_has_its_expectation() -> None:
    assert len(REFUSED) + len(HOSTILE_TEXT) * len(TEXT_FIELDS) >= 150
    assert sorted(EXPECTED) == sorted(case.name for case in REFUSED)


@pytest.mark.parametrize("case", REFUSED, ids=[re.sub(r"\W", "_", c.name) for c in REFUSED])
def test_refused_with_its_exact_messages_and_the_store_unchanged(
    case: Refused, corpus_store: Store, tmp_path: Path
) -> None:
    before = count_graph(corpus_store).as_dict()
    folder = _write(tmp_path / "import", case.files)
    with pytest.raises(ImportValidationError) as caught:
        load_directory(corpus_store, folder, SYSTEM, reference=REF, as_of=date.fromisoformat(AS_OF))
    assert _stable(caught.value.problems) == _stable(EXPECTED[case.name])
    if case.messages:  # written out in cases.py too
        assert caught.value.problems == list(case.messages)
    assert count_graph(corpus_store).as_dict() == before


# -- path tricks ------------------------------------------------------------------------------


def _no_csv(root: Path) -> tuple[Path, str]:
    (root / "empty").mkdir()
    return root / "empty", f"{root / 'empty'}: no .csv files found"


def _hidden_only(root: Path) -> tuple[Path, str]:
    _write(root / "in", {".git/Person.csv": BASELINE["Person.csv"]})
    return root / "in", f"{root / 'in'}: no .csv files found"


def _a_file(root: Path) -> tuple[Path, str]:
    path = root / "Person.csv"
    path.write_text(BASELINE["Person.csv"])
    return path, f"{path}: not a directory"


def _missing(root: Path) -> tuple[Path, str]:
    return root / "nope", f"{root / 'nope'}: no such directory"


def _symlink_out(root: Path) -> tuple[Path, str]:
    outside = root / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (root / "in").mkdir()
    os.symlink(outside, root / "in" / "Person.csv")
    return root / "in", "Person.csv:1:: is a link to a file outside the import folder; copy it in"


def _dir_named_csv(root: Path) -> tuple[Path, str]:
    (root / "in" / "Person.csv").mkdir(parents=True)
    return root / "in", f"{root / 'in'}: no .csv files found"


@pytest.mark.parametrize(
    "make", [_no_csv, _hidden_only, _a_file, _missing, _symlink_out, _dir_named_csv]
)
def test_path_tricks_are_refused(make, corpus_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = count_graph(corpus_store).as_dict()
    path, message = make(tmp_path)
    with pytest.raises(ImportValidationError) as caught:
        load_directory(corpus_store, path, SYSTEM, reference=REF)
    assert caught.value.problems == [message]
    assert count_graph(corpus_store).as_dict() == before


# -- hostile text: stored verbatim, shown harmlessly --------------------------------------------


def _text_rows() -> list[tuple[str, str, str, str]]:
    """(field, case, record id, value) for every hostile string in every text field."""
    rows = []
    for field in TEXT_FIELDS:
        for n, (case, value) in enumerate(HOSTILE_TEXT.items()):
            rows.append((field, case, f"T-{field.split('.')[1][:6]}-{n}", value))
    return rows


def _text_import(folder: Path) -> Path:
    """One import holding every hostile string in its field (the rest of the row ordinary)."""
    tables: dict[str, list[list[str]]] = {
        "Person.csv": [["id:ID(Person)", "first_name", "last_name"]],
        "OCG.csv": [["id:ID(OCG)", "name", "threat"]],
        "Household.csv": [["id:ID(Household)", "address", "high_impact", "high_impact_reason"]],
        "Area.csv": [["id:ID(Area)", "name"]],
    }
    for field, _, record, value in _text_rows():
        row = {
            "Person.first_name": [record, value, "x"],
            "Person.last_name": [record, "x", value],
            "OCG.name": [record, value, "FRAUD"],
            "Household.address": [record, value, "true", "x"],
            "Household.high_impact_reason": [record, "x", "true", value],
            "Area.name": [record, value],
        }[field]
        tables[TEXT_FIELDS[field][0]].append(row)
    for name, rows in tables.items():
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    return folder


LIVE = ("![", "](", "<script", "<img", "\x1b", "\x07", "\u202e")


@pytest.mark.parametrize(("field", "case", "record", "value"), _text_rows(),
                         ids=[f"{f}-{c}" for f, c, _, _ in _text_rows()])  # fmt: skip
def test_hostile_text_is_stored_verbatim_and_shown_harmlessly(
    corpus_store: Store, field: str, case: str, record: str, value: str
) -> None:
    _, label, prop = TEXT_FIELDS[field]
    props, _ = current(corpus_store, label, [record])[record]
    assert props[prop] == value  # stored exactly, nothing run, nothing lost
    shown = re.sub(r"\\.", "", escape(value))  # what Markdown would treat as live
    assert not any(live in shown for live in LIVE)
    assert "\n" not in escape(value)
    printed = terminal(value)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", printed)
