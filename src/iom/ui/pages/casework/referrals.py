"""Referrals: record a referral (matched to existing records), decide it, see counts by source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from iom.casework import referrals
from iom.model import MODEL, vocab_label
from iom.ui.forms import attempt
from iom.ui.state import actor, get_store, guard

PURPOSE = "IOM referral intake and decisions"

st.title("Referrals")
with guard():
    store = get_store()
    me = actor(PURPOSE)

st.subheader("Who is it?")
with st.form("match_person"):
    match_id = st.text_input("Person id or PNC id", key="match_id")
    m_first, m_last, m_born = st.columns(3)
    match_first = m_first.text_input("First name", key="match_first")
    match_last = m_last.text_input("Last name", key="match_last")
    match_born = m_born.text_input("Date of birth (YYYY-MM-DD)", key="match_born")
    find = st.form_submit_button("Find on record")
if find:
    with attempt():
        found = referrals.match_person(
            store,
            me,
            person_id=match_id or None,
            first_name=match_first or None,
            last_name=match_last or None,
            date_of_birth=match_born or None,
        )
        if not found:
            st.text("No one on record matches: the referral will record a new person.")
        for candidate in found:
            st.text(
                f"{candidate.id}: {candidate.name}, born {candidate.date_of_birth or '?'} "
                f"(matched on {candidate.matched_on})"
            )
            for line in candidate.arrangement_lines():
                st.text(f"    already: {line}")

sources = MODEL.vocabularies["ReferralSource"].values
st.subheader("New referral")
with st.form("new_referral"):
    source = st.selectbox("Source", sources, format_func=lambda c: vocab_label("ReferralSource", c))
    reason = st.text_area("Reason")
    referrer = st.text_input("Referrer (name and team)")
    person_id = st.text_input("Person id or PNC id, if known")
    first, last, born = st.columns(3)
    first_name = first.text_input("First name")
    last_name = last.text_input("Last name")
    date_of_birth = born.text_input("Date of birth (YYYY-MM-DD)")
    new_person = st.checkbox("Confirmed: this is not anyone already on record")
    add = st.form_submit_button("Record referral")
if add:
    with attempt():
        row = referrals.add_referral(
            store,
            me,
            source=source,
            reason=reason,
            referrer=referrer,
            person_id=person_id or None,
            first_name=first_name,
            last_name=last_name,
            date_of_birth=date_of_birth or None,
            new_person=new_person,
        )
        st.success("Referral recorded.", icon=":material/check:")
        came_from = vocab_label("ReferralSource", row["source"])
        st.text(f"{row['id']}: {row['name']} ({row['person_id']}), from {came_from}")
        for warning in row["warnings"]:
            st.text(f"Already: {warning}")

with guard():
    waiting = referrals.list_referrals(store, me, status="RECEIVED", limit=200)
    waiting += referrals.list_referrals(store, me, status="DEFERRED", limit=200)
st.subheader("Decide a referral")
if not waiting:
    st.info("No referral is waiting for a decision.")
else:
    labels = {
        r["id"]: f"{r['id']} · {r['name']} · {vocab_label('ReferralSource', r['source'])} · "
        f"{r['received_on']} · {referrals.outcome_label(r['outcome'])}"
        for r in waiting
    }
    with st.form("decide_referral"):
        chosen = st.selectbox("Referral", list(labels), format_func=labels.__getitem__)
        decision = st.radio(
            "Decision",
            MODEL.vocabularies["ReferralOutcome"].values,
            format_func=lambda c: vocab_label("ReferralOutcome", c),
            horizontal=True,
        )
        why = st.text_area("Reason for the decision")
        decide = st.form_submit_button("Record decision")
    if decide:
        with attempt():
            row = referrals.decide_referral(store, me, chosen, decision, why)
            st.success("Decision recorded.", icon=":material/check:")
            st.text(
                f"{row['id']}: {referrals.outcome_label(row['outcome'])} by "
                f"{row['decided_by']} at {row['decided_at']}"
            )

st.subheader("Referrals by source and outcome")
with guard():
    counts = referrals.referral_counts(store)
if counts:
    frame = pd.DataFrame(counts)
    frame["source"] = frame["source"].map(lambda c: vocab_label("ReferralSource", c))
    frame["outcome"] = frame["outcome"].map(referrals.outcome_label)
    table = frame.pivot_table(
        index="source", columns="outcome", values="referrals", aggfunc="sum", fill_value=0
    )
    st.dataframe(table, width="stretch")

st.subheader("Latest referrals")
with guard():
    latest = referrals.list_referrals(store, me, limit=100)
if latest:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Referral": r["id"],
                    "Received": r["received_on"],
                    "Source": vocab_label("ReferralSource", r["source"]),
                    "Outcome": referrals.outcome_label(r["outcome"]),
                    "Person": r.get("person_id"),
                    "Name": r["name"],
                    "Reason": r.get("reason"),
                    "Referrer": r.get("referrer"),
                    "Decided by": r.get("decided_by"),
                    "Why": r.get("decision_reason"),
                }
                for r in latest
            ]
        ),
        hide_index=True,
        width="stretch",
    )
