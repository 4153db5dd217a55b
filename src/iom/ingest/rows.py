"""Row checks: typed values, required cells, ids, extra labels, relationship ends and types."""

from __future__ import annotations

from datetime import date
from typing import Any

from iom.ingest.headers import Column, FileHeader, check_columns
from iom.ingest.problems import Problems, article
from iom.ingest.values import (
    NUL,
    CellError,
    Vocabularies,
    check_bounds,
    invisible_only,
    one_of,
    parse_cell,
    suggest,
)
from iom.model import Model, Property

__all__ = ["RowChecker"]

MISSING = "required value is missing"
INVISIBLE = "required value is missing (the cell holds only invisible characters)"
UNKNOWN = "<unknown>"  # a cell saying "this is now unknown": a reload clears the stored value
NOT_CLEARABLE = f"a required value cannot be cleared with {UNKNOWN}"
Schema = tuple[dict[int, Property], dict[int, str]]


class RowChecker:
    """Checks rows one by one, remembering ids seen and references still to resolve."""

    def __init__(
        self, model: Model, vocabs: Vocabularies, problems: Problems, as_of: date | None = None
    ) -> None:
        self.model = model
        self.as_of = as_of or date.today()
        self.vocabs = vocabs
        self.problems = problems
        self.ids: dict[str, dict[str, tuple[str, int]]] = {}
        self.pending: dict[str, list[tuple[str, int, str, str]]] = {}
        self._rels: dict[tuple[str, ...], tuple[str, int, dict[str, Any]]] = {}
        self._schemas: dict[tuple[str, str], Schema | None] = {}
        self._reported: set[tuple[str, str, int]] = set()

    def columns(
        self, header: FileHeader, owner: str, props: dict[str, Property], for_rows: str = ""
    ) -> Schema:
        """The usable and unknown property columns of `header` for `owner`."""
        return check_columns(header, owner, props, for_rows=for_rows)

    # -- cells -----------------------------------------------------------------
    def _width(self, header: FileHeader, line: int, cells: list[str]) -> bool:
        if len(cells) == header.width:
            return True
        self.problems.add(
            header.path,
            line,
            "",
            f"the row has {len(cells)} cells but the header has {header.width}",
        )
        return False

    def _props(
        self, header: FileHeader, line: int, cells: list[str], usable: dict[int, Property]
    ) -> tuple[dict[str, Any], bool]:
        props: dict[str, Any] = {}
        ok = True
        by_index = header.columns_by_index
        for index, prop in usable.items():
            text, field = cells[index], by_index[index].header
            value: Any = None
            if text.strip() == UNKNOWN:
                if prop.required:
                    self.problems.add(header.path, line, field, NOT_CLEARABLE)
                    ok = False
                else:
                    props[prop.name] = None  # clears the stored value on reload
                continue
            if text.strip() and not invisible_only(text):
                try:
                    value = parse_cell(prop, text, self.vocabs)
                    check_bounds(prop, value, text.strip(), self.as_of)
                except CellError as e:
                    self.problems.add(header.path, line, field, str(e))
                    ok = False
                    continue
            if value is None or value == []:
                if prop.required:
                    why = INVISIBLE if text.strip() else MISSING
                    self.problems.add(header.path, line, field, why)
                    ok = False
                continue
            props[prop.name] = value
        return props, ok

    def _key(self, header: FileHeader, column: Column, line: int, cells: list[str]) -> str | None:
        text = cells[column.index].strip()
        if not text or invisible_only(text):
            why = INVISIBLE if text else MISSING  # `text` is stripped already
            self.problems.add(header.path, line, column.header, why)
            return None
        if "\x00" in text:
            self.problems.add(header.path, line, column.header, NUL)
            return None
        return text

    # -- nodes -----------------------------------------------------------------
    def node(
        self, header: FileHeader, line: int, cells: list[str], usable: dict[int, Property]
    ) -> tuple[str, dict[str, Any], list[str]] | None:
        """(id, properties, extra labels) of a good node row, else None (problems recorded)."""
        assert header.id is not None
        if not self._width(header, line, cells):
            return None
        props, ok = self._props(header, line, cells, usable)
        column, label = header.id, header.id.label
        node_id = self._key(header, column, line, cells)
        if node_id is None:
            return None
        try:
            parse_cell(self.model.labels[label].properties["id"], node_id, self.vocabs)
        except CellError as e:
            self.problems.add(header.path, line, column.header, str(e))
            return None
        seen = self.ids.setdefault(label, {})
        if node_id in seen:
            file, row = seen[node_id]
            where = f"row {row}" if file == header.path else f"row {row} of {file}"
            self.problems.add(
                header.path, line, column.header, f"duplicate id {node_id!r} (first on {where})"
            )
            return None
        seen[node_id] = (header.path, line)
        extra, labels_ok = self._extra_labels(header, line, cells, label)
        return (node_id, props, extra) if ok and labels_ok else None

    def _extra_labels(
        self, header: FileHeader, line: int, cells: list[str], label: str
    ) -> tuple[list[str], bool]:
        column = header.label_column
        if column is None:
            return [], True
        allowed = (label, *self.model.labels[label].extra_labels)
        extra, ok = [], True
        for name in (n.strip() for n in cells[column.index].split(";")):
            if not name or name == label:
                continue
            if name not in allowed:
                close = suggest(name, allowed)
                hint = f"; did you mean {close!r}?" if close else ""
                self.problems.add(
                    header.path,
                    line,
                    column.header,
                    f"{name!r} is not a label {article(label)} may carry "
                    f"(allowed: {', '.join(allowed)}){hint}",
                )
                ok = False
            elif name not in extra:
                extra.append(name)
        return extra, ok

    # -- relationships -----------------------------------------------------------
    def _schema(self, header: FileHeader, rtype: str, line: int) -> Schema | None:
        key = (header.path, rtype)
        if key in self._schemas:
            return self._schemas[key]
        assert header.start is not None and header.end is not None
        rel = self.model.relationships[rtype]
        typed = header.type_column is not None
        row = line if typed else 1
        schema: Schema | None = None
        ends_ok = True
        for column, allowed, verb in (
            (header.start, rel.start, "start at"),
            (header.end, rel.end, "end at"),
        ):
            if column.label not in allowed:
                self.problems.add(
                    header.path,
                    row,
                    column.header,
                    f"{rtype} cannot {verb} {article(column.label)} "
                    f"(allowed: {', '.join(allowed)})",
                )
                ends_ok = False
        if ends_ok:
            for_rows = f" (for {rtype} rows)" if typed else ""
            usable, unknown = self.columns(header, rtype, rel.properties, for_rows)
            if not typed:
                for index, message in unknown.items():
                    header.problem(header.columns_by_index[index].header, message)
                unknown = {}
            schema = (usable, unknown)
        self._schemas[key] = schema
        return schema

    def _type(self, header: FileHeader, line: int, cells: list[str]) -> str | None:
        column = header.type_column
        if column is None:
            return header.stem_type
        rtype = self._key(header, column, line, cells)
        if rtype is not None and rtype not in self.model.relationships:
            known = tuple(sorted(self.model.relationships))
            message = one_of(rtype, known, "a relationship type; known:")
            self.problems.add(header.path, line, column.header, message)
            return None
        return rtype

    def relationship(
        self, header: FileHeader, line: int, cells: list[str]
    ) -> tuple[str, str, str, dict[str, Any]] | None:
        """(type, start id, end id, properties) of a good relationship row, else None."""
        assert header.start is not None and header.end is not None
        if not self._width(header, line, cells):
            return None
        rtype = self._type(header, line, cells)
        schema = self._schema(header, rtype, line) if rtype else None
        if rtype is None or schema is None:
            return None
        usable, unknown = schema
        for index, message in unknown.items():
            column = header.columns_by_index[index]
            if cells[index].strip() and (header.path, rtype, index) not in self._reported:
                self._reported.add((header.path, rtype, index))
                self.problems.add(header.path, line, column.header, message)
        props, ok = self._props(header, line, cells, usable)
        start = self._reference(header, header.start, line, cells)
        end = self._reference(header, header.end, line, cells)
        if not ok or start is None or end is None:
            return None
        key = (rtype, header.start.label, start, header.end.label, end)
        if key in self._rels:
            file, row, before = self._rels[key]
            if before == props:
                return None  # the same relationship again: nothing more to write
            where = f"row {row}" if file == header.path else f"row {row} of {file}"
            self.problems.add(
                header.path,
                line,
                header.start.header,
                f"{start} -[{rtype}]-> {end} is already on {where} with other values; "
                f"only one {rtype} can join the same two records",
            )
            return None
        self._rels[key] = (header.path, line, props)
        return rtype, start, end, props

    def _reference(
        self, header: FileHeader, column: Column, line: int, cells: list[str]
    ) -> str | None:
        ref = self._key(header, column, line, cells)
        if ref is not None and ref not in self.ids.get(column.label, {}):
            self.pending.setdefault(column.label, []).append(
                (header.path, line, column.header, ref)
            )
        return ref
