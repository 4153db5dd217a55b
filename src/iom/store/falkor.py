"""The embedded backend: FalkorDB over a unix socket, with all-or-nothing transactions.

FalkorDB runs each query atomically but has no multi-statement transactions, so a
transaction here snapshots the graph (GRAPH.COPY) under a write lock, and restores the
snapshot if anything fails. A lock left by a process that died mid-transaction is found at
the next open and the snapshot restored, so a crash can't leave half an import behind.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import time
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

import redis
from falkordb import FalkorDB
from redis.backoff import NoBackoff
from redis.retry import Retry

from iom.errors import StoreError, StoreUnavailable
from iom.settings import Settings
from iom.store.base import Row, Store, Transaction, plain
from iom.store.embedded import EmbeddedServer, _alive
from iom.store.queries import Query, library

__all__ = ["FalkorStore"]

LOCK_WAIT_S = 30.0


class _FalkorTransaction(Transaction):
    backend = "falkordb"

    def __init__(self, store: FalkorStore) -> None:
        self._store = store

    def _run(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        return self._store._query(query, text, params, read_only=False)


class FalkorStore(Store):
    """A FalkorDB graph served by the embedded server of a data directory."""

    backend = "falkordb"

    def __init__(self, settings: Settings, graph: str = "iom", start: bool = True) -> None:
        self.server = EmbeddedServer(settings.data_dir)
        self.graph_name = graph
        self.description = f"embedded store in {settings.data_dir}"
        self.started_server = self.server.start() if start else False
        if not self.server.ping():
            raise StoreUnavailable(
                f"the embedded store in {settings.data_dir} is not running; start it with `iom up`."
            )
        self._client_name = f"iom-{os.getpid()}"
        self._db = FalkorDB(
            unix_socket_path=str(self.server.socket),
            client_name=self._client_name,
            retry=Retry(NoBackoff(), 1),
        )
        self._conn: redis.Redis = self._db.connection
        self._graph = self._db.select_graph(graph)
        self._lock_key = f"iom:txlock:{graph}"
        self._closed = False
        self._recover_interrupted_transaction()
        self._ensure_graph()
        if self.started_server:
            atexit.register(self.close)

    # -- queries ---------------------------------------------------------------
    def _query(
        self, query: Query, text: str, params: Mapping[str, Any], read_only: bool
    ) -> list[Row]:
        try:
            if read_only:
                result = self._graph.ro_query(text, dict(params))
            else:
                result = self._graph.query(text, dict(params))
        except redis.ConnectionError as e:
            raise StoreUnavailable(
                f"the {self.description} stopped answering ({e}); restart it with `iom up`."
            ) from e
        except redis.ResponseError as e:
            raise StoreError(f"query {query.name} failed in the embedded store: {e}") from e
        names = [col[1] for col in result.header]
        return [dict(zip(names, (plain(v) for v in row), strict=True)) for row in result.result_set]

    def _read(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        return self._query(query, text, params, read_only=True)

    def _write(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        return self._query(query, text, params, read_only=False)

    def _ensure_graph(self) -> None:
        """Create the (empty) graph key if missing, so read-only queries have a graph to read."""
        if not self._graph_exists(self.graph_name):
            query = library().get("schema/create_graph", self.backend)
            self._query(query, query.text, {}, read_only=False)

    # -- transactions ----------------------------------------------------------
    def _graph_exists(self, name: str) -> bool:
        return name in {g.decode() if isinstance(g, bytes) else g for g in self._db.list_graphs()}

    def _acquire_lock(self, snapshot: str) -> None:
        value = json.dumps({"pid": os.getpid(), "snapshot": snapshot})
        deadline = time.monotonic() + LOCK_WAIT_S
        while not self._conn.set(self._lock_key, value, nx=True):
            self._recover_interrupted_transaction()
            if time.monotonic() > deadline:
                holder = self._lock_holder()
                raise StoreError(
                    f"another process (pid {holder.get('pid')}) is writing to the store; "
                    "try again when it has finished."
                )
            time.sleep(0.1)

    def _lock_holder(self) -> dict[str, Any]:
        raw = self._conn.get(self._lock_key)
        if not raw:
            return {}
        try:
            return dict(json.loads(raw))
        except (ValueError, TypeError):
            return {}

    def _restore(self, snapshot: str, existed: bool) -> None:
        if self._graph_exists(self.graph_name):
            self._conn.execute_command("GRAPH.DELETE", self.graph_name)
        if existed:
            self._conn.execute_command("GRAPH.COPY", snapshot, self.graph_name)
        else:
            self._ensure_graph()

    def _drop(self, snapshot: str) -> None:
        if self._graph_exists(snapshot):
            self._conn.execute_command("GRAPH.DELETE", snapshot)

    def _recover_interrupted_transaction(self) -> None:
        """Roll back a transaction whose process died before it committed or rolled back."""
        holder = self._lock_holder()
        pid = holder.get("pid")
        if not holder or (isinstance(pid, int) and _alive(pid)):
            return
        snapshot = str(holder.get("snapshot", ""))
        if snapshot and self._graph_exists(snapshot):
            self._restore(snapshot, existed=True)
            self._drop(snapshot)
        elif holder.get("graph_absent"):
            self._restore(snapshot, existed=False)
        self._conn.delete(self._lock_key)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Writes inside land together; any exception restores the graph as it was."""
        snapshot = f"{self.graph_name}__rollback__{uuid.uuid4().hex[:12]}"
        self._acquire_lock(snapshot)
        try:
            existed = self._graph_exists(self.graph_name)
            if existed:
                self._wait_for_background_work()
                self._conn.execute_command("GRAPH.COPY", self.graph_name, snapshot)
            else:
                self._conn.set(
                    self._lock_key,
                    json.dumps({"pid": os.getpid(), "snapshot": snapshot, "graph_absent": True}),
                )
            try:
                yield _FalkorTransaction(self)
            except BaseException:
                self._restore(snapshot, existed)
                raise
            finally:
                self._drop(snapshot)
            self._compact_log()
        except redis.ConnectionError as e:
            raise StoreUnavailable(f"the {self.description} stopped answering ({e})") from e
        finally:
            with contextlib.suppress(redis.RedisError):
                self._conn.delete(self._lock_key)

    def _wait_for_background_work(self, timeout: float = 300.0) -> None:
        """Wait until the server has no child process (log rewrite, snapshot).

        GRAPH.COPY forks; started while a log rewrite's child is still alive, it blocks the
        server for good (seen with FalkorDB 4.16), so a transaction waits its turn here.
        """
        deadline = time.monotonic() + timeout
        busy = (
            "aof_rewrite_in_progress",
            "aof_rewrite_scheduled",
            "rdb_bgsave_in_progress",
            "module_fork_in_progress",
        )
        while time.monotonic() < deadline:
            info = self._conn.info("persistence")
            if not any(int(info.get(key, 0) or 0) for key in busy):
                return
            time.sleep(0.02)
        raise StoreError("the embedded store is busy saving to disk; try again in a minute.")

    def _compact_log(self) -> None:
        """Rewrite the append-only log as a snapshot after a big write.

        Replaying the log of a 3,000-person import took 50 s at start; the rewritten log loads
        in under a second. The rewrite runs in the background and is crash-safe.
        """
        with contextlib.suppress(redis.ResponseError):  # one is already running: fine
            self._conn.bgrewriteaof()

    def drop_graph(self) -> None:
        """Delete this store's whole graph (used to clean up throw-away test graphs)."""
        if self._graph_exists(self.graph_name):
            self._conn.execute_command("GRAPH.DELETE", self.graph_name)

    # -- lifecycle -------------------------------------------------------------
    def other_clients(self) -> int:
        """How many connections other processes hold to the server."""
        clients = self._conn.client_list()
        return sum(1 for c in clients if c.get("name") != self._client_name)

    def close(self) -> None:
        """Close connections; stop the server if this process started it and nobody else uses it."""
        if self._closed:
            return
        self._closed = True
        try:
            if self.started_server and self.server.ping() and self.other_clients() == 0:
                self._conn.close()
                self.server.stop()
                return
        except redis.RedisError:
            pass
        with contextlib.suppress(redis.RedisError):
            self._conn.close()
