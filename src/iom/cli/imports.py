"""`iom import`: bring other systems' exports into the model (today: Neo4j's POLE)."""

from __future__ import annotations

from pathlib import Path

import click

from iom.cli import CliState, echo, main, pass_state

PURPOSE = "Import of a POLE crime-investigation export"


@main.group(name="import")
def import_group() -> None:
    """Import exports from other systems into the model, all or nothing."""


@import_group.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Convert and validate only; write nothing.")
@pass_state
def pole(state: CliState, folder: Path, dry_run: bool) -> None:
    """Import a Neo4j POLE crime-investigation CSV export (FOLDER of *.csv files).

    What maps is listed (docs/pole-import.md); what cannot be mapped is reported with counts.
    """
    from iom.ingest.pole import PoleError, import_pole
    from iom.reference import reference_for

    if not folder.is_dir():
        raise PoleError(f"{folder}: no such folder")
    conv, report = import_pole(
        state.store(),
        folder,
        state.actor(PURPOSE),
        dry_run=dry_run,
        reference=reference_for(state.settings()),
    )
    verb = "Would import" if dry_run else "Imported"
    echo(f"{verb} from {folder}:")
    for label, count in report.nodes.items():
        echo(f"  {label}: {count.rows:,}")
    for rtype, rels in report.relationships.items():
        echo(f"  {rtype}: {rels:,}")
    lines = conv.not_mapped_lines()
    if lines:
        echo("Not imported (no place in the model; see docs/pole-import.md):")
        for line in lines:
            echo(f"  {line}")
