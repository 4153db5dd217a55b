"""`iom pathways ...` and `iom outstanding`: coverage across the cohort, capacity, who is sought."""

from __future__ import annotations

import click

from iom.casework import coverage as coverage_lib
from iom.casework.outstanding import KINDS
from iom.casework.outstanding import outstanding as outstanding_people
from iom.cli import CliState, echo, main, pass_state
from iom.cli.stats import format_table
from iom.model import vocab_label

PURPOSE = "IOM pathway coverage and partner capacity"


@main.group("pathways")
def pathways() -> None:
    """Pathway coverage across the cohort and partner capacity."""


@pathways.command("coverage")
@click.option("--hub", "hub_id", help="One hub (area id); default the whole cohort.")
@click.option("--no-scores", is_flag=True, help="Skip cohort scores (faster; no rising order).")
@pass_state
def coverage(state: CliState, hub_id: str | None, no_scores: bool) -> None:
    """Needs by pathway and status, declared capacity, and unmet needs (rising scores first)."""
    result = coverage_lib.pathway_coverage(
        state.store(), state.actor(PURPOSE), hub_id=hub_id, with_scores=not no_scores
    )
    heads = [
        vocab_label("ActionStatus", s) if s != "NOT_ASSESSED" else "Not assessed"
        for s in result.statuses
    ]
    table = []
    for row in result.rows:
        flag = "OVER" if row["over_capacity"] else ("none declared" if row["no_capacity"] else "")
        cap = "-" if row["capacity"] is None else row["capacity"]
        table.append(
            [row["label"], *(row[s] for s in result.statuses), row["open_needs"], cap, flag]
        )
    echo(format_table(["pathway", *heads, "open", "capacity", "flag"], table))
    echo(f"\nRule: {result.rule}")
    if result.unmet:
        echo("\nUnmet needs:")
        echo(
            format_table(
                ["person", "name", "pathway", "severity", "status", "hub", "score", "change"],
                [
                    [
                        n["person_id"],
                        n["person_name"],
                        vocab_label("Pathway", n["pathway"]),
                        vocab_label("NeedSeverity", n.get("severity")),
                        n["status"].replace("_", " ").lower(),
                        n.get("hub_name") or "-",
                        n.get("score", "-"),
                        n.get("score_change", "-"),
                    ]
                    for n in result.unmet
                ],
            )
        )


@pathways.command("capacity")
@click.argument("partner_id")
@click.argument("pathway")
@click.argument("places")
@pass_state
def capacity(state: CliState, partner_id: str, pathway: str, places: str) -> None:
    """Declare how many people PARTNER_ID can take at once on PATHWAY."""
    row = coverage_lib.declare_capacity(
        state.store(), state.actor(PURPOSE), partner_id, pathway, places
    )
    was = "" if row["before"] is None else f" (was {row['before']})"
    echo(
        f"{row['partner_name']}: {row['capacity']} places on "
        f"{vocab_label('Pathway', row['pathway'])}{was}."
    )


@main.command("outstanding")
@click.option("--area", "area_id", help="One area id.")
@click.option("--list", "show_list", is_flag=True, help="List the people, not only counts.")
@pass_state
def outstanding(state: CliState, area_id: str | None, show_list: bool) -> None:
    """Named suspects outstanding, failed to answer bail and wanted, per area."""
    result = outstanding_people(
        state.store(), state.actor("finding outstanding suspects"), area_id=area_id
    )
    if not result.counts:
        echo("No one outstanding.")
        return
    echo(
        format_table(
            ["area", *KINDS.values()],
            [[c["area_name"], *(int(c[k]) for k in KINDS)] for c in result.counts],
        )
    )
    if show_list:
        echo()
        echo(
            format_table(
                ["area", "kind", "person", "name", "offences", "since"],
                [
                    [
                        p["area_name"],
                        p["kind_label"],
                        p["person_id"],
                        p["name"],
                        ", ".join(p["offences"]),
                        p.get("since") or "",
                    ]
                    for p in result.people
                ],
            )
        )
