"""`iom search WORDS`: the searchable problem-solving history, with what worked."""

from __future__ import annotations

import click

from iom.casework.search import search as search_history
from iom.cli import CliState, echo, main, pass_state
from iom.cli.stats import format_table
from iom.model import vocab_label

PURPOSE = "searching the IOM problem-solving history"


def _outcome(hit: dict) -> str:
    if hit["kind"] == "Action":
        verdict = (
            vocab_label("ActionEvaluation", hit["evaluation"]) if hit.get("evaluation") else ""
        )
        note = hit.get("evaluation_note") or hit.get("what_worked") or hit.get("outcome") or ""
        return "; ".join(p for p in (verdict or ("Worked" if hit["worked"] else ""), note) if p)
    return hit.get("outcome") or ""


@main.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--worked", "only_worked", is_flag=True, help="Only actions that worked.")
@click.option("--pathway", help="Only this pathway (code or label).")
@click.option("--partner", help="Only actions delivered (or disruptions led) by this partner id.")
@click.option("--hub", help="Only plans managed in this hub (area id).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 500))
@pass_state
def search(
    state: CliState,
    words: tuple[str, ...],
    only_worked: bool,
    pathway: str | None,
    partner: str | None,
    hub: str | None,
    limit: int,
) -> None:
    """Find plans, actions, reviews, assessments and disruptions mentioning every word."""
    hits = search_history(
        state.store(),
        state.actor(PURPOSE),
        " ".join(words),
        only_worked=only_worked,
        pathway=pathway,
        partner=partner,
        hub=hub,
        limit=limit,
    )
    if not hits:
        echo("Nothing found.")
        return
    echo(
        format_table(
            ["kind", "id", "plan", "person", "pathway", "text", "outcome", "by", "hub"],
            [
                [
                    h["kind"],
                    h["id"],
                    h.get("plan_id") or h.get("ocg_name") or "",
                    h["person_name"],
                    vocab_label("Pathway", h["pathway"]) if h.get("pathway") else "",
                    h.get("text") or "",
                    _outcome(h),
                    h.get("owner_name") or "",
                    h.get("hub_name") or "",
                ]
                for h in hits
            ],
        )
    )
