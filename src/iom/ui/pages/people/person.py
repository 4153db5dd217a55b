"""Person profile: find a person, then everything held about them, section by section."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from iom.model import vocab_label
from iom.people import cohort_standing, find_people, person_profile
from iom.reference import code_label
from iom.text import escape
from iom.ui.app import page
from iom.ui.state import actor, get_store, guard, require_data

SEARCH_PURPOSE = "IOM casework: finding a person's record"
VIEW_PURPOSE = "IOM casework: viewing a person's profile"


def _open(person_id: str) -> None:
    st.session_state["person_id"] = person_id
    st.query_params["id"] = person_id


def _open_linked() -> None:
    chosen = st.session_state.get("person_linked")
    if chosen:
        _open(chosen)
    st.session_state["person_linked"] = None


def _table(rows: list[dict[str, Any]], columns: dict[str, str], empty: str) -> None:
    if not rows:
        st.caption(empty)
        return
    frame = pd.DataFrame(rows).reindex(columns=list(columns)).rename(columns=columns)
    frame = frame.map(lambda v: ", ".join(map(str, v)) if isinstance(v, list) else v)
    st.dataframe(frame, hide_index=True, width="stretch")


st.title("Person profile")

with guard():
    store = get_store()
    require_data(store)
    text = st.text_input("Find a person by name, id or PNC id", key="person_search")
    if text.strip():
        hits = find_people(store, actor(SEARCH_PURPOSE), text)
        if hits:
            labels = {
                h["id"]: f"{h['name']} ({h['id']}, born {h['date_of_birth'] or '?'})" for h in hits
            }
            choice = st.selectbox(
                f"{len(hits)} match(es)",
                list(labels),
                index=None,
                format_func=lambda i: labels.get(i, i),
                placeholder="Choose a person",
                key="person_match",
            )
            if choice and choice != st.session_state.get("_person_match_opened"):
                st.session_state["_person_match_opened"] = choice
                _open(choice)
        else:
            st.info(escape(f"Nobody's name, id or PNC id contains “{text.strip()}”."))

person_id = st.session_state.get("person_id") or st.query_params.get("id")
if not person_id:
    st.info("Search for a person above, or open one from the Cohort page.")
    st.stop()
st.query_params["id"] = person_id

with guard():
    profile = person_profile(store, actor(VIEW_PURPOSE), person_id)

details = profile.details
st.header(escape(profile.name or profile.id))
facts = [f"id {profile.id}"]
for key, label in (("date_of_birth", "born"), ("gender", ""), ("pnc_id", "PNC")):
    if profile.detail(key):
        facts.append(f"{label} {profile.detail(key)}".strip())
roles = [label for label in profile.labels if label != "Person"]
st.caption(escape(" · ".join(facts + roles)))
if profile.fictional:
    st.caption(":gray-badge[Fictional person: seed force]")
left, right, _ = st.columns([1, 1, 2])
left.page_link(
    page("network"), label="Network", icon=":material/hub:", query_params={"person": profile.id}
)
right.page_link(
    page("plan"), label="Plan", icon=":material/assignment:", query_params={"id": profile.id}
)

raised = profile.raised_flags()
if raised:
    st.markdown(" ".join(f":red-badge[{label}]" for label in raised))
else:
    st.markdown(":green-badge[No wanted, bail or failed-to-appear flag]")

current = profile.current_episode()
arrangements = profile.arrangements()
if arrangements:
    st.markdown(" ".join(f":blue-badge[{escape(a)}]" for a in arrangements))
cols = st.columns(4)
cols[0].metric("IOM cohort", code_label("IomCohort", current["cohort"]) if current else "—")
cols[1].metric("Risk of serious harm", profile.detail("risk_of_serious_harm") or "—")
cols[2].metric("OGRS3", details.get("ogrs3") if details.get("ogrs3") is not None else "—")
cols[3].metric("Offences linked", len(profile.offences))

with guard():
    standing = cohort_standing(store, actor(VIEW_PURPOSE), person_id)
explanation = standing.explanation
score_row = st.columns([1, 1, 1, 2], vertical_alignment="bottom")
if explanation is not None:
    score_row[0].metric(
        "Cohort score",
        f"{explanation.score:.1f}",
        help=escape(f"0-100, {vocab_label('IomCohort', explanation.cohort_type)}"),
    )
    score_row[1].metric("Rank", f"{explanation.rank} of {explanation.ranked}")
    score_row[2].metric(
        "Recommendation", vocab_label("CohortRecommendation", explanation.recommendation)
    )
else:
    score_row[0].metric("Cohort score", "—")
score_row[3].page_link(
    page("cohort"),
    label="Open in the cohort review",
    icon=":material/format_list_numbered:",
    query_params={"person": person_id},
)
with st.expander("Why this cohort score", icon=":material/help:"):
    st.text("\n".join(explanation.lines()) if explanation else standing.headline())

tabs = st.tabs(["Offences", "Household", "Associates", "Family", "OCGs", "IOM and cases"])
with tabs[0]:
    _table(
        profile.shown("offences"),
        {
            "committed_on": "Committed",
            "role": "Role",
            "offence_type": "Offence",
            "outcome": "Outcome",
            "detection": "Detection",
            "cchi_days": "CCHI days",
            "css_weight": "CSS",
            "area": "Area",
            "domestic_abuse": "Domestic abuse",
            "id": "Id",
            "summary": "Summary",
        },
        "No offences recorded.",
    )
with tabs[1]:
    scored = {h["household_id"]: h for h in standing.households}
    for household in standing.households:
        st.text(
            f"Household score {household['score']:.1f} of 100 (rank {household['rank']} of "
            f"{household['ranked']} households scored):\n" + "\n".join(household["lines"])
        )
    if not standing.households and profile.households:
        st.text(
            "Where they live now is not among the scored households (no resident with "
            "counted offending and no domestic-abuse incident in the cohort window)."
        )
    households = [
        {
            **h,
            "score": round(scored[h["id"]]["score"], 1) if h["id"] in scored else None,
            "residents": [r["name"] for r in h.get("residents") or []],
        }
        for h in profile.households
    ]
    _table(
        households,
        {
            "address": "Address",
            "postcode": "Postcode",
            "area": "Area",
            "from_on": "From",
            "to_on": "To",
            "score": "Household score (0-100)",
            "residents": "Other residents",
        },
        "No household recorded.",
    )
with tabs[2]:
    _table(
        profile.shown("associates"),
        {
            "name": "Name",
            "id": "Id",
            "source": "Source",
            "grading": "Grading",
            "last_seen": "Last seen",
        },
        "No associates recorded.",
    )
with tabs[3]:
    _table(
        profile.shown("family"),
        {
            "relation": "Relation",
            "name": "Name",
            "id": "Id",
            "date_of_birth": "Born",
            "ocgs": "OCG memberships",
        },
        "No family recorded.",
    )
with tabs[4]:
    _table(
        profile.shown("ocgs"),
        {
            "name": "OCG",
            "role": "Role",
            "since": "Since",
            "until": "Until",
            "threat": "Threat",
            "band": "Band",
            "status": "Status",
        },
        "Not a member of any mapped OCG.",
    )
with tabs[5]:
    st.markdown("**IOM episodes**")
    _table(
        profile.shown("episodes"),
        {
            "cohort": "Cohort",
            "start_on": "Start",
            "end_on": "End",
            "hub": "Hub",
            "offender_manager": "Offender manager",
            "selection_reason": "Selection reason",
            "deselection_reason": "De-selection reason",
        },
        "Never in the IOM cohort.",
    )
    st.markdown("**MAPPA and MARAC**")
    _table(
        profile.shown("cases"),
        {
            "kind": "Arrangement",
            "role": "Part",
            "category": "MAPPA category",
            "level": "MAPPA level",
            "start_on": "Start",
            "end_on": "End",
            "criterion": "MARAC criterion",
            "heard_on": "Heard",
            "dash_score": "DASH",
        },
        "No MAPPA or MARAC case.",
    )

linked = profile.linked
if linked:
    st.selectbox(
        "Open a linked person's profile",
        list(linked),
        index=None,
        format_func=lambda i: linked.get(i, i),
        placeholder="Choose an associate, relative or co-resident",
        key="person_linked",
        on_change=_open_linked,
    )
