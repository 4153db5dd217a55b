"""`iom plan ...`: a nominal's plan: needs per pathway, actions, evaluation, interval, history.

Every edit names the plan version it was made against (`--plan-version`, shown by
`iom plan show`): if someone else saved the plan since, the edit is refused.
"""

from __future__ import annotations

import click

from iom.casework import actions, needs, plans
from iom.cli import CliState, echo, main, pass_state
from iom.cli.stats import format_table
from iom.errors import RecordNotFound
from iom.model import vocab_label

PURPOSE = "IOM plan management"

version_option = click.option(
    "--plan-version",
    "version",
    required=True,
    type=int,
    help="The plan version you are editing (from `iom plan show`); refused if it moved on.",
)


@main.group("plan")
def plan() -> None:
    """A nominal's IOM plan: open, show, assess needs, actions, evaluation, history."""


def _label(vocabulary: str, code: str | None) -> str:
    return vocab_label(vocabulary, code) if code else "-"


def print_plan(view: plans.PlanView) -> None:
    """Print a plan: needs, actions and reviews, with human labels."""
    p = view.plan
    echo(
        f"Plan {p['id']} (version {view.version}) for {p['person_name']} ({p.get('person_id')}): "
        f"{_label('PlanStatus', p.get('status'))}, owner {p.get('owner_name') or '-'}, "
        f"hub {p.get('hub_name') or '-'}"
    )
    weeks = p.get("review_interval_weeks") or plans.DEFAULT_INTERVAL_WEEKS
    echo(
        f"Opened {p.get('opened_on')}; reviews every {weeks} weeks; next review "
        f"{p.get('next_review_due') or '-'}"
    )
    if view.needs:
        echo("\nNeeds (current assessment per pathway):")
        echo(
            format_table(
                ["pathway", "severity", "status", "assessed", "source"],
                [
                    [
                        _label("Pathway", n["pathway"]),
                        _label("NeedSeverity", n.get("severity")),
                        _label("ActionStatus", n.get("status")),
                        n.get("assessed_on") or "-",
                        n["source"],
                    ]
                    for n in view.needs
                ],
            )
        )
    if view.actions:
        echo("\nActions:")
        echo(
            format_table(
                ["action", "pathway", "description", "owner", "due", "status", "evaluation"],
                [
                    [
                        a["id"],
                        _label("Pathway", a.get("pathway")),
                        a.get("description") or "",
                        a.get("owner_name") or "-",
                        a.get("due_on") or "-",
                        _label("ActionStatus", a.get("status")),
                        _label("ActionEvaluation", a.get("evaluation")),
                    ]
                    for a in view.actions
                ],
            )
        )
    if view.reviews:
        echo("\nReviews:")
        for r in view.reviews:
            echo(
                f"{r.get('held_on') or 'due ' + str(r.get('due_on'))}  "
                f"{_label('ReviewOutcome', r.get('outcome'))}  {r.get('notes') or ''}"
            )


@plan.command("open")
@click.argument("person_id")
@click.option("--owner", "owner_id", required=True, help="The owning officer's id.")
@click.option("--title", help="Plan title (default 'IOM plan').")
@click.option("--opened-on", metavar="YYYY-MM-DD", help="Day opened (default today).")
@click.option("--interval", "weeks", default=6, show_default=True, help="Review every 4-6 weeks.")
@pass_state
def open_(
    state: CliState,
    person_id: str,
    owner_id: str,
    title: str | None,
    opened_on: str | None,
    weeks: int,
) -> None:
    """Open a person's plan (one open plan per nominal)."""
    view = plans.open_plan(
        state.store(),
        state.actor(PURPOSE),
        person_id,
        owner_id,
        title=title,
        opened_on=opened_on,
        review_interval_weeks=weeks,
    )
    print_plan(view)


@plan.command("show")
@click.argument("plan_or_person")
@pass_state
def show(state: CliState, plan_or_person: str) -> None:
    """Show a plan (by plan id, or a person's open plan by person id)."""
    store, actor = state.store(), state.actor(PURPOSE)
    try:
        view = plans.get_plan(store, actor, plan_or_person)
    except RecordNotFound:
        view = plans.plan_of_person(store, actor, plan_or_person)
    print_plan(view)


@plan.command("assess")
@click.argument("plan_id")
@version_option
@click.option("--pathway", required=True, help="Pathway code or label (e.g. ACCOMMODATION).")
@click.option("--severity", required=True, help="LOW, MEDIUM or HIGH.")
@click.option("--status", required=True, help="NOT_STARTED, IN_PROGRESS, SUPPORT_REQUIRED, ...")
@click.option("--on", "assessed_on", metavar="YYYY-MM-DD", help="Day assessed (default today).")
@click.option("--notes", default="", help="Assessment notes.")
@pass_state
def assess(state: CliState, plan_id: str, version: int, **options: str) -> None:
    """Record a dated needs assessment on a pathway (earlier assessments are kept)."""
    print_plan(needs.assess_need(state.store(), state.actor(PURPOSE), plan_id, version, **options))


@plan.command("action-add")
@click.argument("plan_id")
@version_option
@click.option("--pathway", required=True, help="Pathway code or label.")
@click.option("--description", required=True, help="What is to be done.")
@click.option("--owner", "owner_id", required=True, help="Officer or partner agency id.")
@click.option("--due", "due_on", required=True, metavar="YYYY-MM-DD", help="Due date.")
@click.option("--created-on", metavar="YYYY-MM-DD", help="Day created (default today).")
@pass_state
def action_add(state: CliState, plan_id: str, version: int, **options: str) -> None:
    """Add an action on a pathway, owned by an officer or partner agency."""
    print_plan(actions.add_action(state.store(), state.actor(PURPOSE), plan_id, version, **options))


@plan.command("action-update")
@click.argument("plan_id")
@click.argument("action_id")
@version_option
@click.option("--status", help="New status.")
@click.option("--outcome", help="What happened.")
@click.option("--due", "due_on", metavar="YYYY-MM-DD", help="New due date.")
@click.option("--completed-on", metavar="YYYY-MM-DD", help="Day finished.")
@pass_state
def action_update(
    state: CliState, plan_id: str, action_id: str, version: int, **options: str | None
) -> None:
    """Change an action's status, outcome or dates."""
    view = actions.update_action(
        state.store(), state.actor(PURPOSE), plan_id, version, action_id, **options
    )
    print_plan(view)


@plan.command("evaluate")
@click.argument("plan_id")
@click.argument("action_id")
@version_option
@click.option("--evaluation", required=True, help="WORKED, DID_NOT_WORK or UNKNOWN.")
@click.option("--note", required=True, help="What made the difference (required).")
@pass_state
def evaluate(
    state: CliState, plan_id: str, action_id: str, version: int, evaluation: str, note: str
) -> None:
    """Say whether a finished action worked, with a note (for the searchable history)."""
    view = actions.evaluate_action(
        state.store(),
        state.actor(PURPOSE),
        plan_id,
        version,
        action_id,
        evaluation=evaluation,
        note=note,
    )
    print_plan(view)


@plan.command("interval")
@click.argument("plan_id")
@click.argument("weeks")
@version_option
@pass_state
def interval(state: CliState, plan_id: str, weeks: str, version: int) -> None:
    """Set the review interval (4 to 6 weeks); the next review date moves with it."""
    print_plan(
        plans.set_review_interval(state.store(), state.actor(PURPOSE), plan_id, version, weeks)
    )


@plan.command("history")
@click.argument("plan_id")
@pass_state
def history(state: CliState, plan_id: str) -> None:
    """Every change to a plan and what is under it: who, when, before -> after."""
    rows = plans.plan_history(state.store(), state.actor(PURPOSE), plan_id)
    for row in rows:
        keys = sorted(set(row["before"]) | set(row["after"]))
        diff = "; ".join(f"{k}: {row['before'].get(k)!s} -> {row['after'].get(k)!s}" for k in keys)
        echo(f"{row['at']}  {row['user']}  {row['label']} {row['record_id']}  {diff}")
