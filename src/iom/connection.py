"""The store as the interfaces (CLI, dashboard) reach it: open, prepare, stop, describe.

Commands and pages never import `iom.store` or run a query: they get a store from here, pass
it to library functions, and render what those return (tests/test_architecture.py checks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iom.packaged import packaged
from iom.security.access import Actor
from iom.settings import Settings
from iom.store import EmbeddedServer, Store, open_store
from iom.store.backup import Backup, backup_store, restore_store
from iom.store.embedded import log_tail
from iom.store.indexes import ensure_schema

if TYPE_CHECKING:  # loaded when needed, so `iom --help` stays quick (pandas)
    from iom.ingest import LoadReport

__all__ = [
    "Backup",
    "EmbeddedStatus",
    "Store",
    "backup_store",
    "connect",
    "embedded_status",
    "ensure_seeded",
    "log_tail",
    "repair_embedded",
    "restore_store",
    "stop_embedded",
]


@dataclass(frozen=True)
class EmbeddedStatus:
    """Whether the embedded store's server runs, and where."""

    running: bool
    pid: int | None
    socket: Path
    write_error: str | None = None  # why a running store cannot write (a full disk)


def connect(settings: Settings) -> Store:
    """The configured store, opened (the embedded one is started if it is not running)."""
    return open_store(settings)


def embedded_status(settings: Settings) -> EmbeddedStatus:
    """The embedded server's state in `settings.data_dir`, without starting it."""
    server = EmbeddedServer(settings.data_dir)
    running = server.is_running()
    problem = server.write_error() if running else None
    return EmbeddedStatus(running, server.pid() if running else None, server.socket, problem)


def stop_embedded(settings: Settings, force: bool = False) -> bool:
    """Stop the embedded store (its data stays on disk); True when one was running.

    A store that cannot save its last changes (a full disk) keeps running and says so, unless
    `force`, which stops it anyway.
    """
    return EmbeddedServer(settings.data_dir).stop(force=force)


def repair_embedded(settings: Settings) -> bool:
    """Start a store whose log was cut short, dropping its incomplete last write; True if so."""
    return EmbeddedServer(settings.data_dir).repair()


SEEDING = "The store is empty: loading the fictional seed force (first start)…"


def ensure_seeded(
    store: Store,
    actor: Actor,
    *,
    seed: bool = True,
    announce: Callable[[str], None] | None = None,
    today: date | None = None,
) -> LoadReport | None:
    """Make the store ready to serve: key indexes, and the fictional seed force if empty.

    The seed force is loaded only when `seed` is set and the store holds nobody yet
    (`announce` is told so first), with every date moved by the same number of days so that
    its as-of date is `today` (default: today); the report of that load is returned, else None.
    """
    from iom.ingest import load_directory
    from iom.ingest.shift import moved_to_today
    from iom.overview import store_summary

    ensure_schema(store)
    if not seed or store_summary(store).people:
        return None
    if announce:
        announce(SEEDING)
    with moved_to_today(Path(str(packaged("seed_data"))), today) as folder:
        return load_directory(store, folder, actor)
