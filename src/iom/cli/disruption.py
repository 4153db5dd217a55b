"""`iom disruption`: record a disruption in the ledger, list it, and roll it up."""

from __future__ import annotations

import json
from datetime import date

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.options import ISO_DATE
from iom.cli.stats import format_table
from iom.model import vocab_label

__all__ = ["disruption"]

PURPOSE = "OCG disruption ledger"


@main.group()
def disruption() -> None:
    """The disruption ledger: every disruption, graded with rationale and approver."""


@disruption.command()
@click.option("--ocg", "ocg_id", required=True, help="The OCG disrupted.")
@click.option("--impact", required=True, help="MAJOR, MODERATE, MINOR, NONE or NEGATIVE.")
@click.option(
    "--tactic",
    "tactic_ids",
    multiple=True,
    required=True,
    help="The tactic used (repeat for more than one).",
)
@click.option("--date", "on", required=True, metavar="YYYY-MM-DD", help="When it happened.")
@click.option("--rationale", default="", help="Why this impact grade (required).")
@click.option("--approver", default=None, help="Approving officer's id (major and moderate).")
@click.option("--four-p", "four_p", default=None, help="4P strand (default: the tactic's).")
@click.option("--action", "action_id", default=None, help="The 4P plan action it came from.")
@click.option("--partner", "partner_id", default=None, help="The lead partner's id.")
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="LABEL:ID",
    help="Whom or what it targeted: Person, OCG, Household, Business or Vehicle.",
)
@click.option("--evidence", "evidence", multiple=True, help="An evidence reference (repeat).")
@click.option("--restrained", type=float, default=None, help="Assets restrained (POCA), £.")
@click.option("--recovered", type=float, default=None, help="Assets recovered (POCA), £.")
@click.option("--description", default="", help="What happened, in a sentence.")
@pass_state
def record(
    state: CliState,
    ocg_id: str,
    impact: str,
    tactic_ids: tuple[str, ...],
    on: str,
    rationale: str,
    approver: str | None,
    four_p: str | None,
    action_id: str | None,
    partner_id: str | None,
    targets: tuple[str, ...],
    evidence: tuple[str, ...],
    restrained: float | None,
    recovered: float | None,
    description: str,
) -> None:
    """Record one disruption; nothing is saved unless every part of it is right."""
    from iom.disruption.ledger import DisruptionEntry, record_disruption

    entry = DisruptionEntry(
        ocg_id=ocg_id,
        occurred_on=on,
        impact=impact,
        impact_rationale=rationale,
        tactic_ids=list(tactic_ids),
        four_p=four_p,
        approver_id=approver,
        action_id=action_id,
        lead_partner_id=partner_id,
        targets=[(t.partition(":")[0], t.partition(":")[2]) for t in targets],
        evidence_refs=list(evidence),
        assets_restrained=restrained,
        assets_recovered=recovered,
        description=description,
    )
    did = record_disruption(state.store(), state.actor(PURPOSE), entry)
    echo(
        f"Recorded {did}: {vocab_label('DisruptionImpact', entry.impact)} disruption of "
        f"{ocg_id} on {on}."
    )


@disruption.command("list")
@click.option("--ocg", "ocg_id", default=None, help="Only this OCG's disruptions.")
@click.option(
    "--since",
    type=ISO_DATE,
    metavar="YYYY-MM-DD",
    help="Only disruptions on or after this date.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def list_cmd(state: CliState, ocg_id: str | None, since: date | None, as_json: bool) -> None:
    """The ledger, newest first."""
    from iom.disruption.ledger import list_disruptions

    rows = list_disruptions(state.store(), state.actor(PURPOSE), ocg_id, since=since)
    if as_json:
        echo(json.dumps(rows, indent=2, default=str))
        return
    if not rows:
        echo("No disruptions recorded.")
        return
    table = [
        [
            r["id"],
            r["occurred_on"],
            r["ocg_id"],
            vocab_label("FourP", r["four_p"]),
            vocab_label("DisruptionImpact", r["impact"]),
            ", ".join(t["name"] for t in r["tactics"]),
            r.get("partner_name") or "-",
            r.get("approver_name") or r.get("approved_by") or "-",
        ]
        for r in rows
    ]
    echo(
        format_table(
            ["id", "date", "OCG", "4P", "impact", "tactics", "lead partner", "approved by"], table
        )
    )


@disruption.command()
@click.option(
    "--by",
    "by",
    default="area",
    show_default=True,
    type=click.Choice(["ocg", "partner", "area", "quarter", "four_p"]),
    help="What to count disruptions per.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def rollup(state: CliState, by: str, as_json: bool) -> None:
    """Disruptions per OCG, partner, area, quarter or 4P strand, by impact, per 1,000 people."""
    from iom.disruption.ledger import rollup as make_rollup
    from iom.model import MODEL

    rows = make_rollup(state.store(), state.actor(PURPOSE), by)
    if as_json:
        echo(json.dumps(rows, indent=2))
        return
    impacts = list(MODEL.vocabularies["DisruptionImpact"].values)
    headers = [
        by,
        "name",
        "total",
        *[vocab_label("DisruptionImpact", i) for i in impacts],
        "per 1,000",
    ]
    table = [
        [
            r["key"],
            r["name"],
            r["total"],
            *[r[i] for i in impacts],
            f"{r['per_1000']:.3f}" if "per_1000" in r else "-",
        ]
        for r in rows
    ]
    echo(format_table(headers, table))
