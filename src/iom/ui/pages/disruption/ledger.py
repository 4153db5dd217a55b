"""Ledger: record a disruption (all of it or nothing), the ledger and its roll-ups."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from iom.disruption import choices
from iom.disruption.ledger import (
    ROLLUPS,
    DisruptionEntry,
    list_disruptions,
    record_disruption,
    rollup,
)
from iom.disruption.ocgs import list_ocgs
from iom.model import MODEL, vocab_label
from iom.reference import reference_for
from iom.ui.state import actor, get_store, guard, require_data
from iom.ui.text import escape

PURPOSE = "OCG disruption ledger"
IMPACTS = MODEL.vocabularies["DisruptionImpact"].values

st.title("Disruption ledger")

with guard():
    store = get_store()
    require_data(store)
    ocgs = {
        o["id"]: f"{o['name']} ({o['id']})"
        for o in list_ocgs(store, actor(PURPOSE), reference=reference_for())
    }
    tactic_names = choices.tactics(store)
    officers = choices.officers(store)
    partners = choices.partners(store)

st.subheader("Record a disruption")
with st.form("ledger_record"):
    left, right = st.columns(2)
    ocg_id = left.selectbox(
        "OCG", list(ocgs), format_func=lambda i: ocgs.get(i, i), key="record_ocg"
    )
    occurred = right.date_input("Date", value=date.today(), key="record_date")
    impact = left.selectbox(
        "Impact",
        IMPACTS,
        index=2,
        format_func=lambda c: vocab_label("DisruptionImpact", c),
        key="record_impact",
    )
    picked = right.multiselect(
        "Tactics",
        list(tactic_names),
        format_func=lambda i: tactic_names.get(i, i),
        key="record_tactics",
    )
    rationale = st.text_area("Why this impact grade", key="record_rationale")
    approver = left.selectbox(
        "Approving officer (major and moderate)",
        list(officers),
        index=None,
        format_func=lambda i: officers.get(i, i),
        key="record_approver",
    )
    partner = right.selectbox(
        "Lead partner",
        list(partners),
        index=None,
        format_func=lambda i: partners.get(i, i),
        key="record_partner",
    )
    evidence = st.text_input("Evidence references (separate with ;)", key="record_evidence")
    recovered = st.number_input(
        "Assets recovered (£, POCA)", min_value=0.0, value=0.0, key="record_recovered"
    )
    submitted = st.form_submit_button("Record disruption", key="record_submit")
if submitted:
    with guard():
        did = record_disruption(
            store,
            actor(PURPOSE),
            DisruptionEntry(
                ocg_id=ocg_id,
                occurred_on=occurred,
                impact=impact,
                impact_rationale=rationale,
                tactic_ids=picked,
                approver_id=approver,
                lead_partner_id=partner,
                evidence_refs=[e for e in evidence.split(";") if e.strip()],
                assets_recovered=recovered or None,
            ),
        )
    st.success(escape(f"Recorded {did}."))

st.subheader("Roll-up")
by = st.radio(
    "Count per",
    ROLLUPS,
    horizontal=True,
    key="ledger_by",
    format_func=lambda b: b.replace("_", " "),
)
with guard():
    counts = rollup(store, actor(PURPOSE), by)
frame = pd.DataFrame(counts).rename(
    columns={i: vocab_label("DisruptionImpact", i) for i in IMPACTS} | {"per_1000": "per 1,000"}
)
st.dataframe(frame, hide_index=True, width="stretch", key="ledger_rollup")

st.subheader("Ledger")
with guard():
    rows = list_disruptions(store, actor(PURPOSE))
shown = [
    {
        "id": r["id"],
        "date": r["occurred_on"],
        "OCG": r["ocg_name"],
        "4P": vocab_label("FourP", r["four_p"]),
        "tactics": ", ".join(t["name"] for t in r["tactics"]),
        "impact": vocab_label("DisruptionImpact", r["impact"]),
        "rationale": r["impact_rationale"],
        "lead partner": r.get("partner_name"),
        "approved by": r.get("approver_name") or r.get("approved_by"),
    }
    for r in rows
]
if shown:
    st.dataframe(pd.DataFrame(shown), hide_index=True, width="stretch", key="ledger_rows")
else:
    st.caption("No disruptions recorded yet.")
