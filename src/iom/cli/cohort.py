"""`iom cohort`: rank, explain, decide, evaluate, backtest, households and serial perpetrators."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.options import ISO_DATE
from iom.model import MODEL

PURPOSE = "IOM cohort review: ranking candidates for the selection panel"
COHORT_TYPES = MODEL.vocabularies["IomCohort"].values
FLAGS = MODEL.vocabularies["CohortFlag"].values
DECISIONS = MODEL.vocabularies["SelectionOutcome"].values

_as_of = click.option(
    "--as-of",
    "as_of",
    type=ISO_DATE,
    help="Score as on this date (default: today); later facts are ignored.",
)
_type = click.option(
    "--cohort-type",
    "cohort_type",
    type=click.Choice(COHORT_TYPES),
    help="One cohort type (default: each person in the type where they score highest).",
)
_json = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def _dump(value: Any) -> None:
    echo(json.dumps(value, indent=2, default=str))


@main.group()
def cohort() -> None:
    """The IOM cohort: explainable ranking, decisions, households, evaluation."""


@cohort.command()
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1),
              help="How many people to show, highest score first.")  # fmt: skip
@_type
@_as_of
@click.option("--flag", type=click.Choice(FLAGS), help="Only people with this flag (e.g. DUE_OUT).")
@click.option("--hub", help="Only people whose latest IOM hub is this (its name).")
@click.option("--ids", "ids_only", is_flag=True, help="Print only person ids, one a line.")
@_json
@click.option("--snapshot", is_flag=True, help="Also keep dated snapshots of the listed scores.")
@click.option("--export", "export_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the list with labels to a .csv or .xlsx file.")  # fmt: skip
@pass_state
def rank(
    state: CliState,
    top: int,
    cohort_type: str | None,
    as_of: date | None,
    flag: str | None,
    hub: str | None,
    ids_only: bool,
    as_json: bool,
    snapshot: bool,
    export_to: Path | None,
) -> None:
    """The ranked list with score, band, recommendation and flags (the panel decides)."""
    from iom.cohort.export import export_ranking, labelled
    from iom.cohort.priority import as_records, rank_people
    from iom.cohort.review import empty_note, filter_ranked
    from iom.cohort.snapshots import take_snapshots

    store = state.store()
    actor = state.actor(PURPOSE)
    scores = rank_people(store, actor, as_of=as_of, settings=state.settings())
    frame = scores.best() if cohort_type is None else scores.ranked(cohort_type)
    frame = filter_ranked(frame, flag=flag, hub=hub).head(top)
    if snapshot:
        kept = take_snapshots(store, actor, scores, frame["id"].tolist())
        echo(f"Kept {kept} score snapshot(s) (configuration {scores.config.version}).", err=True)
    if export_to is not None:
        export_ranking(labelled(frame, cohort_type), export_to)
        echo(f"Wrote {len(frame)} row(s) to {export_to}.", err=True)
    if ids_only:
        for person_id in frame["id"]:
            echo(person_id)
        return
    if as_json:
        _dump(
            {
                "as_of": scores.as_of.isoformat(),
                "config_version": scores.config.version,
                "cohort_type": cohort_type,
                "rows": as_records(frame.drop(columns=["markers"], errors="ignore")),
            }
        )
        return
    if frame.empty:
        nobody = not any(len(f) for f in scores.frames.values())
        echo(empty_note(scores) if nobody else "Nobody is ranked with these filters.")
        return
    table = labelled(frame, cohort_type)
    columns = ["Rank", "Person id", "Name", "Cohort type", "Score (0-100)", "Band",
               "Recommendation", "Flags"]  # fmt: skip
    which = f" ({cohort_type})" if cohort_type else " (each person's best cohort type)"
    echo(f"IOM cohort ranking as of {scores.as_of}{which}, top {len(frame)}:")
    echo(table[columns].to_string(index=False))
    echo("")
    echo(f"Configuration {scores.config.version}. `iom cohort explain PERSON` shows why.")


@cohort.command()
@click.argument("person")
@_type
@_as_of
@_json
@pass_state
def explain(
    state: CliState, person: str, cohort_type: str | None, as_of: date | None, as_json: bool
) -> None:
    """Why a person scores what they do, what changed, and what would take them below."""
    from iom.cohort.explain import explain_person

    explanation = explain_person(
        state.store(),
        state.actor(PURPOSE),
        person,
        as_of=as_of,
        cohort_type=cohort_type,
        settings=state.settings(),
    )
    if as_json:
        _dump(explanation.to_dict())
        return
    echo("\n".join(explanation.lines()))


@cohort.command()
@click.argument("person")
@click.option(
    "--decision", required=True, type=click.Choice(DECISIONS), help="What the panel decided."
)
@click.option("--cohort-type", "cohort_type", required=True, type=click.Choice(COHORT_TYPES),
              help="The cohort type the decision is about.")  # fmt: skip
@click.option("--reason", default="", help="Why (required: a decision without one is refused).")
@click.option("--on", "decided_on", type=ISO_DATE,
              help="The date of the decision (default: today).")  # fmt: skip
@pass_state
def decide(
    state: CliState,
    person: str,
    decision: str,
    cohort_type: str,
    reason: str,
    decided_on: date | None,
) -> None:
    """Record a panel decision (select, de-select, defer) with its reason."""
    from iom.cohort.decisions import record_decision

    record = record_decision(
        state.store(),
        state.actor("IOM selection panel decision"),
        person,
        decision,
        cohort_type,
        reason,
        decided_on=decided_on,
        settings=state.settings(),
    )
    echo(f"Recorded: {record.sentence()}")


@cohort.command()
@click.argument("person")
@_json
@pass_state
def history(state: CliState, person: str, as_json: bool) -> None:
    """A person's cohort history: panel decisions and IOM episodes."""
    from iom.cohort.decisions import decision_history
    from iom.cohort.review import history_lines

    found = decision_history(state.store(), state.actor(PURPOSE), person)
    if as_json:
        _dump(found)
        return
    echo("\n".join(history_lines(person, found)))


@cohort.command()
@_as_of
@_json
@pass_state
def evaluate(state: CliState, as_of: date | None, as_json: bool) -> None:
    """Offending and harm per year at liberty before vs after entry, against a matched group."""
    from iom.cohort.evaluate import evaluate_store

    result = evaluate_store(
        state.store(), state.actor("IOM outcome evaluation"), as_of=as_of,
        settings=state.settings(),
    )  # fmt: skip
    if as_json:
        _dump(result.records())
        return
    view = result.summary[
        ["group", "level", "key", "people", "before_rate", "after_rate", "rate_change_pct",
         "before_harm_rate", "after_harm_rate", "harm_change_pct"]
    ].round(2)  # fmt: skip
    echo(f"IOM outcome evaluation as of {result.as_of}")
    echo(view.to_string(index=False))
    echo("")
    echo(result.note)
    echo("Rates: offences (and CCHI harm days) per year at liberty; see docs/cohort.md.")


@cohort.command()
@click.option("--as-of", "as_of", required=True, type=ISO_DATE,
              help="Score with only the data before this date.")  # fmt: skip
@_type
@_json
@pass_state
def backtest(state: CliState, as_of: date, cohort_type: str | None, as_json: bool) -> None:
    """How well the ranking on a past date predicted the next 12 months, against baselines."""
    from iom.cohort.backtest import backtest_store

    result = backtest_store(
        state.store(), state.actor("IOM ranking backtest"), as_of,
        cohort_type=cohort_type, settings=state.settings(),
    )  # fmt: skip
    if as_json:
        _dump(result.records())
        return
    echo(f"Backtest as of {result.as_of} (outcomes to {result.horizon_end}):")
    echo(result.metrics.round(3).to_string(index=False))
    echo("")
    echo(result.note)


@cohort.command()
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1),
              help="How many households to list.")  # fmt: skip
@_as_of
@click.option("--explain", "explain_id", metavar="HOUSEHOLD", help="Explain one household.")
@_json
@pass_state
def households(
    state: CliState, top: int, as_of: date | None, explain_id: str | None, as_json: bool
) -> None:
    """High-impact households: offenders living there, harm, domestic abuse, children."""
    from iom.cohort.review import household_view

    view = household_view(
        state.store(), state.actor(PURPOSE), as_of=as_of, settings=state.settings()
    )
    if explain_id:
        echo("\n".join(view.explain(explain_id)))
        return
    if as_json:
        _dump({"as_of": view.as_of.isoformat(), "households": view.records(top)})
        return
    columns = ["rank", "household_id", "address", "score", "residents", "offenders", "harm",
               "da_incidents", "children"]  # fmt: skip
    table = view.top(top)[columns].round(1)
    echo(f"High-impact households as of {view.as_of}, top {len(table)}:")
    echo(table.to_string(index=False))
    echo("`iom cohort households --explain HOUSEHOLD` says why.")


@cohort.command()
@_as_of
@_json
@pass_state
def serial(state: CliState, as_of: date | None, as_json: bool) -> None:
    """Serial perpetrators of violence by the configured rule, with who leads them."""
    from iom.cohort.review import serial_view

    rows, rule = serial_view(
        state.store(), state.actor(PURPOSE), as_of=as_of, settings=state.settings()
    )
    if as_json:
        _dump({"rule": rule, "people": rows})
        return
    echo(rule)
    if not rows:
        echo("Nobody meets the rule.")
        return
    for r in rows:
        echo(
            f"{r['id']} {r['name']}: {r['victims']} victims over {r['incidents']} incidents, "
            f"last {r['last_on']}; lead: {r['lead_label'] or 'none'}"
            + (f" ({r['lead_owner']})" if r["lead_owner"] else "")
        )
