"""`iom config`: a force's own copies of the reference tables (harm weights, bands, cohort...)."""

from __future__ import annotations

from pathlib import Path

import click

from iom.cli import CliState, echo, main, pass_state
from iom.reference import FILES, copy_defaults
from iom.settings import Settings

__all__ = ["config", "config_folder"]


def config_folder(settings: Settings) -> Path:
    """Where reference tables are read from: IOM_CONFIG_DIR, else `<data dir>/config`."""
    return settings.reference_dir


def _source(settings: Settings) -> str:
    return "IOM_CONFIG_DIR" if settings.config_dir else "the data directory"


@main.group("config")
def config() -> None:
    """Reference tables a force can edit: harm weights, OCG bands, cohort and disruption."""


@config.command("init")
@click.argument("directory", metavar="[DIR]", required=False, type=click.Path(file_okay=False))
@pass_state
def init(state: CliState, directory: str | None) -> None:
    """Copy the default reference tables into DIR (default: <data dir>/config) to edit.

    Files already there are kept. iom reads the tables from IOM_CONFIG_DIR, else from
    <data dir>/config; a file missing there falls back to the packaged default.
    """
    settings = state.settings()
    default = settings.data_dir / "config"
    folder = Path(directory).expanduser().resolve() if directory else default
    written = copy_defaults(folder)
    kept = [name for name in FILES if folder / name not in written]
    if written:
        echo(f"Copied {', '.join(p.name for p in written)} to {folder}.")
    if kept:
        echo(f"Kept the existing {', '.join(kept)} in {folder}.")
    used = config_folder(settings).expanduser().resolve()
    if folder != used:
        echo(
            f"iom reads reference tables from {used} ({_source(settings)}): set "
            f"IOM_CONFIG_DIR={folder} to use these."
        )


@config.command("show")
@pass_state
def show(state: CliState) -> None:
    """Show where each reference table is read from."""
    settings = state.settings()
    folder = config_folder(settings)
    echo(f"Reference tables folder: {folder} (from {_source(settings)})")
    width = max(len(name) for name in FILES)
    for name in FILES:
        path = folder / name
        where = str(path) if path.is_file() else "packaged default (no copy in the folder)"
        echo(f"  {name.ljust(width)}  {where}")
