"""A person's score explained: every component in a sentence, what changed, what would change it.

For one person and cohort type: each component's raw value, cap, scaled value, weight
(points available) and contribution, in sentences a sergeant can read to a panel; the
protective factors and pathway progress beside them (not scored); what changed since the
last snapshot; and which of their offences, if they had not been counted (e.g. had ended in
no further action), would take them below the selection threshold — checked by rescoring.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from iom.cohort.features import person_features
from iom.cohort.priority import CohortScores, rank_people, score_type
from iom.cohort.snapshots import COMPONENTS, person_snapshots
from iom.errors import RecordNotFound
from iom.model import person_name, vocab_label
from iom.security import audit
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Store

__all__ = [
    "COMPONENT_LABELS",
    "Counterfactual",
    "Explanation",
    "explain_person",
    "explain_scores",
    "rescore_without",
    "threshold_counterfactual",
]

COMPONENT_LABELS = {
    "harm": "Harm",
    "frequency": "Frequency",
    "da_victims": "Domestic-abuse victims (RFG(V))",
    "trend": "Rising offending",
    "network": "Network position",
    "ocg_role": "OCG role",
    "household": "High-impact household",
    "risk_markers": "Risk markers",
}
MARKER_LABELS = {
    "weapons": "a weapons offence",
    "domestic_abuse": "domestic abuse",
    "mappa": "an open MAPPA case",
    "high_rosh": "high risk of serious harm (probation)",
    "wanted": "wanted or failed to appear",
}


@dataclass(frozen=True)
class Counterfactual:
    """What would take a person below the selection threshold, checked by rescoring."""

    threshold: float
    before: float
    after: float
    removed: list[dict[str, Any]]
    crosses: bool
    sentence: str


@dataclass(frozen=True)
class Explanation:
    """Everything said about one person's score in one cohort type."""

    person_id: str
    name: str
    cohort_type: str
    as_of: date
    config_version: str
    score: float
    rank: int
    ranked: int
    band: str
    recommendation: str
    reasons: list[str]
    flags: list[str]
    components: list[dict[str, Any]]
    protective: list[str]
    confidence: float
    missing: list[str]
    lead: str | None
    lead_owner: str | None
    changes: list[str] = field(default_factory=list)
    counterfactual: Counterfactual | None = None

    def lines(self) -> list[str]:
        """The explanation as sentences, one a line, for the CLI and the panel."""
        kind = vocab_label("IomCohort", self.cohort_type)
        rec = vocab_label("CohortRecommendation", self.recommendation)
        out = [
            f"{self.name} ({self.person_id}), {kind}, as of {self.as_of}: score "
            f"{self.score:.1f} of 100, rank {self.rank} of {self.ranked}, band {self.band}.",
            f"Recommendation: {rec}: " + "; ".join(self.reasons) + ".",
            "The panel decides; the tool recommends.",
            "",
            "How the score is made (each part: raw value, cap, share of the cap x points):",
        ]
        out += [f"- {c['sentence']}" for c in self.components]
        total = sum(c["contribution"] for c in self.components)
        out.append(f"  Total: {total:.1f} points.")
        if self.flags:
            out += [
                "",
                "Flags: " + "; ".join(vocab_label("CohortFlag", f) for f in self.flags) + ".",
            ]
        if self.lead:
            lead = vocab_label("LeadArrangement", self.lead)
            out.append(f"Lead arrangement: {lead} ({self.lead_owner}).")
        out += ["", "Protective factors and pathway progress (shown, not scored):"]
        out += [f"- {p}" for p in self.protective]
        missing = ", ".join(self.missing) if self.missing else "nothing"
        out.append(f"Data completeness: {self.confidence:.0f}% (missing: {missing}).")
        out += ["", "Since the last review:"]
        out += [f"- {c}" for c in self.changes] or ["- no earlier snapshot"]
        if self.counterfactual:
            out += ["", "What would take them below the selection threshold:"]
            out.append(f"- {self.counterfactual.sentence}")
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        out = asdict(self)
        out["as_of"] = self.as_of.isoformat()
        return out


def _raw_text(name: str, row: pd.Series, scores: CohortScores, ctx: pd.Series) -> str:
    c = scores.config
    raw = float(row[f"{name}_raw"])
    if name == "harm":
        return (
            f"{raw:,.1f} CCHI days from {int(row['offences'])} offence(s) in the last "
            f"{c.window_days} days, each weighted by its outcome and halved every "
            f"{c.half_life_days:g} days (CSS beside, not scored: {row['harm_css']:,.0f})"
        )
    if name == "frequency":
        return (
            f"{row['recent_counted']:g} outcome-weighted offence(s) in the last "
            f"{c.frequency_window_days} days over {row['liberty_days']:.0f} days at liberty "
            f"= {raw:.2f} a year at liberty"
        )
    if name == "da_victims":
        return f"{raw:.0f} distinct victim(s) of domestic abuse"
    if name == "trend":
        half = c.frequency_window_days // 2
        recent, earlier = row["trend_recent"], row["trend_earlier"]
        way = "rising" if recent > earlier else "falling" if recent < earlier else "steady"
        return (
            f"{recent:g} weighted offence(s) in the last {half} days against {earlier:g} in the "
            f"{half} before ({way}; only a rise scores)"
        )
    if name == "network":
        return f"network score {raw:.2f} (1 = the average person; {scores.network.method})"
    if name == "ocg_role":
        role = ctx.get("ocg_role")
        if not isinstance(role, str):
            return "no current OCG membership"
        return f"{vocab_label('OcgRole', role)} member of {ctx.get('ocg')} (weight {raw:g})"
    if name == "household":
        home = ctx.get("household_id")
        if not isinstance(home, str):
            return "no current household recorded"
        return f"lives at household {home}, which scores {raw:.1f} of 100 (see households)"
    markers = row["markers"] if isinstance(row["markers"], list) else []
    if not markers:
        return "no risk markers"
    names = ", ".join(MARKER_LABELS[m] for m in markers)
    return f"{names} (weights {raw:g} of {sum(c.risk_markers.values()):g})"


def _components(scores: CohortScores, row: pd.Series, cohort_type: str) -> list[dict[str, Any]]:
    spec = scores.config.cohort_types[cohort_type]
    points = spec.max_points()
    ctx = scores.context.loc[row["id"]]
    caps = scores.caps[cohort_type]
    out = []
    for name in COMPONENTS:
        if name not in points:
            continue
        raw = float(row[f"{name}_raw"])
        norm = float(row[f"{name}_norm"])
        contribution = float(row[f"{name}_points"])
        text = _raw_text(name, row, scores, ctx)
        sentence = (
            f"{COMPONENT_LABELS[name]}: {text}. Cap {caps[name]:,.2f}, so {norm:.2f} of the cap "
            f"x {points[name]:.1f} points = {contribution:.1f} points."
        )
        out.append(
            {
                "name": name,
                "label": COMPONENT_LABELS[name],
                "raw": raw,
                "cap": caps[name],
                "normalised": norm,
                "weight": points[name],
                "contribution": contribution,
                "sentence": sentence,
            }
        )
    return out


def _protective(ctx: pd.Series) -> list[str]:
    lines = [f"{int(ctx['needs'])} assessed pathway need(s)"]
    total = int(ctx["actions_total"])
    if total:
        lines.append(
            f"{int(ctx['actions_done'])} of {total} plan action(s) done "
            f"({ctx['actions_done'] / total:.0%} pathway progress)"
        )
    else:
        lines.append("no plan actions recorded")
    return lines


def rescore_without(
    scores: CohortScores, person_id: str, cohort_type: str, removed: list[str]
) -> float:
    """The person's score with the offences `removed` left out (population caps held fixed)."""
    spec = scores.config.cohort_types[cohort_type]
    offences = scores.offences[~scores.offences["offence_id"].isin(removed)]
    offences = offences[offences["person_id"] == person_id]
    features = person_features(
        offences,
        scores.data,
        scores.config,
        scores.as_of,
        spec.scope,
        people=pd.Index([person_id], name="person_id"),
    )
    frame, _ = score_type(
        features,
        scores.context,
        scores.network.values,
        scores.config,
        cohort_type,
        caps=scores.caps[cohort_type],
    )
    return float(frame["score"].iloc[0])


def threshold_counterfactual(
    scores: CohortScores, person_id: str, cohort_type: str
) -> Counterfactual | None:
    """Offences whose absence would take the person below the selection threshold, if any.

    Their offences in scope are left out one at a time, the most harmful first (as if they
    had ended in no further action), and the person is rescored with the population's caps
    held fixed, until the score falls below the threshold. None when already below it.
    """
    row = scores.row(person_id, cohort_type)
    threshold = scores.config.thresholds["select"]
    if row is None or row["score"] < threshold:
        return None
    spec = scores.config.cohort_types[cohort_type]
    mine = scores.offences[
        (scores.offences["person_id"] == person_id) & scores.offences[spec.scope]
    ]
    mine = mine.sort_values(["points", "outcome_weight", "committed_on"], ascending=False)
    removed: list[dict[str, Any]] = []
    after = float(row["score"])
    for offence in mine.to_dict("records"):
        removed.append(
            {
                "offence_id": offence["offence_id"],
                "offence_type": offence["offence_type"],
                "committed_on": offence["committed_on"],
                "outcome": offence["outcome"],
            }
        )
        after = rescore_without(scores, person_id, cohort_type, [r["offence_id"] for r in removed])
        if after < threshold:
            break
    crosses = after < threshold
    listed = "; ".join(
        f"{r['offence_id']} ({r['offence_type'].replace('_', ' ').lower()}, {r['committed_on']}, "
        f"{vocab_label('OffenceOutcome', r['outcome'])})"
        for r in removed
    )
    if crosses:
        sentence = (
            f"Without {len(removed)} offence(s) — {listed} — the score would be {after:.1f}, "
            f"below the selection threshold {threshold:g} (caps held fixed)."
        )
    else:
        sentence = (
            f"Even without any of their {len(removed)} offence(s) in scope the score would be "
            f"{after:.1f}: network, household and risk markers alone keep it at or above "
            f"{threshold:g} (though with no counted offence they would not be eligible)."
        )
    return Counterfactual(threshold, float(row["score"]), after, removed, crosses, sentence)


def _changes(
    scores: CohortScores, row: pd.Series, cohort_type: str, snapshots: list[dict[str, Any]]
) -> list[str]:
    earlier = [s for s in snapshots if s.get("cohort") == cohort_type]
    if not earlier:
        return []
    last = earlier[0]
    lines = [
        f"last snapshot {last['taken_on']} (configuration {last['config_version']}): score "
        f"{last['score']:.1f}, rank {last['rank']}; now {row['score']:.1f}, rank {row['rank']} "
        f"({row['score'] - last['score']:+.1f})"
    ]
    if last["config_version"] != scores.config.version:
        lines.append(
            f"the configuration changed from {last['config_version']} to {scores.config.version}"
        )
    before = last.get("components") or {}
    for name in COMPONENTS:
        then = float(before.get(name, {}).get("points", 0.0))
        now = float(row[f"{name}_points"])
        if abs(now - then) >= 0.05:
            lines.append(
                f"{COMPONENT_LABELS[name]}: {then:.1f} -> {now:.1f} points ({now - then:+.1f})"
            )
    new = scores.offences[
        (scores.offences["person_id"] == row["id"])
        & (scores.offences["committed_on"].astype(str) > str(last["taken_on"]))
    ]
    for offence in new.sort_values("committed_on").to_dict("records"):
        lines.append(
            f"new offence {offence['offence_id']} "
            f"({offence['offence_type'].replace('_', ' ').lower()}, {offence['committed_on']}, "
            f"{vocab_label('OffenceOutcome', offence['outcome'])})"
        )
    return lines


def explain_scores(
    scores: CohortScores,
    person_id: str,
    cohort_type: str | None = None,
    snapshots: list[dict[str, Any]] | None = None,
) -> Explanation | None:
    """Explain one person's score (in `cohort_type`, default their best); None if unranked."""
    if cohort_type is None:
        best = scores.best()
        found = best[best["id"] == person_id]
        if found.empty:
            return None
        cohort_type = str(found.iloc[0]["cohort_type"])
    row = scores.row(person_id, cohort_type)
    if row is None:
        return None
    ctx = scores.context.loc[person_id]
    return Explanation(
        person_id=person_id,
        name=str(ctx["name"]),
        cohort_type=cohort_type,
        as_of=scores.as_of,
        config_version=scores.config.version,
        score=float(row["score"]),
        rank=int(row["rank"]),
        ranked=len(scores.ranked(cohort_type)),
        band=str(row["band"]),
        recommendation=str(row["recommendation"]),
        reasons=list(row["reasons"]),
        flags=list(row["flags"]),
        components=_components(scores, row, cohort_type),
        protective=_protective(ctx),
        confidence=float(ctx["confidence"]),
        missing=list(ctx["missing"]),
        lead=ctx["lead"] if isinstance(ctx["lead"], str) else None,
        lead_owner=ctx["lead_owner"] if isinstance(ctx["lead_owner"], str) else None,
        changes=_changes(scores, row, cohort_type, snapshots or []),
        counterfactual=threshold_counterfactual(scores, person_id, cohort_type),
    )


def require_person(store: Store, person_id: str) -> str:
    """The person's name; RecordNotFound (`no person with id 'X'`) when not held."""
    rows = store.read("cohort/person_exists", {"id": person_id})
    if not rows:
        raise RecordNotFound(f"no person with id {person_id!r}")
    return person_name(rows[0])


def explain_person(
    store: Store,
    actor: Actor,
    person_id: str,
    *,
    as_of: date | None = None,
    cohort_type: str | None = None,
    settings: Settings | None = None,
    scores: CohortScores | None = None,
) -> Explanation:
    """Explain a held person's score from the store (audited); says so when they are unranked."""
    name = require_person(store, person_id)
    scores = scores or rank_people(store, actor, as_of=as_of, settings=settings)
    if cohort_type is not None:
        scores.ranked(cohort_type)  # an unknown type is refused with the allowed ones
    snapshots = person_snapshots(store, actor, person_id)
    explanation = explain_scores(scores, person_id, cohort_type, snapshots)
    audit.record(store, actor, "CONSULTATION", [person_id], "cohort score explanation")
    if explanation is None:
        which = f" in the {cohort_type} cohort type" if cohort_type else ""
        raise RecordNotFound(
            f"{name} ({person_id}) is not ranked{which} as of {scores.as_of}: no offences in "
            f"scope in the last {scores.config.window_days} days"
        )
    return explanation
