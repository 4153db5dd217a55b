"""`iom load DIR`: import a folder of CSV files in neo4j-admin layout, all or nothing."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime
from pathlib import Path

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.stats import format_table
from iom.ingest import LoadReport, load_directory
from iom.ingest.shift import moved_to_today
from iom.reference import reference_for

__all__ = ["load", "summary"]


def summary(report: LoadReport) -> str:
    """What a load wrote (or, for a dry run, would write), as text tables."""
    verb = "Checked" if report.dry_run else "Loaded"
    lines = [
        f"{verb} {len(report.files)} file(s) from {report.directory} in {report.seconds:.1f} s "
        f"({report.rows:,} rows, {report.rows_per_second:,.0f} rows/s)."
    ]
    if report.dry_run:
        lines.append("Dry run: nothing was written. The store would get:")
    rows = [
        (label, c.rows, c.new, c.changed, c.unchanged) for label, c in sorted(report.nodes.items())
    ]
    if rows:
        lines += ["", format_table(["label", "rows", "new", "changed", "unchanged"], rows)]
    if report.relationships:
        rels = sorted(report.relationships.items())
        lines += ["", format_table(["relationship", "rows"], rels)]
    if report.extra_labels:
        added = ", ".join(f"{k} {v:,}" for k, v in sorted(report.extra_labels.items()))
        lines += ["", f"Extra labels added: {added}."]
    lines.append("")
    done = "to write" if report.dry_run else "written"
    lines.append(f"{report.changes:,} change record(s) {done}.")
    if report.audit_event:
        lines.append(f"Audit event {report.audit_event} (COLLECTION).")
    return "\n".join(lines)


@main.command("load")
@click.argument(
    "directory", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--dry-run", is_flag=True, help="Check everything, show what would be written, write nothing."
)
@click.option(
    "--shift-dates-to-today",
    is_flag=True,
    help="Move every date by the same number of days so that the folder's as-of date "
    "(manifest.json) is today, e.g. to load a generated force as if it were current.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date the data is as of (default: the folder's manifest.json, else today): "
    "no birth or offence may come after it.",
)
@pass_state
def load(
    state: CliState,
    directory: Path,
    dry_run: bool,
    shift_dates_to_today: bool,
    as_of: datetime | None,
) -> None:
    """Import every CSV file under DIR (neo4j-admin import headers) into the store.

    Every file is checked first and every problem is listed as file:row:column; if there is
    any, nothing is written. Otherwise all files are written in one transaction. Loading the
    same files again changes nothing; changed values are kept in the change history.
    """
    settings = state.settings()
    with moved_to_today(directory) if shift_dates_to_today else nullcontext(directory) as folder:
        report = load_directory(
            state.store(),
            folder,
            state.actor(f"import of {directory}"),
            dry_run=dry_run,
            reference=reference_for(settings),
            progress=lambda line: echo(line, err=True),
            as_of=as_of.date() if as_of else None,
        )
    echo(summary(report))
