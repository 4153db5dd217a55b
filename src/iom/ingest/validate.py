"""Check a whole import directory before anything is written, and turn it into a load plan.

Every problem in every file is collected (see `problems.py`); only an import with none
becomes an `ImportPlan`, otherwise `ImportValidationError` lists them all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from iom.errors import ImportValidationError
from iom.ingest.files import CsvFile, NotReadable, find_csv_files, read_csv
from iom.ingest.headers import NODE, FileHeader, parse_header
from iom.ingest.plan import ImportPlan, NodeGroup, RelGroup
from iom.ingest.problems import Problems, article, rows_text
from iom.ingest.rows import RowChecker
from iom.ingest.values import Vocabularies, suggest
from iom.model import MODEL, Model
from iom.reference import Reference
from iom.store.base import Store

__all__ = ["validate_directory"]

LOOKUP_BATCH = 5000


class _Validator:
    """The state of one validation run: ids seen, references to resolve, problems found."""

    def __init__(self, model: Model, vocabs: Vocabularies, as_of: date | None = None) -> None:
        self.model = model
        self.problems = Problems()
        self.rows = RowChecker(model, vocabs, self.problems, as_of)
        self.plan = ImportPlan()

    def node_file(self, csv_file: CsvFile, header: FileHeader) -> None:
        """Check every row of a node file and add it to the plan."""
        assert header.id is not None
        label = header.id.label
        usable, unknown = self.rows.columns(header, label, self.model.labels[label].properties)
        for index, message in unknown.items():
            header.problem(header.columns_by_index[index].header, message)
        group = NodeGroup(csv_file.path, label)
        for line, cells in csv_file.rows:
            node = self.rows.node(header, line, cells, usable)
            if node is not None:
                group.add(*node)
        self.plan.nodes.append(group)

    def relationship_file(self, csv_file: CsvFile, header: FileHeader) -> None:
        """Check every row of a relationship file and add it to the plan, grouped by type."""
        if header.start is None or header.end is None:
            return
        groups: dict[str, RelGroup] = {}
        if header.type_column is None:
            stem = header.stem_type
            if stem not in self.model.relationships:
                close = suggest(stem, self.model.relationships)
                hint = f"; did you mean {close!r}?" if close else ""
                header.problem(
                    ":TYPE",
                    f"no :TYPE column and the file name names no relationship type ({stem!r}); "
                    f"name the file after its type (e.g. MEMBER_OF.csv) or add a :TYPE column"
                    + hint,
                )
                return
        for line, cells in csv_file.rows:
            rel = self.rows.relationship(header, line, cells)
            if rel is None:
                continue
            rtype, start, end, props = rel
            if rtype not in groups:
                groups[rtype] = RelGroup(csv_file.path, rtype, header.start.label, header.end.label)
            groups[rtype].rows.append({"start": start, "end": end, "props": props})
        self.plan.relationships.extend(groups.values())

    def resolve(self, store: Store | None) -> None:
        """Report references to records that are neither in this import nor in the store."""
        where = "in this import or in the store" if store is not None else "in this import"
        for label, pending in sorted(self.rows.pending.items()):
            wanted = sorted({ref[3] for ref in pending})
            found: set[str] = set()
            if store is not None:
                for start in range(0, len(wanted), LOOKUP_BATCH):
                    ids = wanted[start : start + LOOKUP_BATCH]
                    rows = store.read("ingest/existing_ids", {"ids": ids}, slots={"Label": label})
                    found.update(str(row["id"]) for row in rows)
            self.plan.existing_ids[label] = found
            for file, line, field, ref in pending:
                if ref not in found:
                    self.problems.add(file, line, field, f"{ref!r} is not {article(label)} {where}")


def _read_all(root: Path, problems: Problems) -> list[tuple[CsvFile, FileHeader]]:
    files = []
    inside = root.resolve()
    for name, path in find_csv_files(root):
        if not path.resolve().is_relative_to(inside):
            # A link out of the folder (say to /etc/passwd): never read, never quoted back.
            problems.add(name, 1, "", "is a link to a file outside the import folder; copy it in")
            continue
        try:
            csv_file = read_csv(name, path)
        except NotReadable as e:
            problems.extend([e.problem])
            continue
        files.append((csv_file, parse_header(name, csv_file.header, MODEL)))
    return files


def validate_directory(
    path: Path,
    store: Store | None = None,
    *,
    reference: Reference | None = None,
    progress: Callable[[str], None] | None = None,
    as_of: date | None = None,
) -> ImportPlan:
    """Check every CSV file under `path`; the plan to load, or ImportValidationError.

    `as_of` (default today) is the date no birth or offence may come after.
    """
    path = Path(path)
    if not path.is_dir():
        what = "not a directory" if path.exists() else "no such directory"
        raise ImportValidationError([f"{path}: {what}"])
    if not find_csv_files(path):
        raise ImportValidationError([f"{path}: no .csv files found"])
    validator = _Validator(MODEL, Vocabularies(MODEL, reference), as_of)
    files = _read_all(path, validator.problems)
    validator.problems.order([f.path for f, _ in files])
    nodes = [(f, h) for f, h in files if h.kind == NODE]
    rels = [(f, h) for f, h in files if h.kind != NODE]
    for csv_file, header in nodes + rels:
        if header.kind == NODE:
            validator.node_file(csv_file, header)
        elif header.kind is not None:
            validator.relationship_file(csv_file, header)
        validator.problems.extend(header.problems)
        if progress:
            progress(f"{csv_file.path}: {rows_text(len(csv_file.rows))} checked")
    validator.resolve(store)
    if validator.problems:
        raise ImportValidationError(validator.problems.lines(), total=validator.problems.total)
    plan = validator.plan
    plan.root = path
    plan.files = [f.path for f, _ in nodes + rels]
    return plan
