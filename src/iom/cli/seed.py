"""`iom seed generate`: write the fictional seed force as CSV files in neo4j-admin layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from iom.cli import echo, main
from iom.cli.options import ISO_DATE

__all__ = ["seed"]


@main.group("seed")
def seed() -> None:
    """The fictional seed force: every person, group and event in it is invented."""


@seed.command("generate")
@click.option(
    "--persons",
    type=click.IntRange(min=1),
    default=3000,
    show_default=True,
    help="How many people the force holds.",
)
@click.option(
    "--seed",
    "seed_value",
    type=int,
    default=7,
    show_default=True,
    help="Random seed: the same seed gives the same files.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write nodes/, relationships/ and manifest.json into (its CSVs are replaced).",
)
@click.option(
    "--as-of",
    type=ISO_DATE,
    default="2026-11-01",
    show_default=True,
    help="The day the data describes: nothing happens after it.",
)
def generate(persons: int, seed_value: int, out: Path, as_of: date) -> None:
    """Generate the seed force as CSV files that `iom load` reads."""
    from iom.seed import generate as make

    manifest = make(
        out,
        persons=persons,
        seed=seed_value,
        as_of=as_of,
        progress=lambda line: echo(line, err=True),
    )
    totals = manifest.get("totals", {})
    echo(
        f"Wrote {len(manifest.get('files', {}))} files to {out}: "
        f"{totals.get('nodes', 0):,} records and {totals.get('relationships', 0):,} relationships "
        f"({persons:,} persons, seed {seed_value}, as of {as_of.isoformat()})."
    )


@seed.command("profile")
@click.argument(
    "directory", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option("--check", is_flag=True, help="Exit 1 when any measure is outside its target.")
def profile(directory: Path, check: bool) -> None:
    """Measure a generated force in DIR against the calibration targets (published figures)."""
    from iom.cli.stats import format_table
    from iom.seed.profile import profile_force

    measures = profile_force(directory)
    rows = [
        (
            m.target.measure,
            f"{m.target.low:g}"
            if m.target.low == m.target.high
            else f"{m.target.low:g} to {m.target.high:g}",
            f"{m.value:g}",
            "yes" if m.within else "NO",
        )
        for m in measures
    ]
    echo(format_table(["measure", "target", "value", "within"], rows))
    outside = [m.target.measure for m in measures if not m.within]
    echo(
        f"{len(measures) - len(outside)} of {len(measures)} measures within their targets"
        + (f"; outside: {', '.join(outside)}." if outside else ".")
    )
    if check and outside:
        raise click.exceptions.Exit(1)
