"""One store interface over two backends, chosen by configuration: embedded FalkorDB or Neo4j.

>>> from iom.store import open_store
>>> store = open_store()            # doctest: +SKIP
>>> store.read("stats/label_counts")  # doctest: +SKIP
[{'label': 'Person', 'count': 3000}, ...]
"""

from __future__ import annotations

from iom.settings import Settings
from iom.store.base import QueryRunner, Row, Store, Transaction
from iom.store.embedded import EmbeddedServer
from iom.store.queries import Query, QueryLibrary, library

__all__ = [
    "EmbeddedServer",
    "Query",
    "QueryLibrary",
    "QueryRunner",
    "Row",
    "Store",
    "Transaction",
    "library",
    "open_store",
]


def open_store(settings: Settings | None = None, *, start: bool = True) -> Store:
    """Open the configured store: Neo4j when a Neo4j URI is set, else the embedded server.

    `start=False` attaches to a running embedded server without starting one.
    """
    settings = settings or Settings.from_env()
    if settings.backend == "neo4j":
        from iom.store.neo4j_store import Neo4jStore

        return Neo4jStore(settings)
    from iom.store.falkor import FalkorStore

    return FalkorStore(settings, graph=settings.graph, start=start)
