"""`iom backup`, `iom restore` and `iom repair`: copies of the embedded store and their return."""

from __future__ import annotations

from pathlib import Path

import click

from iom.cli import CliState, echo, main, pass_state
from iom.connection import backup_store, repair_embedded, restore_store

__all__ = ["backup", "repair", "restore"]


@main.command("backup")
@click.argument("folder", type=click.Path(path_type=Path))
@pass_state
def backup(state: CliState, folder: Path) -> None:
    """Write a consistent copy of the embedded store (running or not) into a new FOLDER."""
    made = backup_store(state.settings(), folder)
    echo(
        f"Backed up the embedded store to {made.folder} ({made.size:,} bytes, "
        f"sha256 {made.sha256[:12]}…). Restore it with `iom restore {made.folder}`."
    )


@main.command("restore")
@click.argument("folder", type=click.Path(path_type=Path))
@pass_state
def restore(state: CliState, folder: Path) -> None:
    """Put the backup in FOLDER back as the embedded store (stop it first with `iom down`)."""
    made, kept = restore_store(state.settings(), folder)
    echo(f"Restored the embedded store from {made.folder} (taken {made.created}).")
    if kept is not None:
        echo(f"The files it replaced are kept in {kept}; delete them when you are sure.")


@main.command("repair")
@pass_state
def repair(state: CliState) -> None:
    """Start a store whose log was cut short, dropping only its incomplete last write."""
    settings = state.settings()
    if repair_embedded(settings):
        echo(
            f"Repaired the embedded store in {settings.data_dir}: the incomplete last write was "
            "dropped, everything before it kept."
        )
    else:
        echo(f"The embedded store in {settings.data_dir} needed no repair.")
