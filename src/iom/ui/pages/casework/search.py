"""Search: the problem-solving history (plans, actions, reviews, disruptions) and what worked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from iom.casework import directory
from iom.casework.search import search
from iom.model import MODEL, vocab_label
from iom.ui.forms import attempt
from iom.ui.state import actor, get_store, guard

PURPOSE = "searching the IOM problem-solving history"

st.title("Search what was tried")
st.caption(
    'Every word must appear ("housing" also finds "housed"). An action *worked* when its '
    "evaluation says so, or, for imported actions, when a what-worked note was recorded."
)
with guard():
    store = get_store()
    me = actor(PURPOSE)
    partners = directory.owners(store, "Partner")
    hubs = directory.hubs(store)

pathways = ["", *MODEL.vocabularies["Pathway"].values]
partner_ids = ["", *(p["id"] for p in partners)]
partner_labels = {p["id"]: p["label"] for p in partners}
hub_ids = ["", *(h["id"] for h in hubs)]
hub_labels = {h["id"]: h["label"] for h in hubs}
with st.form("search"):
    words = st.text_input("Words")
    worked = st.checkbox("Only what worked")
    left, middle, right = st.columns(3)
    pathway = left.selectbox(
        "Pathway", pathways, format_func=lambda c: vocab_label("Pathway", c) if c else "Any"
    )
    partner = middle.selectbox(
        "Partner", partner_ids, format_func=lambda c: partner_labels.get(c, "Any")
    )
    hub = right.selectbox("Hub", hub_ids, format_func=lambda c: hub_labels.get(c, "Any"))
    go = st.form_submit_button("Search")
if go:
    with attempt():
        hits = search(
            store,
            me,
            words,
            only_worked=worked,
            pathway=pathway or None,
            partner=partner or None,
            hub=hub or None,
            limit=200,
        )
        st.text(f"{len(hits)} found")
        if hits:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "Kind": h["kind"],
                            "Text": h.get("text"),
                            "Worked": h["worked"],
                            "Evaluation": vocab_label("ActionEvaluation", h["evaluation"])
                            if h.get("evaluation")
                            else None,
                            "Note or outcome": h.get("evaluation_note")
                            or h.get("what_worked")
                            or h.get("outcome"),
                            "Pathway": vocab_label("Pathway", h["pathway"])
                            if h.get("pathway")
                            else None,
                            "By": h.get("owner_name"),
                            "Person": h.get("person_name"),
                            "Plan": h.get("plan_id") or h.get("ocg_name"),
                            "Hub": h.get("hub_name"),
                            "Date": h.get("dated"),
                        }
                        for h in hits
                    ]
                ),
                hide_index=True,
                width="stretch",
            )
