"""`iom referral ...`: referral intake, matching, decisions, the list and counts by source."""

from __future__ import annotations

import click

from iom.casework import referrals
from iom.cli import CliState, echo, main, pass_state
from iom.cli.stats import format_table
from iom.model import vocab_label

PURPOSE = "IOM referral intake and decisions"


@main.group("referral")
def referral() -> None:
    """Referrals into IOM: add, match to existing records, decide, list, count."""


def _show_candidates(found: list[referrals.Candidate]) -> None:
    for c in found:
        echo(f"{c.id}  {c.name}  born {c.date_of_birth or '?'}  (matched on {c.matched_on})")
        for line in c.arrangement_lines():
            echo(f"    already: {line}")


@referral.command("match")
@click.option("--person", "person_id", metavar="ID", help="Person id or PNC id (tried first).")
@click.option("--first-name", help="First name (with last name and date of birth).")
@click.option("--last-name", help="Last name.")
@click.option("--dob", "date_of_birth", metavar="YYYY-MM-DD", help="Date of birth.")
@pass_state
def match(
    state: CliState,
    person_id: str | None,
    first_name: str | None,
    last_name: str | None,
    date_of_birth: str | None,
) -> None:
    """Find who a referral may be about: exact id first, then name and date of birth.

    Any IOM, MAPPA or MARAC arrangement and open referral already held is shown.
    """
    found = referrals.match_person(
        state.store(),
        state.actor(PURPOSE),
        person_id=person_id,
        first_name=first_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
    )
    if not found:
        echo("No one on record matches; `iom referral add` will record a new person.")
        return
    _show_candidates(found)


@referral.command("add")
@click.option("--source", required=True, help="Referral source (e.g. PRISON, PROBATION).")
@click.option("--reason", required=True, help="Why the person is referred.")
@click.option("--referrer", required=True, help="Who made the referral (name, team).")
@click.option("--person", "person_id", metavar="ID", help="The person's id or PNC id.")
@click.option("--first-name", help="First name, when the person has no id to hand.")
@click.option("--last-name", help="Last name.")
@click.option("--dob", "date_of_birth", metavar="YYYY-MM-DD", help="Date of birth.")
@click.option("--new-person", is_flag=True, help="Confirm the person is not the one on record.")
@click.option("--partner", "partner_id", metavar="ID", help="The referring partner agency's id.")
@click.option("--received-on", metavar="YYYY-MM-DD", help="Day received (default today).")
@pass_state
def add(state: CliState, **options: object) -> None:
    """Record a referral; a name match must be confirmed with --person or --new-person."""
    row = referrals.add_referral(state.store(), state.actor(PURPOSE), **options)  # type: ignore[arg-type]
    source = vocab_label("ReferralSource", row["source"])
    echo(f"Referral {row['id']} recorded: {row['name']} ({row['person_id']}) from {source}.")
    if row["new_person"]:
        echo(f"New person record {row['person_id']} created at intake.")
    for warning in row["warnings"]:
        echo(f"Note: already {warning}")


@referral.command("decide")
@click.argument("referral_id")
@click.option("--decision", required=True, help="ACCEPTED, DECLINED or DEFERRED (any case).")
@click.option("--reason", required=True, help="Why (required).")
@click.option("--episode", "episode_id", help="The IOM episode an accepted referral joins.")
@pass_state
def decide(
    state: CliState, referral_id: str, decision: str, reason: str, episode_id: str | None
) -> None:
    """Accept, decline or defer a referral, with the reason; who and when are recorded."""
    row = referrals.decide_referral(
        state.store(), state.actor(PURPOSE), referral_id, decision, reason, episode_id=episode_id
    )
    label = referrals.outcome_label(row["outcome"])
    line = f"Referral {row['id']} {label.lower()} by {row['decided_by']} at {row['decided_at']}."
    if row.get("episode_id"):
        line += f" Linked to IOM episode {row['episode_id']}."
    echo(line)


@referral.command("list")
@click.option("--status", help="Only this outcome (RECEIVED, ACCEPTED, DECLINED, DEFERRED...).")
@click.option("--source", help="Only this source.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@pass_state
def list_(state: CliState, status: str | None, source: str | None, limit: int) -> None:
    """Referrals, newest first."""
    rows = referrals.list_referrals(
        state.store(), state.actor(PURPOSE), status=status, source=source, limit=limit
    )
    if not rows:
        echo("No referrals.")
        return
    echo(
        format_table(
            ["referral", "received", "source", "status", "person", "name", "reason"],
            [
                [
                    r["id"],
                    r["received_on"],
                    vocab_label("ReferralSource", r["source"]),
                    referrals.outcome_label(r["outcome"]),
                    r.get("person_id") or "",
                    r["name"],
                    r.get("reason") or "",
                ]
                for r in rows
            ],
        )
    )


@referral.command("counts")
@pass_state
def counts(state: CliState) -> None:
    """How many referrals came from each source, by outcome."""
    rows = referrals.referral_counts(state.store())
    if not rows:
        echo("No referrals.")
        return
    echo(
        format_table(
            ["source", "outcome", "referrals"],
            [
                [
                    vocab_label("ReferralSource", r["source"]),
                    referrals.outcome_label(r["outcome"]),
                    int(r["referrals"]),
                ]
                for r in rows
            ],
        )
    )
