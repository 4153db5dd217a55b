"""Import a Neo4j POLE crime-investigation CSV export into the iom model, all or nothing.

POLE exports come one file per label and per relationship type (names often prefixed:
``crime-investigation.nodes.Person.csv``), with ``:ID``, ``:LABEL``, ``:START_ID``,
``:END_ID`` and ``:TYPE`` columns, one id space shared by every node file, and UK dates
(``24/08/2017``). `convert_pole` maps what our model can hold (see docs/pole-import.md) into
a neo4j-admin folder of our own, and lists what it cannot map, with counts; `import_pole`
then loads that folder through the ordinary validated, all-or-nothing import.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from iom.errors import ImportValidationError, IomError
from iom.ingest.load import load_directory
from iom.ingest.report import LoadReport
from iom.reference import Reference
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "CRIME_TYPES",
    "PoleConversion",
    "PoleError",
    "convert_pole",
    "import_pole",
    "parse_uk_date",
]

ID_PREFIX = "POLE-"
# police.uk crime categories -> offence types of harm_weights.csv (the nearest, documented)
CRIME_TYPES = {
    "violence and sexual offences": "VIOLENCE_WITHOUT_INJURY",
    "public order": "PUBLIC_ORDER",
    "criminal damage and arson": "CRIMINAL_DAMAGE",
    "burglary": "RESIDENTIAL_BURGLARY",
    "vehicle crime": "THEFT_FROM_VEHICLE",
    "shoplifting": "SHOPLIFTING",
    "robbery": "ROBBERY_PERSONAL",
    "theft from the person": "THEFT_FROM_PERSON",
    "drugs": "DRUG_POSSESSION",
    "possession of weapons": "POSSESSION_OF_WEAPON",
}
# police.uk outcome wording (substring, lower case) -> OffenceOutcome; first match wins
OUTCOMES = (
    ("under investigation", "UNDER_INVESTIGATION"),
    ("awaiting court", "CHARGED"),
    ("caution", "CAUTIONED"),
    ("no suspect identified", "NO_FURTHER_ACTION"),
    ("unable to prosecute", "NO_FURTHER_ACTION"),
    ("not in the public interest", "NO_FURTHER_ACTION"),
    ("not guilty", "NO_FURTHER_ACTION"),
    ("prison", "CONVICTED"),
    ("sentence", "CONVICTED"),
    ("fined", "CONVICTED"),
    ("discharge", "CONVICTED"),
    ("compensation", "CONVICTED"),
    ("guilty", "CONVICTED"),
)
ASSOCIATION_SOURCE = {
    "KNOWS_SN": "SOCIAL_MEDIA",
    "KNOWS_LW": "INTELLIGENCE",
    "KNOWS_PHONE": "INTELLIGENCE",
    "KNOWS": "INTELLIGENCE",
}
_ASSOCIATION_ORDER = ("KNOWS_SN", "KNOWS_LW", "KNOWS_PHONE", "KNOWS")
_RELATION = {"PARENT": "PARENT", "SIBLING": "SIBLING", "CHILD": "CHILD"}
_INVERSE = {"PARENT": "CHILD", "CHILD": "PARENT", "SIBLING": "SIBLING"}
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ID_COL = re.compile(r"^\w*:ID(\(.*\))?$")
_START = re.compile(r"^:START_ID(\(.*\))?$")
_END = re.compile(r"^:END_ID(\(.*\))?$")
_NAME_LABEL = re.compile(r"(?:^|[._])nodes[._](\w+)\.csv$", re.I)
_NAME_TYPE = re.compile(r"(?:^|[._])relationships[._](\w+)\.csv$", re.I)
# relationship types that map; other types (and labels `convert` has no branch for) are
# reported, not imported
MAPPED_TYPES = (
    "KNOWS", "KNOWS_LW", "KNOWS_SN", "KNOWS_PHONE", "FAMILY_REL", "PARTY_TO",
    "CURRENT_ADDRESS", "HAS_PHONE", "CALLER", "CALLED",
)  # fmt: skip


class PoleError(IomError):
    """The folder is not a POLE export we can read (no files, no ids)."""


def parse_uk_date(text: str) -> str:
    """`24/08/2017` (day first, padding optional) or ISO -> `2017-08-24`; ValueError if not."""
    text = text.strip()
    m = _UK_DATE.match(text)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    return date.fromisoformat(text).isoformat()


@dataclass
class _Node:
    label: str
    props: dict[str, str]
    where: str


@dataclass
class PoleConversion:
    """What the conversion produced and everything it could not map."""

    folder: Path
    mapped: Counter = field(default_factory=Counter)
    not_mapped: Counter = field(default_factory=Counter)
    columns_dropped: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    problems: list[str] = field(default_factory=list)

    def not_mapped_lines(self) -> list[str]:
        """One line per kind of record or column that was not imported, with its count."""
        lines = [f"{n:,} {what}" for what, n in sorted(self.not_mapped.items())]
        lines += [
            f"{label} columns not in the model (not kept): {', '.join(sorted(cols))}"
            for label, cols in sorted(self.columns_dropped.items())
        ]
        return lines


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return (rows[0], rows[1:]) if rows else ([], [])


def _props(header: list[str], row: list[str], skip: tuple) -> dict[str, str]:
    """Non-empty property cells by name (a `:type` suffix dropped), leaving `skip` out."""
    return {
        h.split(":", 1)[0]: row[i]
        for i, h in enumerate(header)
        if i not in skip and i < len(row) and row[i] != ""
    }


def convert_pole(source: Path, out: Path) -> PoleConversion:
    """Map the POLE export in `source` into a neo4j-admin folder `out` in our model."""
    files = sorted(p for p in Path(source).rglob("*.csv") if p.is_file())
    if not Path(source).is_dir():
        raise PoleError(f"{source}: not a folder")
    if not files:
        raise PoleError(f"{source}: no CSV files found")
    conv = PoleConversion(folder=out)
    nodes: dict[str, _Node] = {}
    rels: list[tuple[str, str, str, dict[str, str], str]] = []
    for path in files:
        rel = path.relative_to(source)
        header, rows = _read(path)
        id_col = next((i for i, h in enumerate(header) if _ID_COL.match(h)), None)
        start = next((i for i, h in enumerate(header) if _START.match(h)), None)
        end = next((i for i, h in enumerate(header) if _END.match(h)), None)
        label_col = header.index(":LABEL") if ":LABEL" in header else None
        type_col = header.index(":TYPE") if ":TYPE" in header else None
        if start is not None and end is not None:
            m = _NAME_TYPE.search(path.name)
            for n, row in enumerate(rows, start=2):
                where = f"{rel}:{n}"
                if not any(c.strip() for c in row):
                    continue
                rtype = (row[type_col] if type_col is not None else "") or (m[1] if m else "")
                if not rtype:
                    conv.problems.append(f"{where}: no relationship type (:TYPE or file name)")
                    continue
                props = _props(header, row, (start, end, type_col))
                rels.append((rtype, row[start], row[end], props, where))
        elif id_col is not None:
            m = _NAME_LABEL.search(path.name)
            for n, row in enumerate(rows, start=2):
                where = f"{rel}:{n}"
                if not any(c.strip() for c in row):
                    continue
                labels = row[label_col].split(";") if label_col is not None else []
                label = (labels[0] if labels and labels[0] else "") or (m[1] if m else "")
                if not label:
                    conv.problems.append(f"{where}: no label (:LABEL or file name)")
                    continue
                node_id = row[id_col].strip()
                if not node_id:
                    conv.problems.append(f"{where}: empty id")
                    continue
                if node_id in nodes:
                    conv.problems.append(
                        f"{where}: id {node_id!r} already used at {nodes[node_id].where} "
                        "(POLE ids are shared by all node files)"
                    )
                    continue
                props = _props(header, row, (id_col, label_col))
                nodes[node_id] = _Node("Area" if label.upper() == "AREA" else label, props, where)
        else:
            conv.not_mapped[f"file(s) without :ID or :START_ID columns ({rel})"] += 1
    if not nodes:
        raise PoleError(f"{source}: no node files (a column named :ID) found")
    _convert(conv, nodes, rels, out)
    return conv


def _outcome(text: str) -> str | None:
    low = text.lower()
    return next((code for key, code in OUTCOMES if key in low), None)


def _convert(conv: PoleConversion, nodes: dict[str, _Node], rels: list, out: Path) -> None:
    tables: dict[str, list[list[str]]] = {}

    def table(name: str, header: list[str]) -> list[list[str]]:
        return tables.setdefault(name, [header])

    def pid(node_id: str) -> str:
        return ID_PREFIX + node_id

    def take(node: _Node, used: set[str]) -> None:
        extra = set(node.props) - used
        if extra:
            conv.columns_dropped[node.label].update(extra)

    residents: dict[str, list[str]] = defaultdict(list)
    for rtype, s, e, _, _ in rels:
        if rtype == "CURRENT_ADDRESS":
            residents[e].append(s)
    for node_id, node in nodes.items():
        p = node.props
        if node.label == "Person":
            first, last = p.get("name", "").strip(), p.get("surname", "").strip()
            if not first or not last:
                conv.problems.append(f"{node.where}:name: a person needs name and surname")
                continue
            table("nodes/Person.csv", ["id:ID(Person)", "first_name", "last_name"]).append(
                [pid(node_id), first, last]
            )
            take(node, {"name", "surname"})
        elif node.label == "Crime":
            kind = p.get("type", "").strip()
            code = CRIME_TYPES.get(kind.lower())
            if code is None:
                conv.not_mapped[f"Crime with type {kind or '(blank)'!r} (no offence type)"] += 1
                continue
            try:
                when = parse_uk_date(p.get("date", ""))
            except ValueError:
                conv.problems.append(f"{node.where}:date: {p.get('date', '')!r} is not a date")
                continue
            outcome = _outcome(p.get("last_outcome", "")) if p.get("last_outcome") else None
            if p.get("last_outcome") and outcome is None:
                conv.not_mapped[f"Crime outcome {p['last_outcome']!r} (left empty)"] += 1
            table("nodes/Offence.csv",
                  ["id:ID(Offence)", "offence_type", "committed_on", "outcome", "summary"]).append(
                [pid(node_id), code, when, outcome or "", p.get("note", "")]
            )  # fmt: skip
            take(node, {"type", "date", "last_outcome", "note"})
        elif node.label == "Phone":
            table("nodes/Phone.csv", ["id:ID(Phone)", "number"]).append(
                [pid(node_id), p.get("phoneNo", "")]
            )
            take(node, {"phoneNo"})
        elif node.label == "PhoneCall":
            try:
                when = parse_uk_date(p["call_date"]) if p.get("call_date") else ""
            except ValueError:
                conv.problems.append(f"{node.where}:call_date: {p['call_date']!r} is not a date")
                continue
            duration = p.get("call_duration", "")
            if duration and not duration.isdigit():
                conv.problems.append(f"{node.where}:call_duration: {duration!r} is not a number")
                continue
            table("nodes/PhoneCall.csv", ["id:ID(PhoneCall)", "called_on", "called_at",
                                          "duration_seconds", "call_type"]).append(
                [pid(node_id), when, p.get("call_time", ""), duration, p.get("call_type", "")]
            )  # fmt: skip
            take(node, {"call_date", "call_time", "call_duration", "call_type"})
        elif node.label == "Officer":
            name = " ".join(x for x in (p.get("name", ""), p.get("surname", "")) if x).strip()
            table("nodes/Officer.csv", ["id:ID(Officer)", "name", "rank"]).append(
                [pid(node_id), name or f"Officer {p.get('badge_no', node_id)}", p.get("rank", "")]
            )
            take(node, {"name", "surname", "rank"})
        elif node.label == "Location":
            if not residents.get(node_id):
                conv.not_mapped[
                    "Location without a resident (crime scenes: no place in the model)"
                ] += 1
                continue
            address = p.get("address", "").strip() or f"POLE location {node_id}"
            table("nodes/Household.csv", ["id:ID(Household)", "address", "postcode"]).append(
                [pid(node_id), address, p.get("postcode", "")]
            )
            take(node, {"address", "postcode"})
        else:
            conv.not_mapped[f"{node.label} node (no such record in the model)"] += 1
    associations: dict[frozenset, tuple[str, str, str]] = {}
    family: set[tuple[str, str, str]] = set()
    known = {row[0] for rows in tables.values() for row in rows[1:]}
    for rtype, s, e, props, where in rels:
        if s not in nodes or e not in nodes:
            missing = s if s not in nodes else e
            conv.problems.append(f"{where}: id {missing!r} is in no node file")
            continue
        if rtype not in MAPPED_TYPES:
            conv.not_mapped[f"{rtype} relationship (no such relationship in the model)"] += 1
            continue
        if pid(s) not in known or pid(e) not in known:
            conv.not_mapped[f"{rtype} relationship to a record that was not imported"] += 1
            continue
        if rtype in ASSOCIATION_SOURCE:
            key = frozenset((s, e))
            old = associations.get(key)
            if old is None or _ASSOCIATION_ORDER.index(rtype) < _ASSOCIATION_ORDER.index(old[2]):
                associations[key] = (s, e, rtype)
            if old is not None:
                conv.mapped[f"{rtype} (merged into one association per pair)"] += 1
        elif rtype == "FAMILY_REL":
            relation = _RELATION.get(props.get("rel_type", "").upper())
            if relation is None:
                conv.not_mapped[f"FAMILY_REL with rel_type {props.get('rel_type', '')!r}"] += 1
                continue
            family.add((s, relation, e))
            family.add((e, _INVERSE[relation], s))
        elif rtype == "PARTY_TO":
            table("relationships/SUSPECT_IN.csv", [":START_ID(Person)", ":END_ID(Offence)"]).append(
                [pid(s), pid(e)]
            )
        elif rtype == "CURRENT_ADDRESS":
            table("relationships/LIVES_AT.csv",
                  [":START_ID(Person)", ":END_ID(Household)"]).append([pid(s), pid(e)])  # fmt: skip
        elif rtype == "HAS_PHONE":
            table("relationships/HAS_PHONE.csv", [":START_ID(Person)", ":END_ID(Phone)"]).append(
                [pid(s), pid(e)]
            )
        else:  # CALLER, CALLED
            table(f"relationships/{rtype}.csv",
                  [":START_ID(PhoneCall)", ":END_ID(Phone)"]).append([pid(s), pid(e)])  # fmt: skip
        conv.mapped[rtype] += 1
    for s, e, rtype in associations.values():
        table("relationships/ASSOCIATES_WITH.csv",
              [":START_ID(Person)", ":END_ID(Person)", "source"]).append(
            [pid(s), pid(e), ASSOCIATION_SOURCE[rtype]]
        )  # fmt: skip
        conv.mapped[rtype] += 1
    for s, relation, e in sorted(family):
        table("relationships/RELATED_TO.csv",
              [":START_ID(Person)", ":END_ID(Person)", "relation"]).append(
            [pid(s), pid(e), relation]
        )  # fmt: skip
    for name, rows in tables.items():
        if name.startswith("nodes/"):
            conv.mapped[name.removeprefix("nodes/").removesuffix(".csv")] += len(rows) - 1
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)


def import_pole(
    store: Store,
    source: Path,
    actor: Actor,
    *,
    dry_run: bool = False,
    reference: Reference | None = None,
) -> tuple[PoleConversion, LoadReport]:
    """Convert the POLE export in `source` and load it all or nothing (see `convert_pole`)."""
    with tempfile.TemporaryDirectory(prefix="iom-pole-") as tmp:
        conv = convert_pole(Path(source), Path(tmp))
        if conv.problems:
            raise ImportValidationError(conv.problems)
        report = load_directory(store, Path(tmp), actor, dry_run=dry_run, reference=reference)
        report.directory = Path(source)
    return conv, report
