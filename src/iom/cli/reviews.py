"""`iom reviews ...`: record a review, list due and overdue work, write the reminder digest."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from iom.casework import digest, reviews
from iom.cli import CliState, echo, main, pass_state
from iom.cli.plan import print_plan, version_option
from iom.cli.stats import format_table
from iom.model import vocab_label

PURPOSE = "IOM plan reviews and reminders"

today_option = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Treat this day as today (default: today).",
)
horizon_option = click.option(
    "--horizon",
    default=reviews.DEFAULT_HORIZON_DAYS,
    show_default=True,
    type=click.IntRange(0, 90),
    help="Days ahead that count as due.",
)


@main.group("reviews")
def reviews_group() -> None:
    """Plan reviews every 4-6 weeks: record them, list what is due, write reminders."""


@reviews_group.command("record")
@click.argument("plan_id")
@version_option
@click.option("--notes", required=True, help="What the review found (required).")
@click.option("--decisions", default="", help="What was decided.")
@click.option("--outcome", default="CONTINUE", show_default=True, help="CONTINUE, ESCALATE, ...")
@click.option("--held-on", metavar="YYYY-MM-DD", help="Day held (default today).")
@pass_state
def record(state: CliState, plan_id: str, version: int, **options: str) -> None:
    """Record a review held by you; the next review is one interval later."""
    print_plan(
        reviews.record_review(state.store(), state.actor(PURPOSE), plan_id, version, **options)
    )


@reviews_group.command("due")
@click.option("--owner", "owner_id", help="Only this officer's or partner's items.")
@click.option("--hub", "hub_id", help="Only this hub (area id).")
@today_option
@horizon_option
@pass_state
def due(
    state: CliState,
    owner_id: str | None,
    hub_id: str | None,
    today: datetime | None,
    horizon: int,
) -> None:
    """Due and overdue reviews and actions, overdue first."""
    items = reviews.work_items(
        state.store(),
        state.actor(PURPOSE),
        today=today.date() if today else None,
        horizon_days=horizon,
        owner_id=owner_id,
        hub_id=hub_id,
    )
    if not items:
        echo("Nothing due or overdue.")
        return
    echo(
        format_table(
            ["state", "due", "late", "kind", "owner", "hub", "person", "plan", "what"],
            [
                [
                    i.state,
                    i.due_on,
                    i.days_late,
                    i.kind,
                    i.owner_name,
                    i.hub_name or "-",
                    i.person_name or "-",
                    i.plan_id,
                    i.description
                    + (f" ({vocab_label('Pathway', i.pathway)})" if i.pathway else ""),
                ]
                for i in items
            ],
        )
    )


@reviews_group.command("digest")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for <owner>.md and <owner>.ics files.",
)
@today_option
@horizon_option
@pass_state
def digest_(state: CliState, out_dir: Path, today: datetime | None, horizon: int) -> None:
    """Write the daily reminder digest: a message and a calendar file per owner."""
    written = digest.write_digest(
        state.store(),
        state.actor(PURPOSE),
        out_dir,
        today=today.date() if today else None,
        horizon_days=horizon,
    )
    if not written:
        echo("Nothing due or overdue; no files written.")
        return
    for f in written:
        echo(
            f"{f.owner_name} ({f.owner_id}): {f.items} items, {f.overdue} overdue -> "
            f"{f.message.name}, {f.calendar.name}"
        )
