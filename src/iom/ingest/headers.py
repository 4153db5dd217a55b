"""neo4j-admin import headers: what each column of a node or relationship file holds.

>>> h = parse_header("MEMBER_OF.csv", [":START_ID(Person)", ":END_ID(OCG)", "since:date"])
>>> h.kind, h.start.label, h.end.label, h.stem_type, h.problems
('relationship', 'Person', 'OCG', 'MEMBER_OF', [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath

from iom.ingest.problems import Problem
from iom.ingest.values import HEADER_TYPES, suggest
from iom.model import MODEL, Model, Property

__all__ = ["Column", "FileHeader", "check_columns", "parse_header"]

_KEYED_RE = re.compile(r"^(?P<name>[^:]*):(?P<kind>ID|START_ID|END_ID)(?:\((?P<label>[^)]*)\))?$")
_PROP_RE = re.compile(r"^(?P<name>[^:]+)(?::(?P<type>.+))?$")
NODE, RELATIONSHIP = "node", "relationship"


@dataclass(frozen=True)
class Column:
    """One header cell: its position, the text as written, and what it holds."""

    index: int
    header: str
    kind: str  # "id", "start", "end", "label", "type" or "property"
    name: str = ""  # the property name for "property" columns
    label: str = ""  # the record label for "id", "start" and "end" columns
    declared: str | None = None  # the model type a ":type" suffix names


@dataclass
class FileHeader:
    """A file's header read as neo4j-admin import does, with the problems found in it.

    The column views (`id`, `start`, `properties`...) are computed once, after parsing.
    """

    path: str
    columns: list[Column]
    width: int = 0
    kind: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def _one(self, kind: str) -> Column | None:
        return next((c for c in self.columns if c.kind == kind), None)

    @cached_property
    def columns_by_index(self) -> dict[int, Column]:
        """The columns read, by position in the row."""
        return {c.index: c for c in self.columns}

    @cached_property
    def id(self) -> Column | None:
        """The `id:ID(Label)` column of a node file."""
        return self._one("id")

    @cached_property
    def label_column(self) -> Column | None:
        """The optional `:LABEL` column."""
        return self._one("label")

    @cached_property
    def start(self) -> Column | None:
        """The `:START_ID(Label)` column."""
        return self._one("start")

    @cached_property
    def end(self) -> Column | None:
        """The `:END_ID(Label)` column."""
        return self._one("end")

    @cached_property
    def type_column(self) -> Column | None:
        """The optional `:TYPE` column."""
        return self._one("type")

    @property
    def stem_type(self) -> str:
        """The relationship type named by the file: its stem up to the first `__`."""
        return PurePosixPath(self.path).stem.split("__", 1)[0]

    @cached_property
    def properties(self) -> list[Column]:
        """The property columns."""
        return [c for c in self.columns if c.kind == "property"]

    def problem(self, field_: str, message: str, row: int = 1) -> None:
        """Record a problem with this file (at the header unless `row` says otherwise)."""
        self.problems.append(Problem(self.path, row, field_, message))


def _column(index: int, text: str, header: FileHeader, model: Model) -> Column | None:
    if text in (":LABEL", ":TYPE"):
        return Column(index, text, text[1:].lower())
    keyed = _KEYED_RE.match(text)
    if keyed:
        kind = {"ID": "id", "START_ID": "start", "END_ID": "end"}[keyed["kind"]]
        label = keyed["label"] or ""
        example = f"{'id' if kind == 'id' else ''}:{keyed['kind']}(Person)"
        if not label:
            header.problem(text, f"name the label of the records, e.g. {example}")
            return None
        if kind == "id" and keyed["name"] != "id":
            header.problem(text, f"the id column must be called id:ID({label})")
            return None
        if kind != "id" and keyed["name"]:
            header.problem(text, f"write this column as :{keyed['kind']}({label})")
            return None
        if label in model.system_labels:
            header.problem(text, f"{label} records are written by iom itself, not imported")
            return None
        if label not in model.labels:
            known = ", ".join(sorted(model.labels))
            close = suggest(label, model.labels)
            hint = f"; did you mean {close!r}?" if close else ""
            header.problem(text, f"unknown label {label!r} (known: {known}){hint}")
            return None
        return Column(index, text, kind, label=label)
    prop = _PROP_RE.match(text)
    if not prop or text.startswith(":"):
        header.problem(text or f"(column {index + 1})", "not a column header neo4j-admin reads")
        return None
    declared = prop["type"]
    if declared is not None and declared not in HEADER_TYPES:
        known = ", ".join(HEADER_TYPES)
        header.problem(text, f"unknown type {declared!r} (one of {known})")
        return None
    return Column(index, text, "property", prop["name"], declared=HEADER_TYPES.get(declared or ""))


def parse_header(path: str, cells: list[str], model: Model = MODEL) -> FileHeader:
    """Read a header row: the kind of file, its columns and any problems with them."""
    header = FileHeader(path, [], width=len(cells))
    seen: dict[str, int] = {}
    tried: set[str] = set()  # ID, START_ID, END_ID: written, even if written wrongly
    for index, text in enumerate(cells):
        text = text.strip()
        keyed = _KEYED_RE.match(text)
        if keyed:
            tried.add(keyed["kind"])
        if text in seen:
            header.problem(text, f"column appears twice (also column {seen[text] + 1})")
            continue
        seen[text] = index
        column = _column(index, text, header, model)
        if column is None:
            continue
        if column.kind != "property" and any(c.kind == column.kind for c in header.columns):
            header.problem(text, f"a file has one {_KINDS[column.kind]} column")
            continue
        header.columns.append(column)
    kinds = {c.kind for c in header.columns}
    if "ID" in tried:
        header.kind = NODE if "id" in kinds else None
        for kind in ("start", "end", "type"):
            if kind in kinds:
                header.problem(_header_of(header, kind), "a node file has no such column")
    elif {"START_ID", "END_ID"} & tried:
        header.kind = RELATIONSHIP
        for kind, text in (("START_ID", ":START_ID(Label)"), ("END_ID", ":END_ID(Label)")):
            if kind not in tried:
                header.problem(text, "required column is missing")
        if "label" in kinds:
            header.problem(":LABEL", "a relationship file has no such column")
    elif not header.problems:
        header.problem(
            "",
            "neither a node file (no id:ID(Label) column) "
            "nor a relationship file (no :START_ID(Label) and :END_ID(Label) columns)",
        )
    return header


_KINDS = {"id": "id:ID", "start": ":START_ID", "end": ":END_ID", "label": ":LABEL", "type": ":TYPE"}


def _header_of(header: FileHeader, kind: str) -> str:
    return next(c.header for c in header.columns if c.kind == kind)


def check_columns(
    header: FileHeader,
    owner: str,
    properties: dict[str, Property],
    row: int = 1,
    for_rows: str = "",
) -> tuple[dict[int, Property], dict[int, str]]:
    """Match property columns to `owner`'s properties: (usable by position, unknown ones).

    Columns whose suffix contradicts the model and required columns that are missing are
    recorded as problems; an unknown column comes back with its message for the caller.
    """
    usable: dict[int, Property] = {}
    unknown: dict[int, str] = {}
    named = {c.name for c in header.properties}
    known = sorted(n for n in properties if n != "id")
    for column in header.properties:
        prop = properties.get(column.name)
        if prop is None or column.name == "id":
            close = suggest(column.name, known)
            hint = f"; did you mean {close!r}?" if close else ""
            listed = ", ".join(known) or "none"
            unknown[column.index] = f"unknown column for {owner} (known: {listed}){hint}"
        elif column.declared is not None and column.declared != prop.type:
            written = column.header.split(":", 1)[1]
            header.problem(
                column.header, f"{prop.name} is {_a(prop.type)} in the model, not {written}", row
            )
        else:
            usable[column.index] = prop
    for prop in properties.values():
        if prop.required and prop.name != "id" and prop.name not in named:
            header.problem(prop.name, "required column is missing" + for_rows, row)
    return usable, unknown


def _a(type_name: str) -> str:
    words = {"string[]": "list of strings", "bool": "boolean", "int": "whole number"}
    word = words.get(type_name, type_name)
    return ("an " if word[0] in "aeiou" else "a ") + word
