"""`iom stats`: how many records of each label and relationships of each type the store holds."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from iom.cli import CliState, echo, main, pass_state
from iom.errors import EMPTY_STORE
from iom.ingest import count_graph

__all__ = ["format_table", "stats"]


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table; numbers are right-aligned with thousands separators."""
    cells = [[f"{v:,}" if isinstance(v, int) else str(v) for v in row] for row in rows]
    numeric = [
        all(isinstance(row[i], int) for row in rows) and bool(rows) for i in range(len(headers))
    ]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(list(headers)), *(line(r) for r in cells)])


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@pass_state
def stats(state: CliState, as_json: bool) -> None:
    """Count the store's records per label and relationships per type.

    Data labels (Person, OCG, ... and extra labels such as Nominal) are listed apart from
    the audit trail and change history that iom writes itself.
    """
    counts = count_graph(state.store())
    if as_json:
        echo(json.dumps(counts.as_dict(), indent=2))
        return
    if not counts.labels and not counts.system:
        echo(EMPTY_STORE)
        echo(f"Store: {state.store().description}")
        return
    echo(format_table(["label", "records"], sorted(counts.labels.items())))
    echo()
    echo(format_table(["relationship", "count"], sorted(counts.relationships.items())))
    if counts.system:
        echo()
        echo(format_table(["kept by iom", "count"], sorted(counts.system.items())))
