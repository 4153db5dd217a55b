"""The one store interface: run a named query with parameters, get rows of plain values back."""

from __future__ import annotations

import abc
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from iom.store.queries import Query, QueryLibrary, library

__all__ = ["QueryRunner", "Row", "Store", "Transaction"]

Row = dict[str, Any]
Slots = Mapping[str, str | Sequence[str]]  # slot name -> label/type name(s)


class QueryRunner(Protocol):
    """A store or a transaction: anything that runs named queries. Library functions that may
    run inside a caller's transaction take one of these."""

    def read(
        self, name: str, params: Mapping[str, Any] | None = None, *, slots: Slots | None = None
    ) -> list[Row]: ...

    def write(
        self, name: str, params: Mapping[str, Any] | None = None, *, slots: Slots | None = None
    ) -> list[Row]: ...


class Transaction(abc.ABC):
    """A unit of writes that lands whole or not at all."""

    backend: str

    @abc.abstractmethod
    def _run(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]: ...

    def run(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        slots: Slots | None = None,
    ) -> list[Row]:
        """Run a named query inside this transaction."""
        query = library().get(name, self.backend)
        params = dict(params or {})
        query.check_params(params)
        return self._run(query, query.render(slots), params)

    def run_batches(
        self,
        name: str,
        rows: Sequence[Mapping[str, Any]],
        *,
        params: Mapping[str, Any] | None = None,
        slots: Slots | None = None,
        batch_size: int = 5000,
        progress: Callable[[int], None] | None = None,
    ) -> list[Row]:
        """Run a `UNWIND $rows` query over `rows` in batches; `progress` gets rows done."""
        out: list[Row] = []
        for start in range(0, len(rows), batch_size):
            batch = list(rows[start : start + batch_size])
            out.extend(self.run(name, {**(params or {}), "rows": batch}, slots=slots))
            if progress:
                progress(min(start + batch_size, len(rows)))
        return out

    def read(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        slots: Slots | None = None,
    ) -> list[Row]:
        """Run a named query inside the transaction (it sees the transaction's writes)."""
        return self.run(name, params, slots=slots)

    write = read


class Store(abc.ABC):
    """A graph store behind named queries; rows are dicts of plain values on every backend."""

    backend: str
    description: str
    queries: QueryLibrary | None = None  # None: the installation's library()

    @abc.abstractmethod
    def _read(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]: ...

    @abc.abstractmethod
    def _write(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]: ...

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[Transaction]:
        """A context whose writes are committed together, or rolled back on any error."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections (the embedded server may stop if nobody else uses it)."""

    def check_space(self, incoming_bytes: int) -> None:
        """Refuse an import of `incoming_bytes` of CSV that the store has no room for.

        The embedded store checks its disk; a server (Neo4j) manages its own storage.
        """
        return None

    def _prepare(
        self, name: str, params: Mapping[str, Any] | None, slots: Slots | None
    ) -> tuple[Query, str, dict[str, Any]]:
        query = (self.queries or library()).get(name, self.backend)
        checked = dict(params or {})
        query.check_params(checked)
        return query, query.render(slots), checked

    def read(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        slots: Slots | None = None,
    ) -> list[Row]:
        """Run a read-only named query (refused by the store if it tries to write)."""
        return self._read(*self._prepare(name, params, slots))

    def write(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        slots: Slots | None = None,
    ) -> list[Row]:
        """Run one named write query; a single query is atomic on both backends."""
        return self._write(*self._prepare(name, params, slots))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def plain(value: Any) -> Any:
    """Turn driver containers (OrderedDict, tuples) into plain dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
