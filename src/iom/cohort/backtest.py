"""Backtest: score with only what was known before a date, then look at the next 12 months.

The ranking (each person's best cohort score) is compared with two simple baselines on the
same people: RFG alone (sum of CCHI days x recency decay over every offence, whatever its
outcome, as a MATAC-style matrix would) and "most offences" (offences in the last 365 days).
For each: precision at the cohort size (share of the top K who offend again, counted as in
the evaluation), the share of next-year harm the top K cause, and the AUC for reoffending
and for being among the K most harmful next year.

>>> auc(pd.Series([3.0, 2.0, 1.0]), pd.Series([True, False, False]))
1.0
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from iom.cohort.config import CohortConfig, cohort_config_for
from iom.cohort.data import CohortData, read_cohort_data
from iom.cohort.features import offence_table
from iom.cohort.priority import score_cohort
from iom.reference import HarmWeight, reference_for
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Store

__all__ = ["Backtest", "auc", "backtest", "backtest_store"]


def auc(scores: pd.Series, positive: pd.Series) -> float | None:
    """Area under the ROC curve (Mann-Whitney; ties count half); None without both classes."""
    pos = int(positive.sum())
    neg = int(len(positive) - pos)
    if pos == 0 or neg == 0:
        return None
    ranks = scores.rank(method="average")
    return float((ranks[positive.astype(bool)].sum() - pos * (pos + 1) / 2) / (pos * neg))


@dataclass(frozen=True)
class Backtest:
    """Metrics per ranking method, with the dates, sizes and a plain note."""

    as_of: date
    horizon_end: date
    cohort_size: int
    population: int
    reoffenders: int
    metrics: pd.DataFrame
    note: str

    def records(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "as_of": self.as_of.isoformat(),
            "horizon_end": self.horizon_end.isoformat(),
            "cohort_size": self.cohort_size,
            "population": self.population,
            "reoffenders": self.reoffenders,
            "metrics": self.metrics.astype(object)
            .where(self.metrics.notna(), None)
            .to_dict("records"),
            "note": self.note,
        }


def backtest(
    data: CohortData,
    config: CohortConfig,
    harm: dict[str, HarmWeight],
    as_of: date,
    cohort_type: str | None = None,
) -> Backtest:
    """Rank as on `as_of` from earlier data only; measure against the following horizon."""
    horizon = config.backtest["horizon_days"]
    end = as_of + timedelta(days=horizon)
    scores = score_cohort(data, config, harm, as_of)
    ranked = scores.best() if cohort_type is None else scores.ranked(cohort_type)
    people = ranked.set_index("id")
    ids = people.index
    # baselines from the same window, before as_of
    past = scores.offences
    rfg = (past["gravity"] * past["decay"]).groupby(past["person_id"]).sum().reindex(ids)
    recent = past[past["age_days"] <= 365].groupby("person_id").size().reindex(ids)
    # what happened next: offences committed after as_of up to the horizon end
    later = offence_table(data.until(end), config, harm, end, window_days=horizon)
    after_cut = later["committed_on"].astype(str) > as_of.isoformat()
    later = later[after_cut & (later["outcome_weight"] > 0)]
    offended = later.groupby("person_id").size().reindex(ids).fillna(0)
    caused = later.groupby("person_id")["gravity"].sum().reindex(ids).fillna(0.0)
    k = min(config.backtest["cohort_size"], len(ids))
    heaviest = caused.sort_values(ascending=False, kind="mergesort").head(k)
    in_worst = pd.Series(ids.isin(list(heaviest[heaviest > 0].index)), index=ids)
    total_harm = float(caused.sum())
    rows = []
    methods = {
        "cohort score": people["score"],
        "RFG alone": rfg.fillna(0.0),
        "most offences": recent.fillna(0).astype(float),
    }
    for name, values in methods.items():
        order = values.sort_values(ascending=False, kind="mergesort")
        top = order.head(k).index
        rows.append(
            {
                "method": name,
                "precision_at_k": float((offended[top] > 0).mean()) if k else None,
                "harm_share_at_k": float(caused[top].sum() / total_harm) if total_harm else None,
                "auc_reoffending": auc(values, offended > 0),
                "auc_most_harmful": auc(values, in_worst),
            }
        )
    metrics = pd.DataFrame(rows)
    reoffenders = int((offended > 0).sum())
    note = (
        f"Scored {len(ids)} people with data up to {as_of}; outcomes from "
        f"{as_of + timedelta(days=1)} to {end} ({reoffenders} offended again). K = {k} "
        "(the cohort size). Offences count when "
        "their outcome weight is above 0; harm is CCHI days. On synthetic data these figures show "
        "the method works end to end, not how well it would predict in a real force."
    )
    return Backtest(as_of, end, k, len(ids), reoffenders, metrics, note)


def backtest_store(
    store: Store,
    actor: Actor,
    as_of: date,
    *,
    cohort_type: str | None = None,
    settings: Settings | None = None,
) -> Backtest:
    """Read the offending around `as_of` (audited) and backtest the ranking."""
    config = cohort_config_for(settings)
    harm = reference_for(settings).harm_weights
    data = read_cohort_data(
        store,
        actor,
        since=as_of - timedelta(days=config.lookback_days),
        until=as_of + timedelta(days=config.backtest["horizon_days"]),
        purpose_detail="cohort backtest",
        ties=config.projections,
    )
    return backtest(data, config, harm, as_of, cohort_type)
