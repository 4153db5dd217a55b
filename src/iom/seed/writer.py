"""CSV tables in neo4j-admin import layout, with headers derived from the model."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from iom.model import MODEL, Model, Property

__all__ = ["SUFFIX", "Table", "Writer", "rel_file_name"]

SUFFIX = {"int": ":int", "float": ":float", "bool": ":boolean", "string[]": ":string[]"}


def _fmt_str(v: Any) -> str:
    return "" if v is None else str(v)


def _fmt_int(v: Any) -> str:
    return "" if v is None else str(int(v))


def _fmt_float(v: Any) -> str:
    return "" if v is None else repr(round(float(v), 2))


def _fmt_bool(v: Any) -> str:
    return "" if v is None else ("true" if v else "false")


_DAYS: dict[int, str] = {}


def _fmt_date(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, int):
        text = _DAYS.get(v)
        if text is None:
            text = _DAYS[v] = date.fromordinal(v).isoformat()
        return text
    return v.isoformat()


def _fmt_list(v: Any) -> str:
    return "" if not v else ";".join(str(x) for x in v)


_FORMATS: dict[str, Callable[[Any], str]] = {
    "string": _fmt_str,
    "int": _fmt_int,
    "float": _fmt_float,
    "bool": _fmt_bool,
    "date": _fmt_date,
    "string[]": _fmt_list,
}


def rel_file_name(model: Model, rtype: str, start: str, end: str) -> str:
    """File stem of a relationship type: `TYPE`, or `TYPE__Start__End` where ends vary."""
    rel = model.relationship(rtype)
    if len(rel.start) > 1 or len(rel.end) > 1:
        return f"{rtype}__{start}__{end}"
    return rtype


class Table:
    """One open CSV file: a fixed header, a formatter per property column and a row count."""

    def __init__(self, handle: TextIO, head: list[str], props: list[Property], lead: int) -> None:
        self._handle = handle
        self._csv = csv.writer(handle, lineterminator="\n")
        self._csv.writerow(head)
        self._columns = [(p.name, _FORMATS[p.type]) for p in props]
        self._blank = ("",) * len(props)
        self._lead = lead
        self.rows = 0

    def write(self, lead: Iterable[str], props: dict[str, Any] | None = None) -> None:
        """Write the id columns (`lead`) then the properties given by name."""
        row = list(lead)
        if props:
            get = props.get
            for name, fmt in self._columns:
                row.append(fmt(get(name)))
        else:
            row.extend(self._blank)
        self._csv.writerow(row)
        self.rows += 1

    def close(self) -> None:
        """Flush and close the file."""
        self._handle.close()


class Writer:
    """Every node and relationship file of one generated force, opened on first use."""

    def __init__(self, out_dir: Path, model: Model = MODEL) -> None:
        self.out_dir = out_dir
        self.model = model
        self._tables: dict[str, Table] = {}
        self._by_key: dict[tuple[str, str, str], Table] = {}
        (out_dir / "nodes").mkdir(parents=True, exist_ok=True)
        (out_dir / "relationships").mkdir(parents=True, exist_ok=True)
        for sub in ("nodes", "relationships"):
            for old in sorted((out_dir / sub).glob("*.csv")):
                old.unlink()
        self.label_counts: dict[str, int] = {}
        self.rel_counts: dict[str, int] = {}

    def _open(self, rel_path: str, head: list[str], props: list[Property], lead: int) -> Table:
        handle = (self.out_dir / rel_path).open("w", encoding="utf-8", newline="")
        table = Table(handle, head, props, lead)
        self._tables[rel_path] = table
        return table

    def nodes(self, label: str) -> Table:
        """The table of a node label (id first, `:LABEL` for Person, then the properties)."""
        path = f"nodes/{label}.csv"
        if path in self._tables:
            return self._tables[path]
        spec = self.model.labels[label]
        props = [p for p in spec.properties.values() if p.name != "id"]
        head = [f"id:ID({label})"]
        if spec.extra_labels:
            head.append(":LABEL")
        head += [p.name + SUFFIX.get(p.type, "") for p in props]
        return self._open(path, head, props, len(head) - len(props))

    def rels(self, rtype: str, start: str, end: str) -> Table:
        """The table of one (type, start label, end label) combination."""
        table = self._by_key.get((rtype, start, end))
        if table is not None:
            return table
        path = f"relationships/{rel_file_name(self.model, rtype, start, end)}.csv"
        if path in self._tables:
            return self._tables[path]
        spec = self.model.relationship(rtype)
        if start not in spec.start or end not in spec.end:
            raise ValueError(f"{rtype} does not allow ({start})->({end})")
        props = list(spec.properties.values())
        head = [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
        head += [p.name + SUFFIX.get(p.type, "") for p in props]
        table = self._by_key[(rtype, start, end)] = self._open(path, head, props, 3)
        return table

    def node(self, label: str, node_id: str, props: dict[str, Any], extra: str = "") -> None:
        """Write one node; `extra` is the ';'-separated extra labels (Person only)."""
        table = self.nodes(label)
        lead = [node_id, extra] if table._lead == 2 else [node_id]
        table.write(lead, props)

    def rel(
        self,
        rtype: str,
        start: str,
        sid: str,
        end: str,
        eid: str,
        props: dict[str, Any] | None = None,
    ) -> None:
        """Write one relationship row."""
        self.rels(rtype, start, end).write((sid, eid, rtype), props)

    def close(self) -> dict[str, int]:
        """Close every file; return row counts by path, sorted."""
        files: dict[str, int] = {}
        for path in sorted(self._tables):
            table = self._tables[path]
            table.close()
            files[path] = table.rows
        return files


def write_manifest(
    out_dir: Path, head: dict[str, Any], files: dict[str, int], extra_labels: dict[str, int]
) -> dict[str, Any]:
    """Write manifest.json (sorted keys, indent 2) and return it."""
    labels: dict[str, int] = {}
    rels: dict[str, int] = {}
    for path, rows in files.items():
        folder, name = path.split("/", 1)
        stem = name[: -len(".csv")]
        if folder == "nodes":
            labels[stem] = labels.get(stem, 0) + rows
        else:
            rtype = stem.split("__", 1)[0]
            rels[rtype] = rels.get(rtype, 0) + rows
    manifest = dict(head)
    manifest.update(
        files=files,
        labels=labels,
        relationships=rels,
        extra_labels=extra_labels,
        totals={"nodes": sum(labels.values()), "relationships": sum(rels.values())},
    )
    text = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    (out_dir / "manifest.json").write_text(text, encoding="utf-8", newline="\n")
    return json.loads(text)
