"""`iom ocg ...` plans and tactics: tactic suggestions and library, advice, 4P actions, work
lists, deconfliction and the what-if of removing members."""

from __future__ import annotations

import json
from datetime import date

import click

from iom.cli import CliState, echo, pass_state
from iom.cli.ocg import PURPOSE, ocg
from iom.cli.options import ISO_DATE
from iom.cli.stats import format_table
from iom.model import vocab_label
from iom.reference import reference_for

__all__ = ["action", "advise", "deconflict", "library", "tactics", "whatif", "worklist"]


@ocg.command()
@click.argument("ocg_id", metavar="OCG")
@click.option("--json", "as_json", is_flag=True, help="Print JSON with the evidence.")
@pass_state
def tactics(state: CliState, ocg_id: str, as_json: bool) -> None:
    """Suggested tactics ranked by what worked against same-activity OCGs, with evidence."""
    from dataclasses import asdict

    from iom.disruption.tactics import suggest_tactics

    found, rule, advice = suggest_tactics(
        state.store(), state.actor(PURPOSE), ocg_id, reference=reference_for(state.settings())
    )
    if as_json:
        data = {
            "rule": rule,
            "advice": advice,
            "suggestions": [{**asdict(s), "reason": s.reason} for s in found],
        }
        echo(json.dumps(data, indent=2, default=str))
        return
    if advice:
        names = ", ".join(t["name"] for t in advice["tactics"]) or "-"
        echo(
            f"Co-ordinator's advice ({advice['given_on']}, {advice['officer_name']}): "
            f"{advice['advice']} [{names}]"
        )
    for n, s in enumerate(found, start=1):
        echo(
            f"{n:2}. {s.name} ({vocab_label('TacticArea', s.tactic_area)}; "
            f"{vocab_label('PartnerType', s.owner_type)}): {s.reason}"
        )
        for e in s.evidence[:3]:
            echo(
                f"      {e['occurred_on']} {e['ocg_name']}: {e['impact_label']} - "
                f"{e['rationale'] or ''}"
            )
    echo(f"Rule: {rule}")


@ocg.command()
@pass_state
def library(state: CliState) -> None:
    """The tactic library by the menu of tactics' six areas, with owner and legal basis."""
    from iom.disruption.tactics import tactic_library

    for area, items in tactic_library(
        state.store(), reference=reference_for(state.settings())
    ).items():
        echo(f"{vocab_label('TacticArea', area)}:")
        for t in items:
            echo(f"  {t['id']}  {t['name']}  [{t['owner_label']}; {t['legal_basis']}]")


@ocg.command()
@click.argument("ocg_id", metavar="OCG")
@click.option("--officer", required=True, help="The co-ordinator giving the advice.")
@click.option("--advice", required=True, help="The advice in words.")
@click.option("--tactic", "tactic_ids", multiple=True, help="A tactic advised (repeat, in order).")
@click.option("--date", "on", type=ISO_DATE, metavar="YYYY-MM-DD", help="Given on (default today).")
@pass_state
def advise(
    state: CliState,
    ocg_id: str,
    officer: str,
    advice: str,
    tactic_ids: tuple[str, ...],
    on: date | None,
) -> None:
    """Record the OCG co-ordinator's advice on tactics for an OCG."""
    from iom.disruption.tactics import record_advice

    aid = record_advice(
        state.store(),
        state.actor(PURPOSE),
        ocg_id,
        officer,
        advice,
        list(tactic_ids),
        given_on=on,
    )
    echo(f"Recorded advice {aid} for {ocg_id}.")


@ocg.command()
@click.argument("ocg_id", metavar="OCG")
@click.option("--strand", required=True, help="PURSUE, PREVENT, PROTECT or PREPARE.")
@click.option("--description", required=True, help="What the action is.")
@click.option("--owner", default="", help="Officer or partner id who owns it (required).")
@click.option("--due", "due_on", default="", metavar="YYYY-MM-DD", help="Due date (required).")
@click.option("--objective", default="", help="The objective it serves.")
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="LABEL:ID",
    help="Whom it is aimed at, e.g. Person:P1 or Household:H1.",
)
@pass_state
def action(
    state: CliState,
    ocg_id: str,
    strand: str,
    description: str,
    owner: str,
    due_on: str,
    objective: str,
    targets: tuple[str, ...],
) -> None:
    """Add an action to the OCG's 4P plan (a plan is opened if it has none)."""
    from iom.disruption.plans import NewAction, add_action

    aid = add_action(
        state.store(),
        state.actor(PURPOSE),
        NewAction(
            ocg_id,
            strand,
            description,
            owner or None,
            due_on or None,
            objective,
            targets=[tuple(t.split(":", 1)) if ":" in t else ("", t) for t in targets],  # type: ignore[misc]
        ),
    )
    echo(f"Added {aid} to the 4P plan of {ocg_id}.")


@ocg.command()
@click.argument("owner_id", metavar="OWNER")
@pass_state
def worklist(state: CliState, owner_id: str) -> None:
    """An officer's or partner's open plan actions, overdue first."""
    from iom.disruption.plans import work_list

    rows = work_list(state.store(), state.actor(PURPOSE), owner_id)
    if not rows:
        echo(f"No open actions for {owner_id}.")
        return
    table = [
        [
            r["action_id"],
            r.get("ocg_id") or r.get("person_id") or "-",
            r["description"],
            r.get("due_on") or "-",
            "OVERDUE" if r["overdue"] else "",
        ]
        for r in rows
    ]
    echo(format_table(["action", "for", "description", "due", ""], table))


@ocg.command()
@click.argument("person_id", metavar="[PERSON]", required=False)
@pass_state
def deconflict(state: CliState, person_id: str | None) -> None:
    """IOM nominals who are OCG members: IOM plan and 4P actions side by side, conflicts flagged."""
    from iom.disruption.deconfliction import deconflict as find

    found = find(
        state.store(),
        state.actor(PURPOSE),
        reference=reference_for(state.settings()),
        person_id=person_id,
    )
    if not found:
        echo("No IOM nominal with an open plan is an OCG member.")
        return
    for d in found:
        ocgs = ", ".join(f"{g['id']} ({vocab_label('OcgRole', g.get('role'))})" for g in d.ocgs)
        echo(
            f"{d.person_id} {d.name}: {ocgs}; {len(d.iom_actions)} IOM action(s), "
            f"{len(d.ocg_actions)} 4P action(s) aimed at them or their home"
        )
        for c in d.conflicts:
            echo(f"  CONFLICT ({c.rule}): {c.iom_action} / {c.ocg_action}: {c.detail}")


@ocg.command()
@click.argument("ocg_id", metavar="OCG")
@click.option(
    "--remove",
    "remove",
    required=True,
    metavar="P1,P2",
    help="The people the tactic would remove (arrest, remand, relocation), comma-separated.",
)
@click.option("--tactic", "tactic_id", metavar="ID", help="The proposed tactic (its record).")
@click.option("--steps", default=10, show_default=True, help="Recovery steps after removal.")
@click.option("--seed", default=0, show_default=True, help="Seed of the recovery simulation.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def whatif(
    state: CliState,
    ocg_id: str,
    remove: str,
    tactic_id: str | None,
    steps: int,
    seed: int,
    as_json: bool,
) -> None:
    """What-if: the predicted effect of removing people from the OCG's network, beside the
    ledger's record of what similar disruptions achieved against same-threat OCGs."""
    from dataclasses import asdict

    from iom.disruption.whatif import ocg_whatif

    w = ocg_whatif(
        state.store(),
        state.actor(PURPOSE),
        ocg_id,
        remove.split(","),
        reference=reference_for(state.settings()),
        tactic_id=tactic_id,
        steps=steps,
        seed=seed,
    )
    if as_json:
        echo(json.dumps(asdict(w), indent=2, default=str))
        return
    gone = ", ".join(f"{r['name']} ({r['id']}, {r['role']})" for r in w.removed)
    echo(f"What-if for {w.ocg_name} ({w.ocg_id}), {w.threat_label}: remove {gone}")
    echo(f"Network: {w.scope}: {w.people} people, {w.ties} ties")
    echo("")
    echo(f"Key players ({w.key_rule}):")
    if not w.key_players:
        echo("  none: nobody lies between others in this network")
    for k in w.key_players:
        echo(f"{k['rank']:2}. {k['name']} ({k['id']}, {k['role']}): {k['reason']}")
    echo("")
    echo("Predicted effect on the group:")
    echo(
        format_table(
            [
                "measure",
                "before",
                "after",
                f"after {w.steps} recovery steps",
                f"top {len(w.removed)} by betweenness",
            ],
            [
                [m["label"], m["before"], m["after"], m["recovered"], m["by_centrality"]]
                for m in w.measures
            ],
        )
    )
    echo(w.summary)
    echo("")
    echo("What similar disruptions achieved (the ledger):")
    if not w.history:
        echo("  no disruption recorded against OCGs of this threat yet")
    for h in w.history:
        echo(f"  {h['tactic']}: {h['record']}")
        for e in h["evidence"][:3]:
            echo(
                f"      {e['occurred_on']} {e['ocg_name']}: {e['impact_label']} - "
                f"{e['rationale'] or ''}"
            )
    echo(f"Rule: {w.history_rule}")
