"""`iom ocg`: OCG list, profile, band explanation, assessments, owners, plans and tactics."""

from __future__ import annotations

import json
from datetime import date

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.options import ISO_DATE
from iom.cli.stats import format_table
from iom.model import vocab_label
from iom.reference import reference_for

__all__ = ["ocg"]

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
