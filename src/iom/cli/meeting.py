"""`iom meeting`: plan a disruption panel or partner meeting with its agenda; record minutes."""

from __future__ import annotations

import click

from iom.cli import CliState, echo, main, pass_state
from iom.model import vocab_label
from iom.reference import reference_for

__all__ = ["meeting"]

PURPOSE = "OCG disruption panel and partner meeting"


@main.group()
def meeting() -> None:
    """Disruption panels and partner meetings: agenda, minutes, decisions."""


@meeting.command()
@click.option(
    "--type",
    "meeting_type",
    default="DISRUPTION_PANEL",
    show_default=True,
    help="DISRUPTION_PANEL or PARTNER_MEETING.",
)
@click.option("--date", "on", required=True, metavar="YYYY-MM-DD", help="The meeting's date.")
@click.option("--area", "area_id", default=None, help="Only OCGs operating in this area.")
@click.option("--title", default=None, help="A title (default: the type and date).")
@pass_state
def agenda(
    state: CliState, meeting_type: str, on: str, area_id: str | None, title: str | None
) -> None:
    """Plan a meeting: its agenda is built from OCGs that need attention, with the reasons."""
    from iom.disruption.meetings import plan_meeting

    mid, items = plan_meeting(
        state.store(),
        state.actor(PURPOSE),
        meeting_type,
        on,
        reference=reference_for(state.settings()),
        area_id=area_id,
        title=title,
    )
    echo(
        f"Planned {mid}: {vocab_label('MeetingType', meeting_type)} on {on}, "
        f"{len(items)} OCG(s) on the agenda."
    )
    for n, item in enumerate(items, start=1):
        echo(
            f"{n:2}. {item.ocg_id} {item.name} (band {item.band or '-'}): {'; '.join(item.reasons)}"
        )


@meeting.command()
@click.argument("meeting_id", metavar="MEETING")
@click.option("--minutes", "text", required=True, help="The minutes.")
@click.option(
    "--decision",
    "decisions",
    multiple=True,
    metavar="OCG=TEXT",
    help="A decision on an OCG on the agenda (repeat).",
)
@click.option(
    "--action",
    "actions",
    multiple=True,
    metavar="OCG|STRAND|OWNER|YYYY-MM-DD|DESCRIPTION",
    help="A new 4P action agreed (repeat).",
)
@click.option(
    "--held-on",
    "held_on",
    default=None,
    metavar="YYYY-MM-DD",
    help="When it was held (default: its planned date).",
)
@pass_state
def minutes(
    state: CliState,
    meeting_id: str,
    text: str,
    decisions: tuple[str, ...],
    actions: tuple[str, ...],
    held_on: str | None,
) -> None:
    """Record a meeting's minutes, decisions and new actions; prints the next date."""
    from iom.disruption.meetings import record_minutes
    from iom.disruption.plans import NewAction

    decided = {}
    for d in decisions:
        if "=" not in d:
            raise click.BadParameter(f"{d!r}: write a decision as OCG=TEXT")
        ocg_id, _, what = d.partition("=")
        decided[ocg_id.strip()] = what
    new = []
    for a in actions:
        parts = a.split("|", 4)
        if len(parts) != 5:
            raise click.BadParameter(f"{a!r}: write an action as OCG|STRAND|OWNER|DUE|DESCRIPTION")
        ocg_id, strand, owner, due, description = (p.strip() for p in parts)
        new.append(NewAction(ocg_id, strand, description, owner or None, due or None))
    next_on = record_minutes(
        state.store(),
        state.actor(PURPOSE),
        meeting_id,
        minutes=text,
        decisions=decided,
        actions=new,
        held_on=held_on,
        reference=reference_for(state.settings()),
    )
    echo(
        f"Recorded minutes of {meeting_id}: {len(decided)} decision(s), {len(new)} new "
        f"action(s). Next meeting: {next_on.isoformat()}."
    )


@meeting.command()
@click.argument("meeting_id", metavar="MEETING")
@pass_state
def show(state: CliState, meeting_id: str) -> None:
    """A meeting's agenda, minutes, decisions and agreed actions."""
    from iom.disruption.meetings import meeting_record

    r = meeting_record(state.store(), state.actor(PURPOSE), meeting_id)
    d = r["details"]
    echo(
        f"{meeting_id}  {d.get('title') or ''}  {d.get('held_on')}  "
        f"({vocab_label('MeetingStatus', r['status'])})"
    )
    for a in r["agenda"]:
        echo(f"  {a['position']}. {a['ocg_id']} {a['name']}: {'; '.join(a['reasons'] or [])}")
    minutes = r["minutes"] or {}
    if minutes:
        echo(f"Minutes: {minutes['text']}")
    for x in r["decisions"]:
        echo(f"  Decision on {x['subject_id']}: {x['text']}")
    for x in r["actions"]:
        echo(
            f"  Action for {x['subject_id']}: {x['text']} ({x['owner_name'] or '-'}, "
            f"due {x['due_on'] or '-'})"
        )
    if minutes.get("next_on"):
        echo(f"Next meeting: {minutes['next_on']}")
