"""The embedded backend: FalkorDB over a unix socket, with all-or-nothing imports.

FalkorDB runs each query atomically but has no multi-statement transactions. A transaction
here therefore writes into a staging copy of the graph (`GRAPH.COPY`) and, at commit,
switches it in with one atomic Redis `RENAME`, in the same MULTI/EXEC as the transaction's
audit events:

- readers see the store as it was until the commit, then all of it;
- a failure (or a crash of the writer) only leaves a staging copy behind, which the next
  writer discards; the graph that readers use was never touched, so nothing needs restoring;
- audit events live in a graph of their own (`<graph>__audit`) that is never swapped or
  rolled back, so events written by other processes during an import are never lost.

Writers take a lock in the server: a key naming the lock's connection and the server's run
id. The lock is stale as soon as that connection is gone (its process died, or the server
restarted), so recovery depends neither on a pid, which may be reused, nor on anyone opening
the store.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB, Graph
from redis.backoff import NoBackoff
from redis.retry import Retry

from iom.errors import StoreError, StoreUnavailable
from iom.settings import Settings
from iom.store.base import Row, Slots, Store, Transaction, plain
from iom.store.embedded import (
    RELEASE_SCRIPT,
    EmbeddedServer,
    _alive,
    disk_full_message,
    fork_lock,
    is_disk_full,
)
from iom.store.queries import Query, library

__all__ = ["AUDIT_SUFFIX", "STAGING_INFIX", "FalkorStore"]

LOCK_WAIT_S = 30.0
SPACE_MARGIN = 16 * 1024 * 1024
AUDIT_SUFFIX = "__audit"
STAGING_INFIX = "__staging__"
_RELEASE = RELEASE_SCRIPT  # delete the lock only if it still holds our value


# How often opening the store starts or attaches again when the server went away meanwhile.
ATTACH_ATTEMPTS = 3


@dataclass(frozen=True)
class _Lock:
    """A held write lock: its own connection (which identifies it), token and stored value."""

    conn: redis.Redis
    token: str
    value: str


class _FalkorTransaction(Transaction):
    """Writes into the staging copy; audit events are kept until the commit writes them."""

    backend = "falkordb"

    def __init__(self, store: FalkorStore, staging: Graph) -> None:
        self._store = store
        self._staging = staging
        self.audit: list[tuple[str, dict[str, Any]]] = []

    def _run(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        if query.graph == "audit":
            self.audit.append((text, dict(params)))  # written with the commit, or never
            return []
        return self._store._query(self._staging, query, text, params, read_only=False)

    def read(
        self, name: str, params: Mapping[str, Any] | None = None, *, slots: Slots | None = None
    ) -> list[Row]:
        """Run a named query on the staging copy; the audit trail is read as it stands."""
        if library().get(name, self.backend).graph == "audit":
            return self._store.read(name, params, slots=slots)
        return self.run(name, params, slots=slots)


class FalkorStore(Store):
    """A FalkorDB graph served by the embedded server of a data directory."""

    backend = "falkordb"

    def __init__(self, settings: Settings, graph: str = "iom", start: bool = True) -> None:
        self.server = EmbeddedServer(settings.data_dir)
        self.graph_name = graph
        self.audit_name = graph + AUDIT_SUFFIX
        self.description = f"embedded store in {settings.data_dir}"
        self._client_name = f"iom-{os.getpid()}"
        self._lock_key = f"iom:txlock:{graph}"
        self._closed = False
        # The server can stop between our ping and our first command (the process that
        # started it closes while seeing no other client yet): then start it again.
        for attempt in range(ATTACH_ATTEMPTS):
            self.started_server = self.server.start() if start else False
            if not self.server.ping():
                if start and attempt < ATTACH_ATTEMPTS - 1:
                    continue
                raise StoreUnavailable(
                    f"the embedded store in {settings.data_dir} is not running; "
                    "start it with `iom up`."
                )
            self._db = FalkorDB(
                unix_socket_path=str(self.server.socket),
                client_name=self._client_name,
                retry=Retry(NoBackoff(), 1),
            )
            self._conn: redis.Redis = self._db.connection
            self._graph = self._db.select_graph(graph)
            self._audit = self._db.select_graph(self.audit_name)
            try:
                self._clear_stale_lock(self._conn)
                self._ensure_graph()
                self._move_legacy_audit_events()
                break
            except redis.ConnectionError as e:
                with contextlib.suppress(redis.RedisError):
                    self._conn.close()
                if not start or attempt == ATTACH_ATTEMPTS - 1:
                    raise StoreUnavailable(f"the {self.description} stopped answering ({e})") from e
            except redis.ResponseError as e:
                if not is_disk_full(e):
                    raise
                # A full disk: reading still works, writes say why they are refused.
                break
        if self.started_server:
            atexit.register(self.close)

    # -- queries ---------------------------------------------------------------
    def _query(
        self, graph: Graph, query: Query, text: str, params: Mapping[str, Any], read_only: bool
    ) -> list[Row]:
        try:
            if read_only:
                result = graph.ro_query(text, dict(params))
            else:
                result = graph.query(text, dict(params))
        except redis.ConnectionError as e:
            raise StoreUnavailable(
                f"the {self.description} stopped answering ({e}); restart it with `iom up`."
            ) from e
        except redis.ResponseError as e:
            if is_disk_full(e):
                raise StoreError(disk_full_message(self.server.data_dir)) from e
            raise StoreError(f"query {query.name} failed in the embedded store: {e}") from e
        names = [col[1] for col in result.header]
        return [dict(zip(names, (plain(v) for v in row), strict=True)) for row in result.result_set]

    def _graph_for(self, query: Query) -> Graph:
        return self._audit if query.graph == "audit" else self._graph

    def _read(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        return self._query(self._graph_for(query), query, text, params, read_only=True)

    def _write(self, query: Query, text: str, params: Mapping[str, Any]) -> list[Row]:
        if query.graph == "audit":  # appends only; never swapped, so no lock is needed
            return self._query(self._audit, query, text, params, read_only=False)
        with self._write_lock():  # wait for an import: its commit would replace this write
            return self._query(self._graph, query, text, params, read_only=False)

    def _ensure_graph(self) -> None:
        """Create the (empty) graphs if missing, so read-only queries have a graph to read."""
        have = self._graphs()
        query = library().get("schema/create_graph", self.backend)
        for graph in (self._graph, self._audit):
            if graph.name not in have:
                self._query(graph, query, query.text, {}, read_only=False)

    def _move_legacy_audit_events(self, batch: int = 5000) -> int:
        """Move audit events an earlier iom kept in the records' graph into the audit graph.

        Copied first (idempotent on id), then removed, so a crash between the two loses
        nothing; returns how many were moved (0 on every open after the first).
        """
        moved = 0
        names = ("security/audit/legacy_events", "security/audit/keep_events")
        while True:
            events = [r["event"] for r in self.read(names[0], {"limit": batch})]
            if not events:
                return moved
            with self._write_lock():
                self.write(names[1], {"rows": events})
                ids = [str(e["id"]) for e in events]
                query = library().get("security/audit/drop_legacy_events", self.backend)
                self._query(self._graph, query, query.text, {"ids": ids}, read_only=False)
            moved += len(events)

    def _graphs(self) -> set[str]:
        return {g.decode() if isinstance(g, bytes) else g for g in self._db.list_graphs()}

    # -- the write lock ----------------------------------------------------------
    def _lock_connection(self) -> redis.Redis:
        return redis.Redis(
            unix_socket_path=str(self.server.socket),
            client_name=self._client_name,
            single_connection_client=True,
            retry=Retry(NoBackoff(), 0),
        )

    @contextlib.contextmanager
    def _write_lock(self, wait: float = LOCK_WAIT_S) -> Iterator[_Lock]:
        """Hold the store's write lock; it names this connection, so it dies with it."""
        conn = self._lock_connection()
        try:
            token = uuid.uuid4().hex
            value = json.dumps(
                {
                    "token": token,
                    "pid": os.getpid(),
                    "client": int(conn.client_id()),
                    "run": _run_id(conn),
                }
            )
            deadline = time.monotonic() + wait
            while not conn.set(self._lock_key, value, nx=True):
                self._clear_stale_lock(conn)
                if time.monotonic() > deadline:
                    holder = _holder(conn.get(self._lock_key))
                    raise StoreError(
                        f"another process (pid {holder.get('pid', '?')}) is writing to the "
                        "store; try again when it has finished."
                    )
                time.sleep(0.05)
            try:
                yield _Lock(conn, token, value)
            finally:
                with contextlib.suppress(redis.RedisError):
                    conn.eval(_RELEASE, 1, self._lock_key, value)
        finally:
            with contextlib.suppress(redis.RedisError):
                conn.close()

    def _clear_stale_lock(self, conn: redis.Redis) -> None:
        """Remove a lock whose connection is gone (its process died or the server restarted)."""
        raw = conn.get(self._lock_key)
        if raw is None:
            return
        holder = _holder(raw)
        if "token" not in holder:
            self._recover_legacy(conn, holder)
        elif holder.get("run") != _run_id(conn) or holder.get("client") not in _client_ids(conn):
            conn.eval(_RELEASE, 1, self._lock_key, raw)

    def _recover_legacy(self, conn: redis.Redis, holder: dict[str, Any]) -> None:
        """Roll back an in-place transaction of an earlier iom version whose process died."""
        pid = holder.get("pid")
        if isinstance(pid, int) and _alive(pid):
            return
        snapshot = str(holder.get("snapshot", ""))
        if snapshot and snapshot in self._graphs():
            if self.graph_name in self._graphs():
                conn.execute_command("GRAPH.DELETE", self.graph_name)
            with fork_lock(self.server.socket):
                self._wait_for_background_work()
                conn.execute_command("GRAPH.COPY", snapshot, self.graph_name)
            conn.execute_command("GRAPH.DELETE", snapshot)
        conn.delete(self._lock_key)

    def _discard_staging(self, conn: redis.Redis) -> None:
        """Delete staging copies left by writers that died (call only while holding the lock)."""
        for name in self._graphs():
            if name.startswith(self.graph_name + STAGING_INFIX):
                conn.execute_command("GRAPH.DELETE", name)

    # -- transactions ----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Writes go to a staging copy switched in whole at the end; any error discards it."""
        try:
            with self._write_lock() as lock:
                self._discard_staging(lock.conn)
                self._ensure_graph()
                staging = f"{self.graph_name}{STAGING_INFIX}{lock.token[:12]}"
                with fork_lock(self.server.socket):  # no rewrite or copy starts meanwhile
                    self._wait_for_background_work()
                    lock.conn.execute_command("GRAPH.COPY", self.graph_name, staging)
                tx = _FalkorTransaction(self, self._db.select_graph(staging))
                try:
                    yield tx
                    self._commit(lock, staging, tx.audit)
                finally:
                    with contextlib.suppress(redis.RedisError):
                        if staging in self._graphs():  # gone after a commit
                            lock.conn.execute_command("GRAPH.DELETE", staging)
            self._compact_log()
        except redis.ConnectionError as e:
            raise StoreUnavailable(f"the {self.description} stopped answering ({e})") from e
        except redis.ResponseError as e:
            if is_disk_full(e):
                raise StoreError(disk_full_message(self.server.data_dir)) from e
            raise StoreError(f"the {self.description} refused a write: {e}") from e

    def check_space(self, incoming_bytes: int) -> None:
        """Refuse an import the disk has no room for, saying how much it needs.

        An import keeps a staging copy of the graph beside the live one, logs its writes, and
        then rewrites the log: about twice the store's files plus four times the CSV text.
        """
        files = sum(p.stat().st_size for p in self.server.dir.rglob("appendonly*") if p.is_file())
        needed = 2 * files + 4 * incoming_bytes + SPACE_MARGIN
        free = free_bytes(self.server.dir)
        if free < needed:
            raise StoreError(
                f"not enough free disk space for this import: it needs about {_mb(needed)} in "
                f"{self.server.data_dir} and {_mb(free)} is free; free some space and try again."
            )

    def _commit(
        self, lock: _Lock, staging: str, audit: Sequence[tuple[str, dict[str, Any]]]
    ) -> None:
        """Write the audit events and switch the staging copy in, in one MULTI/EXEC."""
        with lock.conn.pipeline(transaction=True) as pipe:
            pipe.watch(self._lock_key)
            held = pipe.get(self._lock_key)
            if (held.decode() if isinstance(held, bytes) else held) != lock.value:
                raise StoreError(
                    "the write lost its lock on the store (its connection dropped); "
                    "nothing was written: try again."
                )
            pipe.multi()
            for text, params in audit:
                query = self._audit._build_params_header(params) + text
                pipe.execute_command("GRAPH.QUERY", self.audit_name, query, "--compact")
            pipe.rename(staging, self.graph_name)
            try:
                pipe.execute()
            except redis.WatchError:
                raise StoreError(
                    "another process took the store's write lock during this write; "
                    "nothing was written: try again."
                ) from None

    def _wait_for_background_work(self, timeout: float = 300.0) -> None:
        """Wait until the server has no child process (log rewrite, snapshot).

        GRAPH.COPY forks; started while a log rewrite's child is still alive, it blocks the
        server for good (seen with FalkorDB 4.16), so a transaction waits its turn here. Call
        it holding `fork_lock`, so no other child can start between this check and the fork.
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
        with fork_lock(self.server.socket), contextlib.suppress(redis.ResponseError):
            self._conn.bgrewriteaof()  # a ResponseError: one is already running, fine

    def drop_graph(self) -> None:
        """Delete this store's graphs and audit trail (to clean up throw-away test graphs)."""
        for name in self._graphs():
            if name in (self.graph_name, self.audit_name) or name.startswith(
                self.graph_name + STAGING_INFIX
            ):
                self._conn.execute_command("GRAPH.DELETE", name)

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
            if (
                self.started_server
                and self.server.ping()
                and self.server.stop_unless_used(lambda: self.other_clients() > 0)
            ):
                self._conn.close()
                return
        except redis.RedisError:
            pass
        with contextlib.suppress(redis.RedisError):
            self._conn.close()


def free_bytes(folder: Path) -> int:
    """Free space on the disk holding `folder` (a seam the tests replace to simulate a full one)."""
    return shutil.disk_usage(folder).free


def _mb(n: int) -> str:
    return f"{n / 1_000_000:,.0f} MB"


def _holder(raw: bytes | str | None) -> dict[str, Any]:
    """The lock's stored value as a dict ({} when absent or unreadable)."""
    if not raw:
        return {}
    try:
        return dict(json.loads(raw))
    except (ValueError, TypeError):
        return {}


def _run_id(conn: redis.Redis) -> str:
    """The server's run id: it changes at every restart, so old client ids mean nothing."""
    return str(conn.info("server").get("run_id", ""))


def _client_ids(conn: redis.Redis) -> set[int]:
    """Ids of the connections the server holds now."""
    return {int(c["id"]) for c in conn.client_list()}
