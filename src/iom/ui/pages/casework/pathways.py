"""Pathways: needs by pathway and status across the cohort (or a hub), capacity, unmet needs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from iom.casework import coverage, directory
from iom.model import MODEL, vocab_label
from iom.ui.forms import attempt
from iom.ui.state import actor, get_store, guard

PURPOSE = "IOM pathway coverage and partner capacity"

st.title("Pathways")
with guard():
    store = get_store()
    me = actor(PURPOSE)
    hubs = directory.hubs(store)
    partners = directory.owners(store, "Partner")

hub_labels = {h["id"]: h["label"] for h in hubs}
hub = st.selectbox("Hub", ["", *hub_labels], format_func=lambda c: hub_labels.get(c, "All hubs"))
scores = st.toggle("Order unmet needs by rising cohort score", value=True)
with guard():
    result = coverage.pathway_coverage(store, me, hub_id=hub or None, with_scores=scores)

st.caption(coverage.RULE)
names = {
    s: vocab_label("ActionStatus", s) if s != coverage.NOT_ASSESSED else "Not assessed"
    for s in result.statuses
}
frame = pd.DataFrame(
    [
        {
            "Pathway": r["label"],
            **{names[s]: r[s] for s in result.statuses},
            "Open needs": r["open_needs"],
            "Capacity": r["capacity"],
            "Flag": "over capacity"
            if r["over_capacity"]
            else ("no capacity declared" if r["no_capacity"] else ""),
        }
        for r in result.rows
    ]
)
most = max(1, int(frame[[names[s] for s in result.statuses]].to_numpy().max()))
st.dataframe(
    frame,
    hide_index=True,
    width="stretch",
    column_config={
        names[s]: st.column_config.ProgressColumn(
            names[s], min_value=0, max_value=most, format="%d"
        )
        for s in result.statuses
    },
)

st.subheader("Unmet needs")
if result.unmet:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Person": n["person_id"],
                    "Name": n["person_name"],
                    "Pathway": vocab_label("Pathway", n["pathway"]),
                    "Severity": vocab_label("NeedSeverity", n["severity"])
                    if n.get("severity")
                    else None,
                    "Status": names.get(n["status"], n["status"]),
                    "Hub": n.get("hub_name"),
                    "Score": n.get("score"),
                    "13 weeks ago": n.get("score_13_weeks_ago"),
                    "Change": n.get("score_change"),
                    "Plan": n["plan_id"],
                }
                for n in result.unmet
            ]
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.success("No unmet needs.", icon=":material/check:")

st.subheader("Partner capacity")
partner_labels = {p["id"]: p["label"] for p in partners}
with st.form("capacity"):
    partner = st.selectbox(
        "Partner", list(partner_labels), format_func=lambda c: partner_labels.get(c, c)
    )
    pathway = st.selectbox(
        "Pathway",
        MODEL.vocabularies["Pathway"].values,
        format_func=lambda c: vocab_label("Pathway", c),
    )
    places = st.number_input("Places (people at once)", min_value=0, value=10, step=1)
    declare = st.form_submit_button("Declare capacity")
if declare:
    with attempt():
        row = coverage.declare_capacity(store, me, partner, pathway, int(places))
        st.success("Capacity declared.", icon=":material/check:")
        st.text(
            f"{row['partner_name']}: {row['capacity']} places on "
            f"{vocab_label('Pathway', row['pathway'])}"
            + ("" if row["before"] is None else f" (was {row['before']})")
        )
if result.capacity:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Partner": c["partner_name"],
                    "Pathway": vocab_label("Pathway", c["pathway"]),
                    "Places": c["capacity"],
                    "Declared": c.get("declared_on"),
                    "Hub": c.get("hub_name"),
                }
                for c in result.capacity
            ]
        ),
        hide_index=True,
        width="stretch",
    )
