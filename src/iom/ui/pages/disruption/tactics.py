"""Tactics: the library by the menu of tactics' six areas, ranked suggestions for an OCG with
their evidence, and the co-ordinator's advice."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from iom.disruption import choices
from iom.disruption.ocgs import list_ocgs
from iom.disruption.tactics import record_advice, suggest_tactics, tactic_library
from iom.model import vocab_label
from iom.reference import reference_for
from iom.ui.state import actor, get_store, guard, require_data
from iom.ui.text import escape

PURPOSE = "OCG disruption management: choosing tactics"

st.title("Tactics")

with guard():
    store = get_store()
    require_data(store)
    reference = reference_for()
    library = tactic_library(store, reference=reference)
    ocgs = {
        o["id"]: f"{o['name']} ({o['id']})"
        for o in list_ocgs(store, actor(PURPOSE), reference=reference)
    }

st.subheader("Library")
tabs = st.tabs([vocab_label("TacticArea", area) for area in library])
for tab, (area, items) in zip(tabs, library.items(), strict=True):
    with tab:
        if items:
            frame = pd.DataFrame(items)[["id", "name", "four_p", "owner_label", "legal_basis"]]
            frame["four_p"] = frame["four_p"].map(lambda c: vocab_label("FourP", c))
            st.dataframe(frame, hide_index=True, width="stretch", key=f"library_{area}")
        else:
            st.caption("No tactics in this area.")

if not ocgs:
    st.stop()
st.subheader("Suggestions for an OCG")
ocg_id = st.selectbox("OCG", list(ocgs), format_func=lambda i: ocgs.get(i, i), key="tactics_ocg")
with guard():
    found, rule, advice = suggest_tactics(store, actor(PURPOSE), ocg_id, reference=reference)
if advice:
    names = ", ".join(t["name"] for t in advice["tactics"]) or "-"
    st.text(
        f"Co-ordinator's advice ({advice['given_on']}, {advice['officer_name']}): "
        f"{advice['advice']} [{names}]"
    )
rows = [
    {
        "rank": n,
        "tactic": s.name,
        "area": vocab_label("TacticArea", s.tactic_area),
        "owner": vocab_label("PartnerType", s.owner_type),
        "tried": s.tries,
        "worked": s.worked,
        "record": s.reason,
    }
    for n, s in enumerate(found, start=1)
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="tactics_ranked")
st.text(f"Rule: {rule}")
with st.expander("Evidence behind each figure"):
    evidence = [
        {
            "tactic": s.name,
            **{k: e[k] for k in ("occurred_on", "ocg_name", "impact_label", "rationale")},
        }
        for s in found
        for e in s.evidence
    ]
    if evidence:
        st.dataframe(pd.DataFrame(evidence), hide_index=True, width="stretch", key="evidence")
    else:
        st.caption("No disruptions against groups with this activity yet.")

st.subheader("Record the co-ordinator's advice")
with guard():
    coordinators = choices.officers(store, "OCG_COORDINATOR") or choices.officers(store)
    tactic_names = choices.tactics(store)
with st.form("tactic_advice"):
    officer = st.selectbox(
        "Co-ordinator",
        list(coordinators),
        format_func=lambda i: coordinators.get(i, i),
        key="advice_officer",
    )
    picked = st.multiselect(
        "Tactics advised, in order",
        list(tactic_names),
        format_func=lambda i: tactic_names.get(i, i),
        key="advice_tactics",
    )
    text = st.text_area("Advice", key="advice_text")
    given_on = st.date_input("Given on", value=date.today(), key="advice_on")
    submitted = st.form_submit_button("Record advice", key="advice_submit")
if submitted:
    with guard():
        record_advice(store, actor(PURPOSE), ocg_id, officer, text, picked, given_on=given_on)
    st.success(escape(f"Advice recorded for {ocgs[ocg_id]}."))
