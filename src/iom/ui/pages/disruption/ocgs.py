"""OCG list: every OCG with its band, owner and next assessment; reminders; record an assessment."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from iom.disruption.assessment import AssessmentRule, assessments_due, record_assessment
from iom.disruption.ocgs import list_ocgs
from iom.model import MODEL, vocab_label
from iom.reference import reference_for
from iom.ui.state import actor, get_store, guard, require_data
from iom.ui.text import escape

PURPOSE = "OCG disruption management: reviewing OCGs and their bands"
GRADES = MODEL.vocabularies["AttributeGrade"].values

st.title("OCGs")

with guard():
    store = get_store()
    require_data(store)
    reference = reference_for()
    rule = AssessmentRule.from_reference(reference)
    ocgs = list_ocgs(store, actor(PURPOSE), reference=reference)
    due = assessments_due(store, actor(PURPOSE), reference=reference)

if not ocgs:
    st.info("No OCGs are recorded yet.")
    st.stop()

frame = pd.DataFrame(ocgs)
frame["areas"] = frame["areas"].map(", ".join)
frame["next_due"] = [
    f"{d or '-'}{' (overdue)' if late else ''}"
    for d, late in zip(frame["next_due"], frame["assessment_overdue"], strict=True)
]
st.dataframe(
    frame[
        ["id", "name", "threat_label", "band", "status", "areas", "owner", "members", "next_due"]
    ],
    hide_index=True,
    width="stretch",
    column_config={"threat_label": "Threat", "next_due": "Next assessment"},
    key="ocgs_table",
)

st.subheader("Assessments due")
if due:
    st.dataframe(pd.DataFrame(due), hide_index=True, width="stretch", key="ocgs_due")
else:
    st.caption("No assessment is overdue or due soon.")

st.subheader("Record an assessment")
names = {o["id"]: f"{o['name']} ({o['id']})" for o in ocgs}
with st.form("ocg_assess"):
    ocg_id = st.selectbox(
        "OCG", list(names), format_func=lambda i: names.get(i, i), key="assess_ocg"
    )
    grades, notes = {}, {}
    for attribute in rule.attributes:
        left, right = st.columns([1, 2])
        grades[attribute.code] = left.selectbox(
            attribute.label,
            GRADES,
            index=1,
            format_func=lambda c: vocab_label("AttributeGrade", c),
            help=attribute.description,
            key=f"assess_{attribute.code}",
        )
        notes[attribute.code] = right.text_input(
            f"Note on {attribute.label.lower()}", key=f"assess_note_{attribute.code}"
        )
    assessed_on = st.date_input("Assessed on", value=date.today(), key="assess_on")
    rationale = st.text_input("Rationale", key="assess_rationale")
    submitted = st.form_submit_button("Record assessment", key="assess_submit")

if submitted:
    with guard():
        stored, scored = record_assessment(
            store,
            actor(PURPOSE),
            ocg_id,
            grades,
            notes=notes,
            assessed_on=assessed_on,
            rationale=rationale,
            reference=reference,
        )
    st.success(
        escape(f"Recorded: score {scored.score:g}, band {scored.band}; next due {stored.next_due}.")
    )
    st.dataframe(
        pd.DataFrame(scored.parts)[["label", "grade_label", "weight", "points", "contribution"]],
        hide_index=True,
        key="assess_parts",
    )
    st.text(f"Rule: {scored.rule}")
