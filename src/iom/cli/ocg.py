"""`iom ocg`: the command group; OCG list, profile, band explanation, assessments, owners.

Plans and tactics (`iom ocg tactics`, `advise`, `action`, `whatif`...) are in `ocg_plans`."""

from __future__ import annotations

import json
from datetime import date

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.options import ISO_DATE
from iom.cli.stats import format_table
from iom.model import vocab_label
from iom.reference import reference_for

__all__ = ["PURPOSE", "ocg"]

PURPOSE = "OCG disruption management"


def _pairs(values: tuple[str, ...], what: str) -> dict[str, str]:
    """KEY=VALUE options as a map; a value without '=' is a usage error."""
    out = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r}: write {what} as KEY=VALUE")
        key, _, value = v.partition("=")
        out[key.strip()] = value.strip()
    return out


@main.group()
def ocg() -> None:
    """OCGs: bands and assessments, plan owners, 4P plans and tactics."""


@ocg.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def list_cmd(state: CliState, as_json: bool) -> None:
    """Every OCG with its band, status, areas, owner, members and next assessment due."""
    from iom.disruption.ocgs import list_ocgs

    rows = list_ocgs(state.store(), state.actor(PURPOSE), reference=reference_for(state.settings()))
    if as_json:
        echo(json.dumps(rows, indent=2, default=str))
        return
    if not rows:
        echo("No OCGs in the store.")
        return
    table = [
        [
            r["id"],
            r["name"],
            r["threat_label"],
            r["band"] or "-",
            r["status"] or "-",
            ",".join(r["areas"]) or "-",
            r["owner"] or "-",
            r["members"],
            (r["next_due"] or "-") + (" overdue" if r["assessment_overdue"] else ""),
        ]
        for r in rows
    ]
    headers = ["id", "name", "threat", "band", "status", "areas", "owner", "members", "next due"]
    echo(format_table(headers, table))


@ocg.command("show")
@click.argument("ocg_id", metavar="OCG")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def show(state: CliState, ocg_id: str, as_json: bool) -> None:
    """One OCG: details, members, owner, band, 4P plan, ledger and decisions."""
    from dataclasses import asdict

    from iom.disruption.ocgs import ocg_profile

    p = ocg_profile(
        state.store(), state.actor(PURPOSE), ocg_id, reference=reference_for(state.settings())
    )
    if as_json:
        echo(json.dumps({**p, "band": asdict(p["band"])}, indent=2, default=str))
        return
    d = p["details"]
    echo(f"{p['id']}  {d.get('name')}  ({vocab_label('SocThreat', d.get('threat'))})")
    echo(f"Activity: {d.get('activity') or '-'}")
    echo(f"Band: {d.get('band') or '-'}   Status: {d.get('status') or '-'}")
    echo(f"Areas: {', '.join(p['areas']) or '-'}")
    echo(f"Owner: {', '.join(o['name'] for o in p['owners']) or '-'}")
    echo("")
    echo(f"Members ({len(p['members'])}):")
    rows = [
        [
            m["id"],
            m["name"],
            vocab_label("OcgRole", m.get("role")),
            m.get("since") or "-",
            m.get("until") or "-",
        ]
        for m in p["members"]
    ]
    if rows:
        echo(format_table(["id", "name", "role", "since", "until"], rows))
    for plan in p["plan"]["plans"]:
        echo("")
        echo(f"{plan['title']} ({plan['status']}), owner {plan['owner'].get('name') or '-'}")
        for strand, actions in plan["strands"].items():
            for a in actions:
                owner = (a["owner"] or {}).get("name") or "-"
                flag = " OVERDUE" if a["overdue"] else ""
                echo(
                    f"  {vocab_label('FourP', strand):8} {a['id']}  {a['description']}  "
                    f"[{vocab_label('ActionStatus', a['status'])}, due {a['due_on'] or '-'}, "
                    f"{owner}]{flag}"
                )
    echo("")
    echo(f"Disruptions ({len(p['ledger'])}):")
    for x in p["ledger"]:
        echo(
            f"  {x['occurred_on']}  {vocab_label('DisruptionImpact', x['impact']):8}  "
            f"{', '.join(t['name'] for t in x['tactics'])}: {x['impact_rationale']}"
        )
    echo("")
    echo(f"Decisions ({len(p['decisions'])}):")
    for x in p["decisions"]:
        echo(f"  {x['held_on']}  {x['title'] or x['meeting_id']}: {x['decision'] or '-'}")


@ocg.command()
@click.argument("ocg_id", metavar="OCG")
@pass_state
def explain(state: CliState, ocg_id: str) -> None:
    """The OCG's band and why: the attribute grades, the rule, the band table, the history."""
    from iom.disruption.assessment import explain_band

    e = explain_band(
        state.store(), state.actor(PURPOSE), ocg_id, reference=reference_for(state.settings())
    )
    score = "-" if e.score is None else f"{e.score:g}"
    echo(f"{ocg_id}: band {e.band or '-'} (score {score}, assessed {e.assessed_on or '-'})")
    echo(f"Why: {e.note}.")
    if e.parts:
        rows = [
            [
                p["label"],
                p["grade_label"],
                f"{p['weight']:g}",
                f"{p['points']:g}",
                f"{p['contribution']:g}",
                p["note"] or "",
            ]
            for p in e.parts
        ]
        echo(format_table(["attribute", "grade", "weight", "points", "adds", "note"], rows))
    echo(f"Rule: {e.rule}")
    if e.next_due:
        echo(f"Next assessment due: {e.next_due}")
    if e.history:
        echo("History:")
        for h in e.history:
            change = {"first": "first band", "same": "unchanged", "changed": "changed"}[h["change"]]
            prev = f" from {h['previous_band']}" if h["change"] == "changed" else ""
            echo(f"  {h['assessed_on']}  {h['band']}  ({change}{prev})  {h['rationale'] or ''}")


@ocg.command()
@click.argument("ocg_id", metavar="OCG")
@click.option(
    "--grade",
    "grades",
    multiple=True,
    metavar="ATTRIBUTE=GRADE",
    help="One per attribute, e.g. CAPABILITY=HIGH (grades: HIGH, MEDIUM, LOW).",
)
@click.option(
    "--note",
    "notes",
    multiple=True,
    metavar="ATTRIBUTE=TEXT",
    help="A note on an attribute's grade.",
)
@click.option(
    "--date", "on", type=ISO_DATE, metavar="YYYY-MM-DD", help="Assessed on (default today)."
)
@click.option("--by", "by", help="Who assessed (default: you).")
@click.option("--rationale", default="", help="Why, in a sentence.")
@pass_state
def assess(
    state: CliState,
    ocg_id: str,
    grades: tuple[str, ...],
    notes: tuple[str, ...],
    on: date | None,
    by: str | None,
    rationale: str,
) -> None:
    """Record a dated assessment: grade each attribute; the score and band follow the table."""
    from iom.disruption.assessment import record_assessment

    stored, scored = record_assessment(
        state.store(),
        state.actor(PURPOSE),
        ocg_id,
        _pairs(grades, "--grade"),
        notes=_pairs(notes, "--note"),
        assessed_on=on,
        assessed_by=by,
        rationale=rationale,
        reference=reference_for(state.settings()),
    )
    echo(
        f"Recorded {stored.id}: {ocg_id} scores {scored.score:g}, band {scored.band}; "
        f"next due {stored.next_due}."
    )
    for p in scored.parts:
        echo(f"  {p['label']}: {p['grade_label']} (+{p['contribution']:g})")


@ocg.command()
@click.option("--as-of", "as_of", type=ISO_DATE, metavar="YYYY-MM-DD", help="As on this date.")
@pass_state
def due(state: CliState, as_of: date | None) -> None:
    """Reminders: live OCGs whose assessment is overdue or due soon."""
    from iom.disruption.assessment import assessments_due

    rows = assessments_due(
        state.store(),
        state.actor(PURPOSE),
        reference=reference_for(state.settings()),
        as_of=as_of,
    )
    if not rows:
        echo("No assessments due.")
        return
    echo(
        format_table(
            ["id", "name", "due", "state"],
            [[r["id"], r["name"], r["due_on"] or "-", r["state"]] for r in rows],
        )
    )


@ocg.command()
@click.argument("ocg_id", metavar="OCG")
@click.option("--assign", "officer", metavar="OFFICER", help="Record this officer as the owner.")
@click.option("--reason", default="", help="Why (required with --assign).")
@pass_state
def owners(state: CliState, ocg_id: str, officer: str | None, reason: str) -> None:
    """Suggested plan owners, best first, with the reason; --assign records the choice."""
    from iom.disruption.owners import assign_owner, suggest_owners

    store, actor = state.store(), state.actor(PURPOSE)
    if officer:
        previous = assign_owner(store, actor, ocg_id, officer, reason=reason)
        echo(f"{officer} now owns {ocg_id} (was {', '.join(previous) or 'nobody'}).")
        return
    found, rule = suggest_owners(store, actor, ocg_id, reference=reference_for(state.settings()))
    rows = [
        [n, s.officer_id, s.name, f"{s.points:g}", s.reason + (" (current)" if s.current else "")]
        for n, s in enumerate(found, start=1)
    ]
    echo(format_table(["rank", "officer", "name", "points", "reason"], rows))
    echo(f"Rule: {rule}")
