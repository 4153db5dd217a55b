"""What the cohort review surfaces show: filters, the due-for-release list, households,
serial perpetrators and a person's history, shaped by the library so pages only render."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from iom.cohort.households import HouseholdScores
from iom.cohort.priority import CohortScores, order_ranked, rank_people
from iom.cohort.serial import rule_text
from iom.errors import EMPTY_STORE
from iom.model import vocab_label
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Row, Store

__all__ = [
    "due_for_release",
    "empty_note",
    "filter_ranked",
    "history_lines",
    "household_view",
    "serial_rows",
    "serial_view",
    "with_person",
]


def empty_note(scores: CohortScores) -> str:
    """Why nobody is ranked: an empty store, or no offences in the scoring window."""
    if scores.data.people.empty:
        return EMPTY_STORE
    since = scores.as_of.toordinal() - scores.config.window_days
    return (
        f"Nobody has offences in scope from {date.fromordinal(since)} to {scores.as_of} "
        f"(the {scores.config.window_days}-day window): choose another as-of date."
    )


def filter_ranked(
    frame: pd.DataFrame,
    *,
    flag: str | None = None,
    hub: str | None = None,
    pathway: str | None = None,
    recommendation: str | None = None,
) -> pd.DataFrame:
    """Rows with the flag, hub, assessed pathway need and recommendation asked for."""
    keep = pd.Series(True, index=frame.index)
    if flag:
        keep &= frame["flags"].map(lambda f: flag in f)
    if hub:
        keep &= frame["hub"] == hub
    if pathway:
        keep &= frame["pathways"].map(lambda p: isinstance(p, list) and pathway in p)
    if recommendation:
        keep &= frame["recommendation"] == recommendation
    return frame[keep]


def with_person(shown: pd.DataFrame, ranked: pd.DataFrame, person_id: str | None) -> pd.DataFrame:
    """`shown` with `person_id`'s row from `ranked` added in rank order when it is missing
    (a link from a profile opens that person even outside the top or the filters)."""
    if not person_id or person_id in set(shown["id"]):
        return shown
    found = ranked[ranked["id"] == person_id]
    return shown if found.empty else order_ranked(pd.concat([shown, found]))


def due_for_release(scores: CohortScores) -> pd.DataFrame:
    """People in custody due out within the configured days, best score first, with dates."""
    best = scores.best()
    if best.empty:
        return best
    due = best[best["flags"].map(lambda f: "DUE_OUT" in f)]
    return due.sort_values(["release_due", "rank"], kind="mergesort")


def household_view(
    store: Store, actor: Actor, *, as_of: date | None = None, settings: Settings | None = None
) -> HouseholdScores:
    """Scored households from the store (the ranking's read, audited)."""
    return rank_people(store, actor, as_of=as_of, settings=settings).households


def serial_rows(scores: CohortScores) -> list[dict[str, Any]]:
    """Serial perpetrators with name, victims, incidents and the arrangement that leads them."""
    context = scores.context
    rows = []
    for r in scores.serial.to_dict("records"):
        ctx = context.loc[r["id"]] if r["id"] in context.index else None
        lead = ctx["lead"] if ctx is not None and isinstance(ctx["lead"], str) else None
        name = str(ctx["name"]) if ctx is not None else ""
        if not name:
            people = scores.data.people.set_index("id")
            if r["id"] in people.index:
                row = people.loc[r["id"]]
                name = f"{row['first_name']} {row['last_name']}"
        rows.append(
            {
                "id": r["id"],
                "name": name,
                "victims": int(r["victims"]),
                "incidents": int(r["incidents"]),
                "last_on": r["last_on"],
                "age": None if pd.isna(r["age"]) else int(r["age"]),
                "lead": lead,
                "lead_label": vocab_label("LeadArrangement", lead) if lead else "",
                "lead_owner": ctx["lead_owner"] if lead and ctx is not None else None,
            }
        )
    return rows


def serial_view(
    store: Store, actor: Actor, *, as_of: date | None = None, settings: Settings | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Serial perpetrators from the store (audited) and the rule that found them."""
    scores = rank_people(store, actor, as_of=as_of, settings=settings)
    return serial_rows(scores), rule_text(scores.config)


def history_lines(person_id: str, history: dict[str, list[Row]]) -> list[str]:
    """A person's cohort history as lines: decisions newest first, then IOM episodes."""
    lines = [f"Cohort history of {person_id}:", "Panel decisions:"]
    for d in history["decisions"]:
        flag = f" (flag: already led by {d['led_elsewhere']})" if d.get("led_elsewhere") else ""
        lines.append(
            f"- {d['decided_on']} {vocab_label('SelectionOutcome', d['decision'])} for "
            f"{vocab_label('IomCohort', d['cohort'])} by {d['decided_by']}: {d['reason']}{flag}"
        )
    if not history["decisions"]:
        lines.append("- none recorded")
    lines.append("IOM episodes:")
    for e in history["episodes"]:
        lines.append(
            f"- {vocab_label('IomCohort', e['cohort'])} from {e['start_on']} to "
            f"{e.get('end_on') or 'now'} ({e.get('hub') or 'no hub'})"
        )
    if not history["episodes"]:
        lines.append("- none")
    return lines
