"""Tables of an OCG's profile shared by the OCG profile and meeting mode: the 4P plan and
the disruption ledger, with vocabulary codes shown as their labels."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from iom.model import vocab_label

__all__ = ["show_ledger", "show_plan", "table"]

PLAN_COLUMNS = {
    "strand": "Strand",
    "objective": "Objective",
    "description": "Action",
    "owner": "Owner",
    "due_on": "Due",
    "status": "Status",
}
LEDGER_COLUMNS = {
    "occurred_on": "Date",
    "four_p": "4P",
    "tactics": "Tactics",
    "impact": "Impact",
    "impact_rationale": "Rationale",
    "partner_name": "Lead partner",
    "approver_name": "Approved by",
}


def table(rows: list[dict], columns: dict[str, str], key: str, empty: str) -> None:
    """`rows` as a dataframe of `columns` (renamed), or the `empty` caption."""
    if not rows:
        st.caption(empty)
        return
    frame = pd.DataFrame(rows).reindex(columns=list(columns)).rename(columns=columns)
    st.dataframe(frame, hide_index=True, width="stretch", key=key)


def show_plan(profile: dict[str, Any], key: str, empty: str = "No 4P plan yet.") -> None:
    """The OCG's 4P plan, every action by strand, overdue ones flagged."""
    rows = [
        {
            **a,
            "strand": vocab_label("FourP", strand),
            "owner": (a["owner"] or {}).get("name"),
            "status": vocab_label("ActionStatus", a.get("status"))
            + (" (overdue)" if a["overdue"] else ""),
        }
        for plan in profile["plan"]["plans"]
        for strand, actions in plan["strands"].items()
        for a in actions
    ]
    table(rows, PLAN_COLUMNS, key, empty)


def show_ledger(profile: dict[str, Any], key: str) -> None:
    """The OCG's disruption ledger, newest first as the library returns it."""
    rows = [
        {
            **x,
            "impact": vocab_label("DisruptionImpact", x["impact"]),
            "four_p": vocab_label("FourP", x["four_p"]),
            "tactics": ", ".join(t["name"] for t in x["tactics"]),
        }
        for x in profile["ledger"]
    ]
    table(rows, LEDGER_COLUMNS, key, "No disruptions recorded.")
