"""`iom cohort`: the ranked IOM cohort with each component's points and the rule that made them."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.options import ISO_DATE
from iom.reference import reference_for

if TYPE_CHECKING:  # pandas loads only when the command runs, so `iom --help` stays quick
    from iom.cohort.ranking import CohortRanking

PURPOSE = "IOM cohort review: ranking candidates for the selection panel"


def _table(ranking: CohortRanking) -> str:
    frame = ranking.shown()
    columns = ["rank", "id", "name", "cohort", "score", *ranking.points_columns]
    view = frame[columns].copy()
    view["cohort"] = view["cohort"].fillna("-")
    for column in ["score", *ranking.points_columns]:
        view[column] = view[column].map(lambda v: f"{v:.1f}")
    view = view.rename(columns={c: c.removesuffix("_points") for c in ranking.points_columns})
    return str(view.to_string(index=False))


@main.command()
@click.option(
    "--top",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="How many people to show, highest score first.",
)
@click.option(
    "--as-of",
    "as_of",
    type=ISO_DATE,
    help="Score as on this date (default: today); later offences are ignored.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (rows, weights, rule).")
@pass_state
def cohort(state: CliState, top: int, as_of: date | None, as_json: bool) -> None:
    """Rank people by recency, frequency and harm of their offences (a list for the panel)."""
    from iom.cohort.ranking import rank_cohort

    settings = state.settings()
    ranking = rank_cohort(
        state.store(),
        state.actor(PURPOSE),
        as_of=as_of,
        top=top,
        reference=reference_for(settings),
    )
    if as_json:
        echo(json.dumps(ranking.to_dict(), indent=2, default=str))
        return
    if ranking.empty:
        echo(ranking.note)
        return
    echo(f"IOM cohort ranking as of {ranking.as_of} (top {len(ranking.frame)}):")
    echo(_table(ranking))
    echo("")
    echo(f"Rule: {ranking.summary}")
    echo("Points per component are shown; `iom cohort --json` gives the full rule.")
