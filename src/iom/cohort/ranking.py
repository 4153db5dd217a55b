"""The first IOM cohort ranking: recency, frequency and harm points out of 100, rule shown.

The maths is pure pandas (`score_offences`), so it is tested without a store; `rank_cohort`
pulls the window's offences through named queries, adds names and current IOM cohorts, and
records one audit event. The output is a ranked list for a selection panel, never an
automatic selection (DOMAIN.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from iom.cohort.components import COMPONENTS, CohortInputs, Component, components_for, num
from iom.cohort.episodes import current_episodes
from iom.cohort.rules import CohortRules
from iom.errors import EMPTY_STORE
from iom.model import vocab_label
from iom.reference import HarmWeight, Reference, reference_for
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "EMPTY_STORE",
    "OFFENCE_COLUMNS",
    "CohortRanking",
    "prepare_offences",
    "rank_cohort",
    "rule_text",
    "score_offences",
]

OFFENCE_COLUMNS = [
    "person_id",
    "offence_id",
    "offence_type",
    "committed_on",
    "detection",
    "relationship",
]
_PEOPLE_COLUMNS = [
    "id",
    "first_name",
    "last_name",
    "episode_id",
    "cohort",
    "start_on",
    "end_on",
    "hub_id",
    "hub",
]
_FACTS = [
    "offences",
    "convicted",
    "last_offence_on",
    "days_since_last",
    "recent_offences",
    "harm_cchi_days",
    "harm_css",
    "proactive_excluded",
]


@dataclass(frozen=True)
class CohortRanking:
    """A ranked cohort: one row per person with each component's points, and the rule."""

    frame: pd.DataFrame
    as_of: date
    rule: str
    summary: str
    rules: CohortRules
    components: tuple[str, ...]
    note: str | None = None

    @property
    def points_columns(self) -> list[str]:
        """The columns holding each component's points, in rule order."""
        return [f"{name}_points" for name in self.components]

    @property
    def empty(self) -> bool:
        """True when nobody qualified (see `note` for why)."""
        return bool(self.frame.empty)

    def shown(self) -> pd.DataFrame:
        """The frame as people read it: vocabulary codes (the IOM cohort) shown as labels."""
        cohort = self.frame["cohort"].map(lambda c: vocab_label("IomCohort", c), na_action="ignore")
        return self.frame.assign(cohort=cohort)

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON: as_of, weights, rule, note and rows."""
        rows = self.frame.astype(object).where(self.frame.notna(), None).to_dict("records")
        return {
            "as_of": self.as_of.isoformat(),
            "weights": dict(self.rules.weights),
            "max_points": self.rules.max_points(),
            "rule": self.rule,
            "note": self.note,
            "rows": rows,
        }


def prepare_offences(
    raw: pd.DataFrame, as_of: date, rules: CohortRules, harm: dict[str, HarmWeight]
) -> pd.DataFrame:
    """One row per person and offence committed in the window up to `as_of`, with its harm."""
    frame = raw.reindex(columns=OFFENCE_COLUMNS).copy()
    committed = pd.to_datetime(frame["committed_on"], errors="coerce", format="ISO8601")
    frame["age_days"] = (pd.Timestamp(as_of) - committed).dt.days
    frame = frame[frame["age_days"].between(0, rules.window_days)]
    frame["convicted"] = frame["relationship"] == "CONVICTED_OF"
    frame = (
        frame.groupby(["person_id", "offence_id"], as_index=False)
        .agg(
            offence_type=("offence_type", "first"),
            committed_on=("committed_on", "first"),
            detection=("detection", "first"),
            age_days=("age_days", "first"),
            convicted=("convicted", "any"),
        )
        .astype({"age_days": int})
    )
    frame["cchi_days"] = [harm[t].cchi_days if t in harm else 0.0 for t in frame["offence_type"]]
    frame["css_weight"] = [harm[t].css_weight if t in harm else 0.0 for t in frame["offence_type"]]
    frame["proactive"] = frame["detection"] == "PROACTIVE"
    frame["harm_counted"] = ~frame["proactive"] if rules.exclude_proactive else True
    return frame


def score_offences(
    raw: pd.DataFrame, as_of: date, rules: CohortRules, harm: dict[str, HarmWeight]
) -> pd.DataFrame:
    """Score and rank everyone with an offence in the window (ties ordered by person id)."""
    components = components_for(rules)
    offences = prepare_offences(raw, as_of, rules, harm)
    people = pd.Index(sorted(offences["person_id"].unique()), name="person_id")
    inputs = CohortInputs(offences=offences, people=people, as_of=as_of)
    grouped = offences.groupby("person_id")
    counted = offences[offences["harm_counted"]].groupby("person_id")
    out = pd.DataFrame(index=people)
    out["offences"] = grouped.size().reindex(people).fillna(0).astype(int)
    out["convicted"] = grouped["convicted"].sum().reindex(people).fillna(0).astype(int)
    last = grouped["committed_on"].max().reindex(people)
    out["last_offence_on"] = last.astype(object).where(last.notna(), None)
    out["harm_css"] = counted["css_weight"].sum().reindex(people).fillna(0.0)
    excluded = offences[~offences["harm_counted"].astype(bool)].groupby("person_id").size()
    out["proactive_excluded"] = excluded.reindex(people).fillna(0).astype(int)
    max_points = rules.max_points()
    # One pass per component: its measure is shown as a fact, weighted or not.
    for component in {c.name: c for c in (*components, *COMPONENTS.values())}.values():
        measure, fraction = component.compute(inputs, rules)
        out[component.measure] = measure
        if component.name in max_points:
            out[f"{component.name}_points"] = fraction * max_points[component.name]
    points = [f"{c.name}_points" for c in components]
    out["score"] = out[points].sum(axis=1) if len(out) else pd.Series(dtype=float)
    facts = [*_FACTS, *(c.measure for c in components if c.measure not in _FACTS)]
    out = out.reset_index().rename(columns={"person_id": "id"})
    out["_key"] = out["score"].round(9)
    out = out.sort_values(["_key", "id"], ascending=[False, True], kind="mergesort")
    out.insert(0, "rank", range(1, len(out) + 1))
    return out[["rank", "id", "score", *points, *facts]].reset_index(drop=True)


def rule_text(rules: CohortRules, as_of: date) -> tuple[str, str]:
    """The full rule (one line per component, every weight named) and a one-line summary."""
    components = components_for(rules)
    max_points = rules.max_points()
    total = num(sum(rules.weights.values()))
    since = as_of - timedelta(days=rules.window_days)
    lines = [
        f"Cohort ranking as of {as_of}: everyone suspected in or convicted of an offence "
        f"committed from {since} to {as_of} (a {rules.window_days}-day window). "
        f"Score out of 100 = {' + '.join(c.name + ' points' for c in components)}; "
        f"100 points are shared in proportion to the weights in scoring.yaml.",
        "",
    ]
    for c in components:
        pts = num(max_points[c.name])
        lines.append(
            f"- {c.name}: weight {num(rules.weights[c.name])} of {total}, "
            f"so up to {pts} points = {pts} x {c.describe(rules)}."
        )
    lines.append("")
    lines.append(
        "CSS-weighted harm (ONS Crime Severity Score) over the same offences is shown alongside "
        "and is not scored. Ties are ordered by person id. This is a ranked list for a selection "
        "panel, not an automatic selection."
    )
    parts = " + ".join(f"{c.name} (max {num(max_points[c.name])})" for c in components)
    proactive = ", proactive detections excluded" if rules.exclude_proactive else ""
    summary = (
        f"score = {parts}; window {rules.window_days} days to {as_of}; recency linear over "
        f"{rules.recency_horizon_days} days; frequency capped at {rules.frequency_cap} offences "
        f"in {rules.frequency_window_days} days; harm = log CCHI days capped at "
        f"{num(rules.harm_cap_days)}{proactive}."
    )
    return "\n".join(lines), summary


def _with_people(scored: pd.DataFrame, rows: list[dict[str, Any]], as_of: date) -> pd.DataFrame:
    people = pd.DataFrame(rows, columns=_PEOPLE_COLUMNS)
    names = people.drop_duplicates("id").set_index("id")
    full = (names["first_name"].fillna("") + " " + names["last_name"].fillna("")).str.strip()
    current = current_episodes(people, as_of, key="id").set_index("id")
    frame = scored.copy()
    frame.insert(2, "name", frame["id"].map(full).fillna(""))
    frame.insert(3, "cohort", frame["id"].map(current["cohort"]))
    frame.insert(4, "hub", frame["id"].map(current["hub"]))
    for column in ("cohort", "hub"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def rank_cohort(
    store: Store,
    actor: Actor,
    *,
    as_of: date | None = None,
    top: int | None = None,
    reference: Reference | None = None,
) -> CohortRanking:
    """Rank everyone with an offence in the window, top first; one audit event names them."""
    if top is not None and top < 1:
        raise ValueError("top must be 1 or more")
    as_of = as_of or date.today()
    reference = reference or reference_for()
    rules = CohortRules.from_config(reference.scoring)
    components: list[Component] = components_for(rules)
    since = as_of - timedelta(days=rules.window_days)
    rows = store.read("cohort/offences", {"since": since.isoformat(), "until": as_of.isoformat()})
    raw = pd.DataFrame(rows, columns=OFFENCE_COLUMNS)
    scored = score_offences(raw, as_of, rules, reference.harm_weights)
    if top is not None:
        scored = scored.head(top)
    people = store.read("cohort/people", {"ids": scored["id"].tolist()}) if len(scored) else []
    frame = _with_people(scored, people, as_of)
    note = None
    if frame.empty:
        note = _empty_note(store, since, as_of, rules)
    rule, summary = rule_text(rules, as_of)
    if len(frame):  # nobody's record was consulted otherwise (and an empty store stays empty)
        detail = f"cohort ranking as of {as_of}" + (f", top {top}" if top else "")
        audit.record(store, actor, "CONSULTATION", frame["id"].tolist(), detail)
    return CohortRanking(
        frame=frame,
        as_of=as_of,
        rule=rule,
        summary=summary,
        rules=rules,
        components=tuple(c.name for c in components),
        note=note,
    )


def _empty_note(store: Store, since: date, as_of: date, rules: CohortRules) -> str:
    counted = store.read("cohort/offence_count")
    if not counted or not counted[0].get("offences"):
        return EMPTY_STORE
    return (
        f"No offences with a suspect or convicted person were committed from {since} to "
        f"{as_of} (the ranking's {rules.window_days}-day window): choose another as-of date."
    )
