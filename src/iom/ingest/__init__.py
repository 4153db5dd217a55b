"""Import CSV files in neo4j-admin layout: check everything, then write all or nothing.

>>> from iom.ingest import load_directory            # doctest: +SKIP
>>> report = load_directory(store, Path("seed_data"), Actor.local("seed load"))  # doctest: +SKIP
>>> report.nodes["Person"].rows                     # doctest: +SKIP
3000
"""

from __future__ import annotations

from iom.ingest.load import load_directory
from iom.ingest.plan import ImportPlan
from iom.ingest.report import GraphCounts, LabelCount, LoadReport, count_graph
from iom.ingest.validate import validate_directory
from iom.security.history import record_history

__all__ = [
    "GraphCounts",
    "ImportPlan",
    "LabelCount",
    "LoadReport",
    "count_graph",
    "load_directory",
    "record_history",
    "validate_directory",
]
