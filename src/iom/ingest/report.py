"""What a load wrote (or would write), and what the store holds: counts for people to read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from iom.model import MODEL
from iom.store.base import QueryRunner

__all__ = ["GraphCounts", "LabelCount", "LoadReport", "count_graph"]


@dataclass
class LabelCount:
    """Rows of one label in an import, split by what they do to the store."""

    rows: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass
class LoadReport:
    """The outcome of `load_directory`: per label and type, the change records and audit event."""

    directory: Path
    dry_run: bool = False
    files: list[str] = field(default_factory=list)
    nodes: dict[str, LabelCount] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    extra_labels: dict[str, int] = field(default_factory=dict)
    changes: int = 0
    audit_event: str | None = None
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        """Rows read from all files (duplicated identical relationships counted once)."""
        return sum(c.rows for c in self.nodes.values()) + sum(self.relationships.values())

    @property
    def rows_per_second(self) -> float:
        """Load speed over the whole call, validation included."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0


@dataclass
class GraphCounts:
    """Nodes per label and relationships per type; the library's own labels kept apart."""

    labels: dict[str, int]
    relationships: dict[str, int]
    system: dict[str, int]

    def as_dict(self) -> dict[str, dict[str, int]]:
        """`{"labels": ..., "relationships": ..., "system": ...}`, each sorted by name."""
        return {
            "labels": dict(sorted(self.labels.items())),
            "relationships": dict(sorted(self.relationships.items())),
            "system": dict(sorted(self.system.items())),
        }


def count_graph(reader: QueryRunner) -> GraphCounts:
    """Count the store's nodes per label and relationships per type."""
    labels: dict[str, int] = {}
    system: dict[str, int] = {}
    for row in reader.read("stats/label_counts"):
        if row["label"] == "AuditEvent":
            continue  # counted from the audit trail below (a graph of its own when embedded)
        target = system if row["label"] in MODEL.system_labels else labels
        target[str(row["label"])] = int(row["count"])
    events = sum(int(r["count"]) for r in reader.read("security/audit/event_count"))
    if events:
        system["AuditEvent"] = events
    rels = {str(r["type"]): int(r["count"]) for r in reader.read("stats/relationship_counts")}
    return GraphCounts(labels, rels, system)
