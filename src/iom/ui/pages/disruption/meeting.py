"""Meeting: plan a disruption panel or partner meeting, walk its agenda one OCG at a time
(network with key players and a what-if, 4P plan, ledger, suggested tactics), record
decisions, new actions and minutes; the next date follows the cadence."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from iom.disruption import choices
from iom.disruption.meetings import list_meetings, meeting_record, plan_meeting, record_minutes
from iom.disruption.ocgs import ocg_profile
from iom.disruption.packs import meeting_pack
from iom.disruption.plans import NewAction
from iom.disruption.tactics import suggest_tactics
from iom.model import MODEL, vocab_label
from iom.reference import reference_for
from iom.ui.network_panel import ocg_network_panel
from iom.ui.ocg_tables import show_ledger, show_plan
from iom.ui.state import actor, get_store, guard, require_data
from iom.ui.text import escape

PURPOSE = "OCG disruption panel and partner meeting"
TYPES = ("DISRUPTION_PANEL", "PARTNER_MEETING")
STRANDS = MODEL.vocabularies["FourP"].values


def _go(ocg_id: str) -> None:
    st.session_state["meeting_item"] = ocg_id


st.title("Meeting")

with guard():
    store = get_store()
    require_data(store)
    reference = reference_for()
    areas = choices.areas(store)

with st.form("meeting_plan"):
    left, mid, right = st.columns(3)
    kind = left.selectbox(
        "Meeting", TYPES, format_func=lambda c: vocab_label("MeetingType", c), key="plan_type"
    )
    on = mid.date_input("Date", value=date.today(), key="plan_date")
    area = right.selectbox(
        "Area (optional)",
        list(areas),
        index=None,
        format_func=lambda i: areas.get(i, i),
        key="plan_area",
    )
    build = st.form_submit_button("Build the agenda", key="plan_submit")
if build:
    with guard():
        new_id, items = plan_meeting(
            store, actor(PURPOSE), kind, on, reference=reference, area_id=area
        )
    st.session_state["meeting_id"] = new_id
    st.success(escape(f"Planned {new_id} with {len(items)} OCG(s) on the agenda."))

with guard():
    meetings = {
        m["id"]: f"{m['held_on']} {m['title'] or m['type_label']} "
        f"({vocab_label('MeetingStatus', m['status'])})"
        for m in list_meetings(store, actor(PURPOSE))
    }
if not meetings:
    st.info("No meetings yet: build an agenda above.")
    st.stop()
ids = list(meetings)
wanted = st.session_state.get("meeting_id")
meeting_id = st.selectbox(
    "Open a meeting",
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    format_func=lambda i: meetings.get(i, i),
    key="meeting_choice",
)
with guard():
    record = meeting_record(store, actor(PURPOSE), meeting_id)
agenda = record["agenda"]
st.header(escape(record["details"].get("title") or meeting_id))
if agenda:
    st.dataframe(
        pd.DataFrame(
            [
                {"#": a["position"], "OCG": a["name"], "why": "; ".join(a["reasons"] or [])}
                for a in agenda
            ]
        ),
        hide_index=True,
        width="stretch",
        key="meeting_agenda",
    )
elif record["status"] == "PLANNED":
    st.caption("Nothing needs the meeting's attention.")

if agenda:
    st.subheader("Walk the agenda")
    names = {a["ocg_id"]: f"{a['position']}. {a['name']}" for a in agenda}
    order = list(names)
    if st.session_state.get("meeting_item") not in order:
        st.session_state["meeting_item"] = order[0]
    current = st.radio(
        "OCG",
        order,
        format_func=lambda i: names.get(i, i),
        horizontal=True,
        key="meeting_item",
    )
    at = order.index(current)
    back, forward, _ = st.columns([1, 1, 4])
    back.button(
        "Previous OCG",
        key="meeting_previous",
        disabled=at == 0,
        on_click=_go,
        args=(order[max(0, at - 1)],),
    )
    forward.button(
        "Next OCG",
        key="meeting_next",
        disabled=at == len(order) - 1,
        on_click=_go,
        args=(order[min(len(order) - 1, at + 1)],),
    )
    why = next(a for a in agenda if a["ocg_id"] == current)
    st.text(f"{why['name']}: on the agenda because {'; '.join(why['reasons'] or []) or '-'}")
    with guard():
        p = ocg_profile(store, actor(PURPOSE), current, reference=reference)
        suggested = suggest_tactics(store, actor(PURPOSE), current, reference=reference)[0]
    cols = st.columns(3)
    cols[0].metric("Band", p["band"].band or "-")
    cols[1].metric(
        "Overdue actions",
        sum(
            a["overdue"]
            for plan in p["plan"]["plans"]
            for acts in plan["strands"].values()
            for a in acts
        ),
    )
    cols[2].metric("Disruptions", len(p["ledger"]))
    st.markdown("**Network**")
    ocg_network_panel(store, current, purpose=PURPOSE, key="meeting_net", reference=reference)
    st.markdown("**4P plan**")
    show_plan(p, f"meeting_plan_{current}")
    st.markdown("**Ledger**")
    show_ledger(p, f"meeting_ledger_{current}")
    st.markdown("**Suggested tactics**")
    st.dataframe(
        pd.DataFrame([{"tactic": s.name, "record": s.reason} for s in suggested[:5]]),
        hide_index=True,
        width="stretch",
        key="meeting_tactics",
    )

if record["status"] == "PLANNED" and agenda:
    st.subheader("Decisions and minutes")
    with guard():
        owners = choices.officers(store) | choices.partners(store)
    with st.form("meeting_minutes"):
        decisions = {
            a["ocg_id"]: st.text_input(f"Decision on {a['name']}", key=f"decision_{a['ocg_id']}")
            for a in agenda
        }
        st.caption("A new action (optional)")
        a1, a2, a3 = st.columns(3)
        action_ocg = a1.selectbox(
            "For",
            [a["ocg_id"] for a in agenda],
            index=None,
            format_func=lambda i: names.get(i, i),
            key="new_action_ocg",
        )
        strand = a2.selectbox(
            "Strand",
            STRANDS,
            format_func=lambda c: vocab_label("FourP", c),
            key="new_action_strand",
        )
        owner = a3.selectbox(
            "Owner",
            list(owners),
            index=None,
            format_func=lambda i: owners.get(i, i),
            key="new_action_owner",
        )
        description = st.text_input("Action", key="new_action_text")
        due_on = st.date_input("Due", value=date.today(), key="new_action_due")
        minutes = st.text_area("Minutes", key="meeting_minutes_text")
        submitted = st.form_submit_button("Record minutes", key="minutes_submit")
    if submitted:
        actions = []
        if action_ocg:
            actions.append(NewAction(action_ocg, strand, description, owner, due_on))
        with guard():
            next_on = record_minutes(
                store,
                actor(PURPOSE),
                meeting_id,
                minutes=minutes,
                decisions={k: v for k, v in decisions.items() if v.strip()},
                actions=actions,
                reference=reference,
            )
        st.success(escape(f"Minutes recorded. Next meeting: {next_on.isoformat()}."))
else:
    held = record["minutes"] or {}
    if held:
        st.subheader("Minutes")
        st.text(held["text"])
    st.subheader("Decisions and actions")
    outcomes = [
        {
            "OCG": x["subject_name"],
            "decision or action": x["text"],
            "owner": x["owner_name"],
            "due": x["due_on"],
        }
        for x in record["decisions"] + record["actions"]
    ]
    if outcomes:
        st.dataframe(pd.DataFrame(outcomes), hide_index=True, width="stretch")
    else:
        st.caption("No decisions recorded.")
    if held:
        st.text(f"Next meeting: {held.get('next_on') or '-'}")

if st.button("Make partner pack", key="meeting_pack"):
    with guard():
        made = meeting_pack(
            store, actor(PURPOSE), meeting_id, audience="partner", reference=reference
        )
    st.download_button(
        "Download pack (HTML)",
        made.html,
        file_name=f"{meeting_id}.html",
        mime="text/html",
        key="meeting_pack_download",
    )
