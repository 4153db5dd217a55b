"""My work: the signed-in owner's due and overdue reviews and actions first, then the team's."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from iom.casework import directory, reviews
from iom.model import vocab_label
from iom.ui.state import actor, get_store, guard

PURPOSE = "IOM work planning: due and overdue reviews and actions"


def _table(items: list[reviews.WorkItem]) -> None:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "State": i.state,
                    "Due": i.due_on,
                    "Days late": i.days_late,
                    "Kind": i.kind,
                    "What": i.description,
                    "Pathway": vocab_label("Pathway", i.pathway) if i.pathway else None,
                    "Person": i.person_name or i.title,
                    "Plan": i.plan_id,
                    "Owner": i.owner_name,
                    "Hub": i.hub_name,
                }
                for i in items
            ]
        ),
        hide_index=True,
        width="stretch",
    )


st.title("My work")
st.caption(
    "Overdue: the due date has passed. Due: within the coming days you choose, up to and "
    "including the due date."
)
with guard():
    store = get_store()
    me = actor(PURPOSE)
    owners = directory.owners(store)
    hubs = directory.hubs(store)

horizon = st.slider("Days ahead that count as due", 0, 30, reviews.DEFAULT_HORIZON_DAYS)
with guard():
    mine, own, others = reviews.work_for_user(store, me, horizon_days=horizon)

st.subheader("Yours")
if not mine:
    st.info(
        "Your user name (IOM_USER) is not an officer's id or name, so nothing "
        "is assigned to you here; pick an owner below."
    )
elif own:
    overdue = sum(1 for i in own if i.state == "overdue")
    st.text(f"{overdue} overdue, {len(own) - overdue} due")
    _table(own)
else:
    st.success("Nothing due or overdue for you.", icon=":material/check:")

st.subheader("Someone else's, or a hub's")
owner_labels = {o["id"]: o["label"] for o in owners}
hub_labels = {h["id"]: h["label"] for h in hubs}
with st.form("work_filter"):
    owner = st.selectbox(
        "Owner", ["", *owner_labels], format_func=lambda c: owner_labels.get(c, "Anyone")
    )
    hub = st.selectbox("Hub", ["", *hub_labels], format_func=lambda c: hub_labels.get(c, "All"))
    show = st.form_submit_button("Show")
if show:
    with guard():
        items = reviews.work_items(
            store, me, horizon_days=horizon, owner_id=owner or None, hub_id=hub or None
        )
    st.text(f"{len(items)} due or overdue")
    if items:
        _table(items)
elif others:
    st.text(f"Everyone else: {len(others)} due or overdue")
    _table(others)
