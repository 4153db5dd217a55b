"""CSV files of an import directory: found in path order, read as UTF-8, rows numbered."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from iom.ingest.problems import Problem

__all__ = ["CsvFile", "NotReadable", "find_csv_files", "read_csv"]


@dataclass(frozen=True)
class CsvFile:
    """A CSV file's header and data rows; each row is (spreadsheet row number, cells)."""

    path: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


class NotReadable(Exception):
    """A file that cannot be read as CSV; `problem` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def find_csv_files(root: Path) -> list[tuple[str, Path]]:
    """Every `*.csv` under `root` (hidden folders and files skipped), sorted by relative path."""
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if path.suffix.lower() != ".csv" or not path.is_file():
            continue
        if any(part.startswith(".") for part in relative.parts):
            continue
        found.append((relative.as_posix(), path))
    return sorted(found)


def _decode(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        byte = data[e.start : e.start + 1].hex()
        raise NotReadable(
            Problem(name, line, "", f"not UTF-8 text (byte 0x{byte}); save the file as UTF-8")
        ) from None


def _records(name: str, text: str) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them: a quoted line break stays in its row."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row = 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise NotReadable(Problem(name, row, "", f"not valid CSV ({e})")) from None
        if cells:  # csv gives [] for a blank line (still a row in a spreadsheet)
            yield row, cells


def read_csv(name: str, path: Path) -> CsvFile:
    """Read a whole CSV file; raise NotReadable when it is not UTF-8, not CSV or empty."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise NotReadable(Problem(name, 1, "", f"cannot be read ({e.strerror or e})")) from None
    records = _records(name, _decode(name, data))
    first = next(records, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise NotReadable(Problem(name, 1, "", "the file has no header row"))
    return CsvFile(name, first[1], list(records))
