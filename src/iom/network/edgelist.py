"""Read a plain edge list (two id columns, optional weight) into an undirected network.

Accepted: comma-, tab- or whitespace-separated columns (the separator is detected from the
first non-blank line), an optional header line (a first line whose third column is not a
number, or whose first cells are words such as `source`, `target`, `from`, `to`,
`:START_ID`, `:END_ID`, `weight`), an optional third
column with a positive weight (tie strength; default 1). Blank lines and lines starting
with ``#`` are skipped. What the reader changes is reported, never done silently:

- self-loops (``a,a``) are dropped;
- a reversed pair (``b,a`` after ``a,b``) is the same undirected tie;
- a repeated pair is merged into one tie whose weight is the **sum** of the rows' weights.

Every edge carries ``weight`` (strength) and ``distance`` (``1/weight``, used by the
distance-based measures: betweenness and efficiency).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from iom.errors import IomError

__all__ = ["EdgeListError", "EdgeListReport", "add_distances", "read_edge_list"]

_HEADER_WORDS = {
    "source", "target", "from", "to", "node1", "node2", "id1", "id2", "src", "dst", "start_id",
    "end_id", "person1", "person2", "weight",
}  # fmt: skip


class EdgeListError(IomError):
    """An edge list cannot be read; the message names the file and row."""


@dataclass
class EdgeListReport:
    """What reading an edge list found and changed, so nothing is dropped silently."""

    path: str
    rows: int = 0
    header: list[str] | None = None
    separator: str = ","
    weighted: bool = False
    self_loops: list[int] = field(default_factory=list)
    reversed_pairs: list[int] = field(default_factory=list)
    repeated_pairs: list[int] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0

    def lines(self) -> list[str]:
        """Human-readable summary lines (one per kind of change)."""
        out = [
            f"{self.path}: {self.rows} rows read, {self.nodes} people, {self.edges} ties"
            + (" (weighted)" if self.weighted else "")
        ]
        for name, rows in (
            ("self-loop", self.self_loops),
            ("reversed pair (same undirected tie)", self.reversed_pairs),
            ("repeated pair (weights summed)", self.repeated_pairs),
        ):
            if rows:
                shown = ", ".join(str(r) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
                verb = "dropped" if name == "self-loop" else "merged"
                out.append(f"{len(rows)} {name} row(s) {verb}: rows {shown}")
        return out


def _separator(line: str) -> str:
    if "\t" in line:
        return "\t"
    if "," in line:
        return ","
    if ";" in line:
        return ";"
    return " "


def _split(line: str, sep: str) -> list[str]:
    if sep == " ":
        return line.split()
    return [c.strip() for c in line.split(sep)]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _looks_like_header(cells: list[str]) -> bool:
    if len(cells) >= 3 and not _is_number(cells[2]):
        return True
    return any(c.lower().lstrip(":").split(":")[0] in _HEADER_WORDS for c in cells)


def read_edge_list(path: str | Path) -> tuple[nx.Graph, EdgeListReport]:
    """Read `path` as an undirected, weighted network and report what was changed.

    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    >>> _ = f.write("source,target\\na,b\\nb,a\\nc,c\\n"); f.close()
    >>> g, report = read_edge_list(f.name); os.unlink(f.name)
    >>> sorted(g.edges(data="weight")), report.reversed_pairs, report.self_loops
    ([('a', 'b', 2.0)], [3], [4])
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EdgeListError(f"{p}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise EdgeListError(f"{p}: cannot be read ({e.__class__.__name__})") from None
    report = EdgeListReport(path=str(p))
    graph = nx.Graph()
    seen: dict[frozenset, tuple] = {}
    sep: str | None = None
    width: int | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if sep is None:
            sep = _separator(line)
            report.separator = sep
            cells = _split(line, sep)
            if _looks_like_header(cells):
                report.header = cells
                width = len(cells)
                continue
        cells = _split(line, sep)
        if width is None:
            width = len(cells)
        if len(cells) not in (2, 3) or len(cells) != width:
            raise EdgeListError(
                f"{p}:{number}: expected {width if width in (2, 3) else '2 or 3'} columns "
                f"(two ids and an optional weight), found {len(cells)}"
            )
        a, b = cells[0], cells[1]
        if not a or not b:
            raise EdgeListError(f"{p}:{number}: an id is empty")
        weight = 1.0
        if len(cells) == 3:
            report.weighted = True
            try:
                weight = float(cells[2])
            except ValueError:
                raise EdgeListError(f"{p}:{number}: weight {cells[2]!r} is not a number") from None
            if not math.isfinite(weight) or weight <= 0:
                raise EdgeListError(f"{p}:{number}: weight {cells[2]!r} must be above 0")
        report.rows += 1
        if a == b:
            report.self_loops.append(number)
            graph.add_node(a)
            continue
        key = frozenset((a, b))
        if key in seen:
            first = seen[key]
            (report.repeated_pairs if first == (a, b) else report.reversed_pairs).append(number)
            graph[a][b]["weight"] += weight
        else:
            seen[key] = (a, b)
            graph.add_edge(a, b, weight=weight)
    if report.rows == 0:
        raise EdgeListError(f"{p}: no edges found (two id columns per line expected)")
    add_distances(graph)
    report.nodes = graph.number_of_nodes()
    report.edges = graph.number_of_edges()
    return graph, report


def add_distances(graph: nx.Graph) -> nx.Graph:
    """Give every edge a `weight` (default 1) and a `distance` = 1/weight; returns the graph."""
    for _, _, data in graph.edges(data=True):
        w = float(data.get("weight", 1.0) or 1.0)
        data["weight"] = w
        data["distance"] = 1.0 / w
    return graph
