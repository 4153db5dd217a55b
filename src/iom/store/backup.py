"""Backups of the embedded store: a consistent copy of a running store, and its return.

A backup is a folder holding `store.rdb` (a point-in-time snapshot of every graph, the audit
trail included, taken by the server's own `BGSAVE`, so writes that run meanwhile are either
wholly in it or not at all) and `backup.json` (when, from where, its size and SHA-256).
Restoring puts the snapshot back as the store's base file; the store it replaces is kept
beside it (`appendonlydir.before-restore-<time>`), never deleted.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import redis

from iom.errors import ConfigError, StoreError
from iom.settings import Settings
from iom.store.embedded import EmbeddedServer, _client, fork_lock, private
from iom.store.falkor import FalkorStore

__all__ = ["Backup", "backup_store", "restore_store"]

SNAPSHOT = "store.rdb"
INFO = "backup.json"


@dataclass(frozen=True)
class Backup:
    """A backup folder and what it holds."""

    folder: Path
    created: str
    size: int
    sha256: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_store(settings: Settings, folder: Path, timeout: float = 600.0) -> Backup:
    """Write a consistent copy of the embedded store (running or not) into a new `folder`."""
    if settings.backend != "falkordb":
        raise ConfigError(
            "`iom backup` copies the embedded store; back up Neo4j with its own tools "
            "(neo4j-admin database dump, or Aura's snapshots)."
        )
    folder = Path(folder).expanduser().resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ConfigError(f"{folder} already exists and is not an empty folder: name a new one.")
    store = FalkorStore(settings, graph=settings.graph)
    try:
        # No import starts its staging copy, and no rewrite or copy (a fork) starts meanwhile.
        with store._write_lock(), fork_lock(store.server.socket):
            store._wait_for_background_work()
            client = _client(store.server.socket, timeout=timeout)
            try:
                before = int(client.lastsave().timestamp())
                client.bgsave()
                deadline = time.monotonic() + timeout
                while time.monotonic() < deadline:
                    info = client.info("persistence")
                    if not int(info.get("rdb_bgsave_in_progress", 0)) and (
                        int(info.get("rdb_last_save_time", 0)) >= before
                    ):
                        break
                    time.sleep(0.05)
                status = client.info("persistence").get("rdb_last_bgsave_status")
            except redis.ResponseError as e:
                raise StoreError(f"the store could not write its snapshot: {e}") from None
            finally:
                client.close()
        dump = store.server.dir / "dump.rdb"
        if status != "ok" or not dump.exists():
            raise StoreError(
                f"the store could not write its snapshot (see {store.server.logfile}); "
                "check there is free space beside it and try again."
            )
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        private(folder)
        target = folder / SNAPSHOT
        shutil.move(str(dump), target)
        private(target)
        created = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        backup = Backup(folder, created, target.stat().st_size, _sha256(target))
        meta = {
            "created": created,
            "data_dir": str(settings.data_dir),
            "size": backup.size,
            "sha256": backup.sha256,
        }
        (folder / INFO).write_text(json.dumps(meta, indent=2) + "\n")
        private(folder / INFO)
        return backup
    finally:
        store.close()


def read_backup(folder: Path) -> Backup:
    """The backup in `folder`, checked whole (size and SHA-256), or ConfigError saying why."""
    folder = Path(folder).expanduser().resolve()
    info, snapshot = folder / INFO, folder / SNAPSHOT
    if not info.exists() or not snapshot.exists():
        raise ConfigError(f"{folder} is not an iom backup (it needs {INFO} and {SNAPSHOT}).")
    try:
        meta = json.loads(info.read_text())
        size, sha = int(meta["size"]), str(meta["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        raise ConfigError(f"{info} is damaged; this backup cannot be trusted.") from None
    if snapshot.stat().st_size != size or _sha256(snapshot) != sha:
        raise ConfigError(f"{snapshot} does not match {info} (damaged or changed); not restored.")
    return Backup(folder, str(meta.get("created", "")), size, sha)


def restore_store(settings: Settings, folder: Path) -> tuple[Backup, Path | None]:
    """Put a backup back as the embedded store; the replaced files are kept beside it.

    The store must be stopped (`iom down`). Returns the backup and where the replaced files
    were moved (None when there were none). The restored store is started once to prove it
    loads, then stopped.
    """
    if settings.backend != "falkordb":
        raise ConfigError(
            "`iom restore` restores the embedded store; restore Neo4j with its tools."
        )
    backup = read_backup(folder)
    server = EmbeddedServer(settings.data_dir)
    if server.is_running():
        raise StoreError(
            f"the embedded store in {settings.data_dir} is running; stop it with `iom down`, "
            "then restore."
        )
    server._prepare_dir()
    kept: Path | None = None
    if server.aof_dir.exists():
        kept = server.dir / f"appendonlydir.before-restore-{time.strftime('%Y%m%d-%H%M%S')}"
        server.aof_dir.rename(kept)
    server.aof_dir.mkdir(mode=0o700)
    base = server.aof_dir / "appendonly.aof.1.base.rdb"
    shutil.copyfile(backup.folder / SNAPSHOT, base)
    (server.aof_dir / "appendonly.aof.1.incr.aof").write_bytes(b"")
    server.manifest.write_text(
        "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"
    )
    for path in server.aof_dir.iterdir():
        private(path)
    try:
        server.start()
    except StoreError:
        # The backup did not load: put the replaced files back, as they were.
        shutil.rmtree(server.aof_dir, ignore_errors=True)
        if kept is not None:
            kept.rename(server.aof_dir)
        raise
    server.stop()
    return backup, kept
