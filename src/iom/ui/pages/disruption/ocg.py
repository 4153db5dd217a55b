"""OCG profile: band and why, network with key players and a what-if, members, owner
suggestions, 4P plan, ledger, decisions, packs."""

from __future__ import annotations

from datetime import date

import streamlit as st

from iom.disruption import choices
from iom.disruption.ocgs import list_ocgs, ocg_profile
from iom.disruption.owners import assign_owner, suggest_owners
from iom.disruption.packs import ocg_pack
from iom.disruption.plans import NewAction, add_action
from iom.model import MODEL, vocab_label
from iom.reference import reference_for
from iom.ui.app import page
from iom.ui.network_panel import ocg_network_panel
from iom.ui.ocg_tables import show_ledger, show_plan, table
from iom.ui.state import actor, get_store, guard, require_data
from iom.ui.text import escape

PURPOSE = "OCG disruption management: an OCG's profile and plan"
STRANDS = MODEL.vocabularies["FourP"].values


st.title("OCG profile")

with guard():
    store = get_store()
    require_data(store)
    reference = reference_for()
    ocgs = {
        o["id"]: f"{o['name']} ({o['id']})"
        for o in list_ocgs(store, actor(PURPOSE), reference=reference)
    }
if not ocgs:
    st.info("No OCGs are recorded yet.")
    st.stop()
wanted = st.session_state.get("ocg_id") or st.query_params.get("id")
ids = list(ocgs)
ocg_id = st.selectbox(
    "OCG",
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    format_func=lambda i: ocgs.get(i, i),
    key="ocg_choice",
)
st.query_params["id"] = ocg_id

with guard():
    p = ocg_profile(store, actor(PURPOSE), ocg_id, reference=reference)
d, band = p["details"], p["band"]
st.header(escape(d.get("name") or ocg_id))
st.caption(
    escape(
        f"{vocab_label('SocThreat', d.get('threat'))} · {d.get('activity') or '-'} · "
        f"areas {', '.join(p['areas']) or '-'} · "
        f"owner {', '.join(o['name'] for o in p['owners']) or '-'}"
    )
)
cols = st.columns(3)
cols[0].metric("Band", band.band or "-")
cols[1].metric("Score", "-" if band.score is None else f"{band.score:g}")
cols[2].metric("Next assessment", band.next_due or "-")
st.text(f"Why: {band.note}.")
table(
    band.parts,
    {
        "label": "Attribute",
        "grade_label": "Grade",
        "weight": "Weight",
        "contribution": "Adds",
        "note": "Note",
    },
    "ocg_parts",
    "No attribute grades.",
)
with st.expander("Rule and band history"):
    st.text(band.rule)
    table(
        band.history,
        {
            "assessed_on": "Assessed",
            "band": "Band",
            "previous_band": "Before",
            "change": "Change",
            "rationale": "Rationale",
        },
        "ocg_history",
        "-",
    )

tabs = st.tabs(["Network", "Members", "4P plan", "Ledger", "Decisions", "Owner", "Pack"])
with tabs[0]:
    ocg_network_panel(store, ocg_id, purpose=PURPOSE, key="ocg_net", reference=reference)
with tabs[1]:
    members = [{**m, "role": vocab_label("OcgRole", m.get("role"))} for m in p["members"]]
    table(
        members,
        {"id": "Id", "name": "Name", "role": "Role", "since": "Since", "until": "Until"},
        "ocg_members",
        "No members recorded.",
    )
    current = [m for m in p["members"] if not m.get("until")]
    if current:
        links = {m["id"]: f"{m['name']} ({m['id']})" for m in current}
        who = st.selectbox(
            "A member's profile, network and plan",
            list(links),
            format_func=lambda i: links.get(i, i),
            key="ocg_member_link",
        )
        left, mid, right = st.columns(3)
        left.page_link(page("person"), label="Person profile", query_params={"id": who})
        mid.page_link(page("network"), label="Their network", query_params={"person": who})
        right.page_link(page("plan"), label="Their IOM plan", query_params={"id": who})
with tabs[2]:
    show_plan(p, "ocg_plan", "No 4P plan yet: add the first action below.")
    with guard():
        owners = choices.officers(store) | choices.partners(store)
    with st.form("ocg_action"):
        strand = st.selectbox(
            "Strand", STRANDS, format_func=lambda c: vocab_label("FourP", c), key="action_strand"
        )
        objective = st.text_input("Objective", key="action_objective")
        description = st.text_input("Action", key="action_description")
        owner = st.selectbox(
            "Owner",
            list(owners),
            index=None,
            format_func=lambda i: owners.get(i, i),
            key="action_owner",
            placeholder="Choose an officer or partner",
        )
        due_on = st.date_input("Due", value=date.today(), key="action_due")
        add = st.form_submit_button("Add action", key="action_submit")
    if add:
        with guard():
            new_id = add_action(
                store,
                actor(PURPOSE),
                NewAction(ocg_id, strand, description, owner, due_on, objective),
            )
        st.success(escape(f"Added {new_id} to the 4P plan."))
with tabs[3]:
    show_ledger(p, "ocg_ledger")
with tabs[4]:
    table(
        p["decisions"],
        {"held_on": "Date", "title": "Meeting", "decision": "Decision"},
        "ocg_decisions",
        "No decisions recorded.",
    )
with tabs[5]:
    with guard():
        found, rule = suggest_owners(store, actor(PURPOSE), ocg_id, reference=reference)
    table(
        [{**s.__dict__, "current": "yes" if s.current else ""} for s in found],
        {
            "officer_id": "Officer",
            "name": "Name",
            "points": "Points",
            "reason": "Reason",
            "current": "Current",
        },
        "ocg_owners",
        "No plan-owner candidates.",
    )
    st.text(f"Rule: {rule}")
    candidates = {s.officer_id: s.name for s in found}
    with st.form("ocg_owner"):
        chosen = st.selectbox(
            "Plan owner",
            list(candidates),
            format_func=lambda i: candidates.get(i, i),
            key="owner_choice",
        )
        reason = st.text_input("Reason", key="owner_reason")
        assign = st.form_submit_button("Assign owner", key="owner_submit")
    if assign:
        with guard():
            assign_owner(store, actor(PURPOSE), ocg_id, chosen, reason=reason)
        st.success(escape(f"{candidates[chosen]} now owns this OCG."))
with tabs[6]:
    audience = st.radio("Version", ["police", "partner"], horizontal=True, key="pack_audience")
    if st.button("Make pack", key="pack_make"):
        with guard():
            made = ocg_pack(store, actor(PURPOSE), ocg_id, audience=audience, reference=reference)
        st.download_button(
            "Download pack (HTML)",
            made.html,
            file_name=f"{ocg_id}-{audience}.html",
            mime="text/html",
            key="pack_download",
        )
