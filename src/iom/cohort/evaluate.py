"""Outcome evaluation: offending and harm per year at liberty before and after cohort entry.

Counting rules (docs/cohort.md says the same):
- Entry: the start of an IOM episode (each episode is one entry). Entries whose follow-up
  (from entry to the evaluation date, at most `evaluation.after_days`) gives fewer than
  `evaluation.min_after_liberty_days` days at liberty are left out.
- Before: the `before_days` days up to the day before entry; after: `after_days` days from
  the entry day (or to the evaluation date if sooner); both ends inclusive.
- An offence counts once per person when its outcome weight is above 0 (no further action
  and other zero-weight outcomes are not counted), on the date it was committed.
- Harm is the sum of the counted offences' CCHI days (proactive detections out when so
  configured), not decayed and not outcome-weighted.
- Rates are per 365 days at liberty: custody days in the window are taken out.
- Comparison group: people never in IOM, matched one-to-one (nearest, without replacement)
  on their best cohort score on the first day of the entry's quarter, and given the same
  entry date as the member they match.
Aggregates are totals over totals (offences / years at liberty), per group, hub and type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from iom.cohort.config import CohortConfig, cohort_config_for
from iom.cohort.data import CohortData, read_cohort_data
from iom.cohort.features import liberty_in_windows, offence_table
from iom.cohort.priority import score_cohort
from iom.reference import HarmWeight, reference_for
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Store

__all__ = ["Evaluation", "count_windows", "evaluate", "evaluate_store"]

ALL_TIME = 365 * 200


@dataclass(frozen=True)
class Evaluation:
    """Per-person before/after figures and the aggregates, with the rules used."""

    as_of: date
    people: pd.DataFrame
    summary: pd.DataFrame
    note: str

    def records(self) -> dict[str, Any]:
        """Plain values for JSON."""
        clean = lambda f: f.astype(object).where(f.notna(), None).to_dict("records")  # noqa: E731
        return {
            "as_of": self.as_of.isoformat(),
            "note": self.note,
            "summary": clean(self.summary),
            "people": clean(self.people),
        }


def count_windows(
    entries: pd.DataFrame,
    offences: pd.DataFrame,
    custody: pd.DataFrame,
    config: CohortConfig,
    as_of: date,
) -> pd.DataFrame:
    """Before/after counts for `entries` (key, person_id, entry_on): offences, harm, liberty."""
    out = entries.copy()
    entry = pd.to_datetime(out["entry_on"], format="%Y-%m-%d")
    before = pd.Timedelta(days=config.evaluation["before_days"])
    before_start = (entry - before).dt.strftime("%Y-%m-%d")
    after_end = (entry + pd.Timedelta(days=config.evaluation["after_days"] - 1)).clip(
        upper=pd.Timestamp(as_of)
    )
    out["after_end"] = after_end.dt.strftime("%Y-%m-%d")
    out["before_start"] = before_start
    counted = offences[offences["outcome_weight"] > 0][["person_id", "committed_on", "gravity"]]
    joined = out[["key", "person_id", "entry_on", "before_start", "after_end"]].merge(
        counted, on="person_id"
    )
    day = joined["committed_on"].astype(str)
    before = joined[(day >= joined["before_start"]) & (day < joined["entry_on"])]
    after = joined[(day >= joined["entry_on"]) & (day <= joined["after_end"])]
    for name, part in (("before", before), ("after", after)):
        grouped = part.groupby("key")
        out[f"{name}_offences"] = out["key"].map(grouped.size()).fillna(0).astype(int)
        out[f"{name}_harm"] = out["key"].map(grouped["gravity"].sum()).fillna(0.0)
    day_before = (entry - pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d")
    windows_before = pd.DataFrame(
        {"key": out["key"], "person_id": out["person_id"], "start": before_start, "end": day_before}
    )
    windows_after = pd.DataFrame(
        {
            "key": out["key"],
            "person_id": out["person_id"],
            "start": out["entry_on"],
            "end": out["after_end"],
        }
    )
    out["before_liberty_days"] = out["key"].map(liberty_in_windows(custody, windows_before)) + 1
    out["after_liberty_days"] = out["key"].map(liberty_in_windows(custody, windows_after)) + 1
    for name in ("before", "after"):
        years = out[f"{name}_liberty_days"] / 365.0
        out[f"{name}_rate"] = out[f"{name}_offences"] / years.where(years > 0)
        out[f"{name}_harm_rate"] = out[f"{name}_harm"] / years.where(years > 0)
    return out


def _aggregate(frame: pd.DataFrame, by: str | None, level: str) -> pd.DataFrame:
    groups = frame.groupby(["group", by] if by else ["group"], dropna=False)
    out = groups.agg(
        people=("person_id", "nunique"),
        before_offences=("before_offences", "sum"),
        after_offences=("after_offences", "sum"),
        before_harm=("before_harm", "sum"),
        after_harm=("after_harm", "sum"),
        before_years=("before_liberty_days", lambda d: d.sum() / 365.0),
        after_years=("after_liberty_days", lambda d: d.sum() / 365.0),
    ).reset_index()
    out.insert(1, "level", level)
    out.insert(2, "key", out.pop(by).fillna("(none)") if by else "all")
    out["before_rate"] = out["before_offences"] / out["before_years"]
    out["after_rate"] = out["after_offences"] / out["after_years"]
    out["rate_change_pct"] = (out["after_rate"] / out["before_rate"] - 1.0) * 100.0
    out["before_harm_rate"] = out["before_harm"] / out["before_years"]
    out["after_harm_rate"] = out["after_harm"] / out["after_years"]
    out["harm_change_pct"] = (out["after_harm_rate"] / out["before_harm_rate"] - 1.0) * 100.0
    return out


def _quarter(day: str) -> date:
    d = date.fromisoformat(day[:10])
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def evaluate(
    data: CohortData, config: CohortConfig, harm: dict[str, HarmWeight], as_of: date
) -> Evaluation:
    """Evaluate every IOM entry up to `as_of` against a matched comparison group."""
    known = data.until(as_of)
    offences = offence_table(known, config, harm, as_of, window_days=ALL_TIME)
    episodes = known.episodes.dropna(subset=["start_on"]).copy()
    episodes["entry_on"] = episodes["start_on"].astype(str).str.slice(0, 10)
    members = episodes.assign(key=episodes["episode_id"], group="cohort")
    members = members[["key", "person_id", "entry_on", "cohort", "hub", "group"]]
    ever_iom = set(known.episodes["person_id"])
    matched: list[dict[str, Any]] = []
    pre_scores: dict[str, float] = {}
    for quarter, batch in members.groupby(members["entry_on"].map(_quarter)):
        best = score_cohort(known, config, harm, quarter).best().set_index("id")["score"]
        pool = best[~best.index.isin(ever_iom)].sort_values(ascending=False)
        used: set[str] = set()
        batch = batch.assign(pre=batch["person_id"].map(best).fillna(0.0)).sort_values(
            ["pre", "key"], ascending=[False, True]
        )
        for r in batch.itertuples():
            pre_scores[r.key] = float(r.pre)
            free = pool[~pool.index.isin(used)]
            if free.empty:
                continue
            pick = (free - r.pre).abs().sort_values(kind="mergesort").index[0]
            used.add(pick)
            matched.append(
                {
                    "key": f"{r.key}~{pick}",
                    "person_id": pick,
                    "entry_on": r.entry_on,
                    "cohort": r.cohort,
                    "hub": r.hub,
                    "group": "comparison",
                    "matched_to": r.person_id,
                    "pre_score": float(free[pick]),
                }
            )
    members = members.assign(matched_to=None, pre_score=members["key"].map(pre_scores))
    everyone = pd.concat([members, pd.DataFrame(matched)], ignore_index=True)
    counted = count_windows(everyone, offences, known.custody, config, as_of)
    minimum = config.evaluation["min_after_liberty_days"]
    kept = counted[counted["after_liberty_days"] >= minimum]
    left_out = len(counted) - len(kept)
    summary = pd.concat(
        [
            _aggregate(kept, None, "all"),
            _aggregate(kept, "hub", "hub"),
            _aggregate(kept, "cohort", "cohort type"),
        ],
        ignore_index=True,
    )
    note = (
        f"{len(kept[kept['group'] == 'cohort'])} cohort entries and "
        f"{len(kept[kept['group'] == 'comparison'])} matched comparisons; {left_out} left out "
        f"with under {minimum} days at liberty after entry. Before "
        f"{config.evaluation['before_days']} days, after {config.evaluation['after_days']} "
        "days; rates per year at liberty."
    )
    return Evaluation(as_of=as_of, people=kept.reset_index(drop=True), summary=summary, note=note)


def evaluate_store(
    store: Store,
    actor: Actor,
    *,
    as_of: date | None = None,
    settings: Settings | None = None,
) -> Evaluation:
    """Read all offending up to `as_of` (audited) and evaluate the cohort."""
    as_of = as_of or date.today()
    config = cohort_config_for(settings)
    harm = reference_for(settings).harm_weights
    data = read_cohort_data(
        store,
        actor,
        since=date(1900, 1, 1),
        until=as_of,
        purpose_detail="cohort evaluation",
        ties=config.projections,
    )
    return evaluate(data, config, harm, as_of)
