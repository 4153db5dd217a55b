"""Households: high-impact households scored and explained, and serial perpetrators."""

from __future__ import annotations

from datetime import date

import streamlit as st

from iom.cohort.review import household_view, serial_view
from iom.ui.state import actor, get_store, guard, require_data

PURPOSE = "IOM cohort review: high-impact households and serial perpetrators"
COLUMNS = {
    "rank": "Rank",
    "household_id": "Household",
    "address": "Address",
    "score": "Score (0-100)",
    "residents": "Residents",
    "offenders": "Offenders",
    "harm": "Harm (CCHI days)",
    "da_incidents": "Domestic-abuse incidents",
    "children": "Children",
    "recorded_high_impact": "Recorded high-impact",
}

st.title("High-impact households")
st.caption(
    "Households scored on offenders living there, their harm, domestic-abuse incidents and "
    "children present; the panel decides what to do."
)
left, right = st.columns(2)
as_of = left.date_input("As of", value=date.today(), key="households_as_of", format="YYYY-MM-DD")
top = right.slider("Households to show", 5, 100, 20, 5, key="households_top")

with guard():
    store = get_store()
    require_data(store)
    view = household_view(store, actor(PURPOSE), as_of=as_of)

frame = view.top(top)
if frame.empty:
    st.info("No household has a resident with offending or a domestic-abuse incident.")
    st.stop()
table = frame[list(COLUMNS)].rename(columns=COLUMNS).round(1)
st.dataframe(table, hide_index=True, width="stretch", key="households_table")
chosen = st.selectbox(
    "Explain a household",
    frame["household_id"].tolist(),
    format_func=lambda h: f"{h} ({frame.set_index('household_id').loc[h, 'address']})",
    key="households_pick",
)
st.text("\n".join(view.explain(chosen)))

st.subheader("Serial perpetrators of violence")
with guard():
    people, rule = serial_view(store, actor(PURPOSE), as_of=as_of)
st.caption(rule)
if people:
    st.dataframe(
        [
            {
                "Person id": p["id"],
                "Name": p["name"],
                "Victims": p["victims"],
                "Incidents": p["incidents"],
                "Last": p["last_on"],
                "Lead arrangement": p["lead_label"],
                "Lead owner": p["lead_owner"],
            }
            for p in people
        ],
        hide_index=True,
        width="stretch",
        key="serial_table",
    )
else:
    st.text("Nobody meets the rule.")
