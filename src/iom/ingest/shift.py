"""Move every date of a generated force by the same number of days, so that its as-of date is today
(a demo started next year is not full of overdue reviews), leaving everything else as it was.

>>> days_to(date(2026, 11, 1), date(2026, 11, 30))
29
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from iom.errors import ConfigError
from iom.ingest.files import find_csv_files
from iom.ingest.headers import parse_header
from iom.model import MODEL, Model, Property

__all__ = ["as_of_of", "days_to", "moved_to_today", "shift_folder"]


def days_to(as_of: date, today: date) -> int:
    """How many days to add to every date so that `as_of` becomes `today`."""
    return (today - as_of).days


def as_of_of(folder: Path) -> date:
    """The as-of date a force folder's manifest.json declares."""
    path = Path(folder) / "manifest.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8"))["as_of"]
        return date.fromisoformat(value)
    except FileNotFoundError:
        raise ConfigError(
            f"{folder} has no manifest.json: its as-of date is needed to move its dates to today"
        ) from None
    except (ValueError, KeyError, TypeError):
        raise ConfigError(f"{path}: no valid as_of date (YYYY-MM-DD)") from None


def _dated(prop: Property) -> bool:
    """A date, or a timestamp kept as text (`*_at`, e.g. a decision's `decided_at`)."""
    return prop.type == "date" or (prop.type == "string" and prop.name.endswith("_at"))


def _date_columns(name: str, head: list[str], model: Model) -> dict[int, set[str] | None]:
    """Column index -> the relationship types for which it is a date or timestamp (None: always)."""
    header = parse_header(name, head, model)
    out: dict[int, set[str] | None] = {}
    if header.kind == "node" and header.id is not None:
        props = model.labels[header.id.label].properties
        for c in header.properties:
            if c.name in props and _dated(props[c.name]):
                out[c.index] = None
    elif header.kind == "relationship":
        types = set(model.relationships) if header.type_column else {header.stem_type}
        for c in header.properties:
            dated = {
                t
                for t in types
                if t in model.relationships
                and c.name in model.relationship(t).properties
                and _dated(model.relationship(t).properties[c.name])
            }
            if dated:
                out[c.index] = dated
    return out


def _shift(cell: str, days: int) -> str:
    if not cell:
        return cell
    day, rest = (cell[:10], cell[10:]) if cell[10:11] == "T" else (cell, "")
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat() + rest
    except ValueError:
        return cell  # not a date (or a time of day only): left as it is


def shift_folder(src: Path, dst: Path, days: int, model: Model = MODEL) -> Path:
    """Copy every CSV file (and manifest.json) of `src` into `dst`, with every date-typed
    column of the model, the date part of its `*_at` timestamps, and the manifest's as_of,
    moved by `days`; nothing else changes."""
    src, dst = Path(src), Path(dst)
    for name, path in find_csv_files(src):
        text = path.read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if rows:
            dated = _date_columns(name, rows[0], model)
            type_at = next((i for i, h in enumerate(rows[0]) if h.strip() == ":TYPE"), None)
            for row in rows[1:]:
                rtype = row[type_at] if type_at is not None and type_at < len(row) else None
                for i, types in dated.items():
                    if i < len(row) and (types is None or rtype is None or rtype in types):
                        row[i] = _shift(row[i], days)
        out = dst / name
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    manifest = src / "manifest.json"
    if manifest.is_file():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if isinstance(data.get("as_of"), str):
            data["as_of"] = _shift(data["as_of"], days)
        text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        (dst / "manifest.json").write_text(text, encoding="utf-8", newline="\n")
    return dst


@contextmanager
def moved_to_today(src: Path, today: date | None = None) -> Iterator[Path]:
    """A temporary copy of a force folder with its dates moved so that its as-of is `today`."""
    days = days_to(as_of_of(src), today or date.today())
    work = Path(tempfile.mkdtemp(prefix="iom-dates-"))
    try:
        yield shift_folder(src, work / Path(src).name, days)
    finally:
        shutil.rmtree(work, ignore_errors=True)
