"""Cohort: the ranked list with each component's points, the rule, and a way to a profile."""

from __future__ import annotations

from datetime import date

import streamlit as st

from iom.cohort.ranking import rank_cohort
from iom.ui.app import page
from iom.ui.state import actor, get_store, guard, require_data

PURPOSE = "IOM cohort review: ranking candidates for the selection panel"
CHART_LIMIT = 25

st.title("IOM cohort ranking")
st.caption("A ranked list for the selection panel to discuss, never an automatic selection.")

left, right = st.columns([1, 2])
as_of = left.date_input("Score as of", value=date.today(), key="cohort_as_of", format="YYYY-MM-DD")
top = right.slider("People to show", min_value=5, max_value=200, value=25, step=5, key="cohort_top")

with guard():
    store = get_store()
    require_data(store)
    ranking = rank_cohort(store, actor(PURPOSE), as_of=as_of, top=top)

if ranking.empty:
    st.info(ranking.note or "Nobody qualifies for the ranking.")
    st.stop()

points = ranking.points_columns
frame = ranking.shown()
with st.expander("How the score is computed", icon=":material/function:"):
    st.markdown(ranking.rule)

max_points = ranking.rules.max_points()
column_config = {
    "rank": st.column_config.NumberColumn("Rank", width="small"),
    "id": st.column_config.TextColumn("Id"),
    "name": st.column_config.TextColumn("Name"),
    "cohort": st.column_config.TextColumn("IOM cohort", help="Open IOM episode, if any"),
    "score": st.column_config.ProgressColumn(
        "Score", min_value=0, max_value=100, format="%.1f", help="Out of 100"
    ),
    **{
        column: st.column_config.NumberColumn(
            f"{name.title()} pts",
            format="%.1f",
            help=f"Up to {max_points[name]:.0f} points",
        )
        for column, name in zip(points, ranking.components, strict=True)
    },
    "offences": st.column_config.NumberColumn("Offences", help="In the ranking window"),
    "convicted": st.column_config.NumberColumn("Convicted"),
    "last_offence_on": st.column_config.TextColumn("Last offence"),
    "days_since_last": st.column_config.NumberColumn("Days since"),
    "recent_offences": st.column_config.NumberColumn(
        "Recent", help=f"Offences in the last {ranking.rules.frequency_window_days} days"
    ),
    "harm_cchi_days": st.column_config.NumberColumn("CCHI days", format="%.1f"),
    "harm_css": st.column_config.NumberColumn("CSS harm", format="%.0f", help="Not scored"),
    "proactive_excluded": st.column_config.NumberColumn(
        "Proactive", help="Proactively detected offences left out of harm"
    ),
    "hub": st.column_config.TextColumn("Hub"),
}

st.subheader(f"Top {len(frame)} as of {ranking.as_of:%d %B %Y}")
event = st.dataframe(
    frame,
    key="cohort_table",
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    column_config=column_config,
    column_order=[*column_config, *(c for c in frame.columns if c not in column_config)],
    width="stretch",
)

ids = frame["id"].tolist()
labels = {row.id: f"{row.rank}. {row.name} ({row.id})" for row in frame.itertuples()}
chosen = ids[event.selection.rows[0]] if event.selection.rows else None
if chosen and chosen != st.session_state.get("_cohort_table_choice"):
    st.session_state["cohort_person"] = chosen  # a row picked in the table drives the box
st.session_state["_cohort_table_choice"] = chosen
if st.session_state.get("cohort_person") not in ids:
    st.session_state.pop("cohort_person", None)

pick, action = st.columns([3, 1], vertical_alignment="bottom")
person_id = pick.selectbox(
    "Person (or select a row above)",
    ids,
    format_func=lambda i: labels.get(i, i),
    key="cohort_person",
)
if action.button("Open profile", icon=":material/person:", type="primary", key="cohort_open"):
    st.session_state["person_id"] = person_id
    st.switch_page(page("person"), query_params={"id": person_id})

shown = frame.head(CHART_LIMIT)
chart = shown.assign(person=[labels[i] for i in shown["id"]]).set_index("person")[points]
chart = chart.rename(columns={c: n for c, n in zip(points, ranking.components, strict=True)})
st.subheader(f"Points by component, top {len(shown)}")
st.bar_chart(chart, horizontal=True, stack=True, sort=False)
st.caption(ranking.summary)
