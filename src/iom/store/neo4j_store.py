"""The production backend: Neo4j through the official driver, one driver per process."""

from __future__ import annotations

import atexit
import contextlib
import re
from collections.abc import Iterator, Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from iom.errors import ConfigError, StoreError, StoreUnavailable
from iom.settings import Settings
from iom.store.base import Row, Store, Transaction, plain
from iom.store.queries import Query

__all__ = ["Neo4jStore"]

_DRIVERS: dict[tuple[str, str | None], neo4j.Driver] = {}


class _Neo4jTransaction(Transaction):
    backend = "neo4j"

    def __init__(self, tx: neo4j.Transaction, store: Neo4jStore) -> None:
        self._tx = tx
        self._store = store

    def _run(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        with self._store._errors(query):
            result = self._tx.run(text, dict(params))
            return [{k: plain(v) for k, v in record.items()} for record in result]


class Neo4jStore(Store):
    """A Neo4j database named by NEO4J_URI (or --store); reads are routed as reads."""

    backend = "neo4j"

    def __init__(self, settings: Settings) -> None:
        assert settings.store_uri
        self._uri = settings.store_uri
        self._source = settings.store_source
        self._database = settings.neo4j_database
        self.description = f"Neo4j at {self._uri}"
        key = (self._uri, settings.neo4j_username)
        if key not in _DRIVERS:
            if not settings.neo4j_password:
                raise ConfigError(
                    f"{self._source} is set but NEO4J_PASSWORD is not: set it to the password "
                    f"of user {settings.neo4j_username!r}."
                )
            try:
                driver = neo4j.GraphDatabase.driver(
                    self._uri, auth=(settings.neo4j_username or "neo4j", settings.neo4j_password)
                )
                driver.verify_connectivity()
            except (ValueError, neo4j_errors.ConfigurationError) as e:
                raise ConfigError(f"{self._source}={self._uri!r} is not usable: {e}") from None
            except neo4j_errors.AuthError:
                raise StoreUnavailable(
                    f"{self._source}={self._uri}: Neo4j refused the credentials; check "
                    "NEO4J_USERNAME and NEO4J_PASSWORD."
                ) from None
            except (neo4j_errors.ServiceUnavailable, neo4j_errors.DriverError, OSError) as e:
                raise StoreUnavailable(
                    f"{self._source}={self._uri}: cannot reach Neo4j ({_reason(e)}); check the "
                    "server is running and the address is right."
                ) from None
            if not _DRIVERS:
                atexit.register(close_drivers)
            _DRIVERS[key] = driver
        self._driver = _DRIVERS[key]

    @contextlib.contextmanager
    def _errors(self, query: Query) -> Iterator[None]:
        try:
            yield
        except neo4j_errors.ServiceUnavailable as e:
            raise StoreUnavailable(f"{self.description} stopped answering ({_reason(e)})") from e
        except neo4j_errors.Neo4jError as e:
            raise StoreError(f"query {query.name} failed in Neo4j: {e.message}") from e

    def _execute(
        self, query: Query, text: str, params: Mapping[str, Any], routing: neo4j.RoutingControl
    ) -> list[Row]:
        with self._errors(query):
            records, _, _ = self._driver.execute_query(
                text, dict(params), routing_=routing, database_=self._database
            )
        return [{k: plain(v) for k, v in record.items()} for record in records]

    def _read(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        return self._execute(query, text, params, neo4j.RoutingControl.READ)

    def _write(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        return self._execute(query, text, params, neo4j.RoutingControl.WRITE)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One explicit Neo4j transaction: committed on success, rolled back on any error."""
        with self._driver.session(database=self._database) as session:
            tx = session.begin_transaction()
            try:
                yield _Neo4jTransaction(tx, self)
            except BaseException:
                tx.rollback()
                raise
            else:
                tx.commit()
            finally:
                tx.close()

    def close(self) -> None:
        """The driver is shared per process and closed at exit; nothing to do per store."""


def _reason(error: BaseException) -> str:
    """The first line of a driver error, without its resolver detail."""
    lines = str(error).strip().splitlines()
    if not lines:
        return type(error).__name__
    return re.sub(r"\s*\(resolved to .*?\)\)?:?$", "", lines[0]).rstrip(":) ") or lines[0]


def close_drivers() -> None:
    """Close every Neo4j driver this process opened."""
    while _DRIVERS:
        _, driver = _DRIVERS.popitem()
        with contextlib.suppress(Exception):
            driver.close()
