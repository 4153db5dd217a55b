"""Cohort review: the ranked list, the explanation panel, the decision form, due-for-release."""

from __future__ import annotations

from datetime import date

import streamlit as st

from iom.cohort.decisions import (
    decision_history,
    lead_counts,
    record_decision,
    referrals_led_elsewhere,
)
from iom.cohort.explain import explain_person
from iom.cohort.export import export_bytes, labelled
from iom.cohort.priority import rank_people
from iom.cohort.review import (
    due_for_release,
    empty_note,
    filter_ranked,
    history_lines,
    with_person,
)
from iom.model import MODEL, vocab_label
from iom.ui.app import page
from iom.ui.state import actor, get_store, guard, require_data
from iom.ui.text import escape

PURPOSE = "IOM cohort review: ranking candidates for the selection panel"
TYPES = MODEL.vocabularies["IomCohort"].values
FLAGS = MODEL.vocabularies["CohortFlag"].values
PATHWAYS = MODEL.vocabularies["Pathway"].values
RECOMMENDATIONS = MODEL.vocabularies["CohortRecommendation"].values
DECISIONS = MODEL.vocabularies["SelectionOutcome"].values
BEST = "BEST"

st.title("IOM cohort review")
st.caption("A ranked list for the selection panel: the panel decides, the tool recommends.")

top_row = st.columns(3)
as_of = top_row[0].date_input(
    "Score as of", value=date.today(), key="cohort_as_of", format="YYYY-MM-DD"
)
cohort_type = top_row[1].selectbox(
    "Cohort type",
    [BEST, *TYPES],
    format_func=lambda c: "Best fit per person" if c == BEST else vocab_label("IomCohort", c),
    key="cohort_type",
)
top = top_row[2].slider(
    "People to show", min_value=5, max_value=200, value=25, step=5, key="cohort_top"
)

with guard():
    store = get_store()
    require_data(store)
    scores = rank_people(store, actor(PURPOSE), as_of=as_of)

chosen_type = None if cohort_type == BEST else cohort_type
ranked = scores.best() if chosen_type is None else scores.ranked(chosen_type)
if ranked.empty:
    st.info(empty_note(scores))
    st.stop()

filters = st.columns(4)
hubs = sorted({h for h in ranked["hub"] if isinstance(h, str)})
hub = filters[0].selectbox("Hub", [None, *hubs], format_func=lambda h: h or "All", key="cohort_hub")
flag = filters[1].selectbox(
    "Flag",
    [None, *FLAGS],
    format_func=lambda f: vocab_label("CohortFlag", f) if f else "Any",
    key="cohort_flag",
)
pathway = filters[2].selectbox(
    "Pathway need",
    [None, *PATHWAYS],
    format_func=lambda p: vocab_label("Pathway", p) if p else "Any",
    key="cohort_pathway",
)
recommendation = filters[3].selectbox(
    "Recommendation",
    [None, *RECOMMENDATIONS],
    format_func=lambda r: vocab_label("CohortRecommendation", r) if r else "Any",
    key="cohort_recommendation",
)
frame = filter_ranked(
    ranked, flag=flag, hub=hub, pathway=pathway, recommendation=recommendation
).head(top)
linked = st.query_params.get("person")  # from a profile: show and explain that person
frame = with_person(frame, ranked, linked)
if linked in set(frame["id"]) and st.session_state.get("_cohort_linked") != linked:
    st.session_state["_cohort_linked"] = linked
    st.session_state["cohort_person"] = linked
table = labelled(frame, chosen_type)

st.subheader(f"{len(frame)} shown, as of {scores.as_of:%d %B %Y}")
event = st.dataframe(
    table,
    key="cohort_table",
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    column_config={
        "Score (0-100)": st.column_config.ProgressColumn(
            "Score (0-100)", min_value=0, max_value=100, format="%.1f"
        ),
    },
    width="stretch",
)
downloads = st.columns(2)
downloads[0].download_button(
    "Export CSV", export_bytes(table, "csv"), file_name="cohort.csv", mime="text/csv"
)
downloads[1].download_button(
    "Export Excel",
    export_bytes(table, "xlsx"),
    file_name="cohort.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)

with st.expander("Due out of custody soon (pre-release selection)", icon=":material/event:"):
    due = due_for_release(scores)
    if due.empty:
        st.text("Nobody ranked is due out of custody in the configured window.")
    else:
        st.dataframe(labelled(due), hide_index=True, width="stretch", key="cohort_due")

with st.expander("Lead arrangements and referrals led elsewhere", icon=":material/account_tree:"):
    counts = lead_counts(scores)
    st.dataframe(
        [
            {"Lead arrangement": vocab_label("LeadArrangement", code), "People": n}
            for code, n in counts.items()
        ],
        hide_index=True,
        key="cohort_leads",
    )
    st.caption("Each person is counted once, under their lead arrangement.")
    with guard():
        referrals = referrals_led_elsewhere(store, actor(PURPOSE), scores)
    st.dataframe(
        [
            {
                "Referral": r["referral_id"],
                "Person id": r["person_id"],
                "Received": r["received_on"],
                "Source": vocab_label("ReferralSource", r["source"]),
                "Status": vocab_label("ReferralStatus", r["status"]),
                "Led by": r["lead_label"],
                "Owner": r["lead_owner"],
            }
            for r in referrals
        ],
        hide_index=True,
        width="stretch",
        key="cohort_referrals",
    )

if frame.empty:
    st.info("Nobody matches these filters.")
    st.stop()

ids = frame["id"].tolist()
labels = {row.id: f"{row.rank}. {row.name} ({row.id})" for row in frame.itertuples()}
picked = ids[event.selection.rows[0]] if event.selection.rows else None
if picked and picked != st.session_state.get("_cohort_table_choice"):
    st.session_state["cohort_person"] = picked
st.session_state["_cohort_table_choice"] = picked
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

row_type = frame.set_index("id").loc[person_id].get("cohort_type") or chosen_type
with guard():
    explanation = explain_person(
        store, actor(PURPOSE), person_id, cohort_type=row_type, scores=scores
    )

explain_tab, decide_tab = st.tabs(["Why this score", "Decision and history"])
with explain_tab:
    st.text("\n".join(explanation.lines()[:2]))
    parts = [
        {
            "Component": c["label"],
            "Raw": round(c["raw"], 2),
            "Cap": round(c["cap"], 2),
            "Share of cap": round(c["normalised"], 2),
            "Points available": round(c["weight"], 1),
            "Contribution": round(c["contribution"], 1),
        }
        for c in explanation.components
    ]
    st.dataframe(parts, hide_index=True, width="stretch", key="cohort_parts")
    st.text("\n".join(explanation.lines()[2:]))

with decide_tab:
    with st.form("cohort_decision", clear_on_submit=True):
        choice = st.selectbox(
            "Decision",
            DECISIONS,
            format_func=lambda d: vocab_label("SelectionOutcome", d),
            key="decision_kind",
        )
        decided_type = st.selectbox(
            "Cohort type",
            TYPES,
            index=TYPES.index(explanation.cohort_type),
            format_func=lambda c: vocab_label("IomCohort", c),
            key="decision_type",
        )
        reason = st.text_area("Reason (required)", key="decision_reason")
        submitted = st.form_submit_button("Record decision", type="primary")
    if submitted:
        with guard():
            recorded = record_decision(
                store,
                actor("IOM selection panel decision"),
                person_id,
                choice,
                decided_type,
                reason,
                decided_on=scores.as_of,
                scores=scores,
            )
        st.success(escape(f"Recorded: {recorded.sentence()}"))
    with guard():
        history = decision_history(store, actor(PURPOSE), person_id)
    st.text("\n".join(history_lines(person_id, history)))
