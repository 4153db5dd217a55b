"""What a validated import will write: node rows per file and label, relationship rows per type."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ImportPlan", "NodeGroup", "RelGroup"]


@dataclass
class NodeGroup:
    """The checked rows of one node file: `{"id", "props"}` each, and extra labels to add."""

    file: str
    label: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, list[str]] = field(default_factory=dict)

    def add(self, node_id: str, props: dict[str, Any], extra_labels: list[str]) -> None:
        """Add one record and the extra labels it carries."""
        self.rows.append({"id": node_id, "props": props})
        for extra in extra_labels:
            self.extra.setdefault(extra, []).append(node_id)


@dataclass
class RelGroup:
    """The checked rows of one relationship type in one file: `{"start", "end", "props"}`."""

    file: str
    type: str
    start: str
    end: str
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ImportPlan:
    """A validated import, ready to load."""

    root: Path = Path()
    files: list[str] = field(default_factory=list)
    nodes: list[NodeGroup] = field(default_factory=list)
    relationships: list[RelGroup] = field(default_factory=list)
    existing_ids: dict[str, set[str]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        """Data rows in all files."""
        return sum(len(g.rows) for g in self.nodes) + sum(len(g.rows) for g in self.relationships)

    def ids_touched(self, label: str) -> list[str]:
        """Sorted ids of `label` records this import writes or links to."""
        ids = {r["id"] for g in self.nodes if g.label == label for r in g.rows}
        for group in self.relationships:
            if group.start == label:
                ids.update(r["start"] for r in group.rows)
            if group.end == label:
                ids.update(r["end"] for r in group.rows)
        return sorted(ids)
