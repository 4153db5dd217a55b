"""Plan: one nominal's plan: needs per pathway, actions, reviews, the timeline and every change.

The plan version is remembered when the plan is first shown in this session; every save names
it, so a save over someone else's newer change is refused (press Reload to see theirs).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from iom.casework import actions, directory, needs, plans, reviews
from iom.errors import RecordNotFound
from iom.model import MODEL, vocab_label
from iom.ui.forms import attempt
from iom.ui.state import actor, get_store, guard

PURPOSE = "IOM plan management"


def _label(vocabulary: str, code: str | None) -> str | None:
    return vocab_label(vocabulary, code) if code else None


def _codes(vocabulary: str) -> tuple[str, ...]:
    return MODEL.vocabularies[vocabulary].values


st.title("Plan")
with guard():
    store = get_store()
    me = actor(PURPOSE)

wanted = st.text_input(
    "Person id or plan id", value=st.query_params.get("id", ""), key="plan_lookup"
).strip()
if not wanted:
    st.info("Enter a person id (e.g. from the cohort) or a plan id.")
    st.stop()

view: plans.PlanView | None = None
with guard():
    try:
        view = plans.get_plan(store, me, wanted)
    except RecordNotFound:
        try:
            view = plans.plan_of_person(store, me, wanted)
        except RecordNotFound:
            view = None

if view is None:
    st.info("This person has no plan yet.")
    with guard():
        officers = directory.owners(store, "Officer")
    names = {o["id"]: o["label"] for o in officers}
    with st.form("open_plan"):
        owner = st.selectbox("Owner", list(names), format_func=names.__getitem__)
        weeks = st.selectbox("Review every (weeks)", plans.INTERVAL_WEEKS, index=2)
        title = st.text_input("Title", value="IOM plan")
        opened = st.form_submit_button("Open plan")
    if opened:
        with attempt():
            view = plans.open_plan(
                store, me, wanted, owner, title=title, review_interval_weeks=weeks
            )
            st.session_state[f"plan_version:{view.id}"] = view.version
            st.success("Plan opened.", icon=":material/check:")
    if view is None:
        st.stop()

assert view is not None
key = f"plan_version:{view.id}"
if key not in st.session_state:
    st.session_state[key] = view.version
plan = view.plan
st.text(
    f"Plan {plan['id']} for {plan['person_name']} ({plan.get('person_id')}) · "
    f"{_label('PlanStatus', plan.get('status'))} · owner {plan.get('owner_name') or '-'} · "
    f"hub {plan.get('hub_name') or '-'}"
)
st.text(
    f"Opened {plan.get('opened_on')} · reviews every "
    f"{plan.get('review_interval_weeks') or plans.DEFAULT_INTERVAL_WEEKS} weeks · next review "
    f"{plan.get('next_review_due') or '-'} · version {view.version} "
    f"(editing version {st.session_state[key]})"
)
if "plan_saved" in st.session_state:
    st.success(st.session_state.pop("plan_saved"), icon=":material/check:")
if st.button("Reload the latest version"):
    st.session_state[key] = view.version
    st.rerun()


def _saved(new: plans.PlanView, what: str) -> None:
    """Remember the new version and redraw, so the tables show the saved change."""
    st.session_state[key] = new.version
    st.session_state["plan_saved"] = f"{what} Saved as version {new.version}."
    st.rerun()


needs_tab, actions_tab, reviews_tab, timeline_tab, history_tab = st.tabs(
    ["Needs", "Actions", "Reviews", "Timeline", "History"]
)

with needs_tab:
    if view.needs:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Pathway": _label("Pathway", n["pathway"]),
                        "Severity": _label("NeedSeverity", n.get("severity")),
                        "Status": _label("ActionStatus", n.get("status")) or "Not assessed",
                        "Assessed": n.get("assessed_on"),
                        "By": n.get("assessed_by"),
                        "Source": n["source"],
                    }
                    for n in view.needs
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    with st.form("assess_need"):
        pathway = st.selectbox(
            "Pathway", _codes("Pathway"), format_func=lambda c: vocab_label("Pathway", c)
        )
        severity = st.selectbox(
            "Severity", _codes("NeedSeverity"), format_func=lambda c: vocab_label("NeedSeverity", c)
        )
        status = st.selectbox(
            "Status", _codes("ActionStatus"), format_func=lambda c: vocab_label("ActionStatus", c)
        )
        notes = st.text_area("Notes")
        assess = st.form_submit_button("Record assessment")
    if assess:
        with attempt():
            new = needs.assess_need(
                store,
                me,
                view.id,
                st.session_state[key],
                pathway=pathway,
                severity=severity,
                status=status,
                notes=notes,
            )
            _saved(new, "Assessment recorded.")

with actions_tab:
    if view.actions:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Action": a["id"],
                        "Pathway": _label("Pathway", a.get("pathway")),
                        "Description": a.get("description"),
                        "Owner": a.get("owner_name"),
                        "Due": a.get("due_on"),
                        "Status": _label("ActionStatus", a.get("status")),
                        "Outcome": a.get("outcome"),
                        "Evaluation": _label("ActionEvaluation", a.get("evaluation")),
                        "Note": a.get("evaluation_note") or a.get("what_worked"),
                    }
                    for a in view.actions
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    with guard():
        owners = directory.owners(store)
    owner_labels = {o["id"]: o["label"] for o in owners}
    with st.form("add_action"):
        pathway = st.selectbox(
            "Pathway",
            _codes("Pathway"),
            format_func=lambda c: vocab_label("Pathway", c),
            key="action_pathway",
        )
        description = st.text_input("Description")
        owner = st.selectbox("Owner", list(owner_labels), format_func=owner_labels.__getitem__)
        due = st.date_input("Due", value=date.today() + timedelta(days=14))
        add = st.form_submit_button("Add action")
    if add:
        with attempt():
            new = actions.add_action(
                store,
                me,
                view.id,
                st.session_state[key],
                pathway=pathway,
                description=description,
                owner_id=owner,
                due_on=due,
            )
            _saved(new, "Action added.")
    if view.actions:
        action_labels = {a["id"]: f"{a['id']} · {a.get('description')}" for a in view.actions}
        with st.form("update_action"):
            chosen = st.selectbox(
                "Action", list(action_labels), format_func=action_labels.__getitem__
            )
            status = st.selectbox(
                "New status",
                _codes("ActionStatus"),
                format_func=lambda c: vocab_label("ActionStatus", c),
            )
            outcome = st.text_input("Outcome")
            evaluation = st.selectbox(
                "Did it work? (finished actions)",
                ["", *_codes("ActionEvaluation")],
                format_func=lambda c: vocab_label("ActionEvaluation", c) if c else "Not yet",
            )
            note = st.text_input("Evaluation note")
            update = st.form_submit_button("Update action")
        if update:
            with attempt():
                new = actions.update_action(
                    store,
                    me,
                    view.id,
                    st.session_state[key],
                    chosen,
                    status=status,
                    outcome=outcome,
                )
                st.session_state[key] = new.version
                if evaluation:
                    new = actions.evaluate_action(
                        store, me, view.id, new.version, chosen, evaluation=evaluation, note=note
                    )
                _saved(new, "Action updated.")

with reviews_tab:
    if view.reviews:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Held": r.get("held_on"),
                        "Due": r.get("due_on"),
                        "Outcome": _label("ReviewOutcome", r.get("outcome")),
                        "Notes": r.get("notes"),
                        "Decisions": r.get("decisions"),
                        "By": r.get("reviewer_name") or r.get("reviewed_by"),
                    }
                    for r in view.reviews
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    with st.form("record_review"):
        notes = st.text_area("Review notes")
        decisions = st.text_area("Decisions")
        outcome = st.selectbox(
            "Outcome",
            _codes("ReviewOutcome"),
            format_func=lambda c: vocab_label("ReviewOutcome", c),
        )
        record = st.form_submit_button("Record review")
    if record:
        with attempt():
            new = reviews.record_review(
                store,
                me,
                view.id,
                st.session_state[key],
                notes=notes,
                decisions=decisions,
                outcome=outcome,
            )
            _saved(new, f"Review recorded; next review {new.plan.get('next_review_due') or '-'}.")

with timeline_tab:
    with guard():
        events = plans.timeline(store, me, view)
    if events:
        st.dataframe(pd.DataFrame(events), hide_index=True, width="stretch")
    else:
        st.info("Nothing recorded yet.")

with history_tab:
    with guard():
        changes = plans.plan_history(store, me, view.id)
    if changes:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "When": c["at"],
                        "Who": c["user"],
                        "What": f"{c['label']} {c['record_id']}",
                        "Before": ", ".join(f"{k}: {v}" for k, v in sorted(c["before"].items())),
                        "After": ", ".join(f"{k}: {v}" for k, v in sorted(c["after"].items())),
                    }
                    for c in changes
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.info("No changes recorded through iom yet.")
