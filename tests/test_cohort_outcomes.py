"""Evaluation and backtest on hand-made timelines: what is counted before and after entry."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cohort_cases import AS_OF, HARM, config, data, offence, person
from iom.cohort.backtest import auc, backtest
from iom.cohort.evaluate import ALL_TIME, count_windows, evaluate
from iom.cohort.features import offence_table

ENTRY = "2024-06-01"


def on(day: str) -> int:
    """Days before AS_OF (2025-06-01) of an ISO date, for the `offence` helper."""
    return (AS_OF - date.fromisoformat(day)).days


def test_before_and_after_counting_on_a_timeline() -> None:
    rows = [
        offence("a", "x1", days_ago=on("2023-05-31")),  # 367 days before entry: outside
        offence("a", "b1", days_ago=on("2023-06-02")),  # first day of the year before
        offence("a", "b2", days_ago=on("2024-05-31")),  # the day before entry
        offence("a", "a1", days_ago=on("2024-06-01")),  # entry day counts as after
        offence("a", "a2", days_ago=on("2025-05-31")),  # last day of the year after
        offence("a", "n1", days_ago=on("2024-07-01"), outcome="NO_FURTHER_ACTION"),  # not counted
    ]
    custody = [{"person_id": "a", "start_on": "2024-09-01", "released_on": "2024-11-30"}]
    cfg = config()
    d = data(rows, custody=custody)
    table = offence_table(d, cfg, HARM, AS_OF, window_days=ALL_TIME)
    entries = pd.DataFrame([{"key": "E1", "person_id": "a", "entry_on": ENTRY}])
    row = count_windows(entries, table, d.custody, cfg, AS_OF).iloc[0]
    assert (row["before_offences"], row["after_offences"]) == (2, 2)
    assert row["before_liberty_days"] == 365
    assert row["after_liberty_days"] == 365 - 90  # 90 days in custody after entry
    assert row["before_rate"] == pytest.approx(2.0)
    assert row["after_rate"] == pytest.approx(2 / (275 / 365))
    assert row["before_harm"] == pytest.approx(2 * 273.5)  # CCHI days, not decayed


def test_evaluation_matches_a_comparison_on_pre_entry_score() -> None:
    past = [offence(p, f"{p}-{i}", days_ago=on("2024-03-01") + i) for p in "abc" for i in range(3)]
    past += [offence("d", f"d-{i}", "ROBBERY_PERSONAL", on("2024-03-01") + i) for i in range(9)]
    after = [offence("a", "a-late", days_ago=on("2024-09-01"))]
    episodes = [{"person_id": "a", "episode_id": "E1", "cohort": "FIXED", "start_on": ENTRY,
                 "hub": "North"}]  # fmt: skip
    result = evaluate(data(past + after, episodes=episodes), config(), HARM, AS_OF)
    people = result.people.set_index("group")
    assert people.loc["cohort", "person_id"] == "a"
    assert people.loc["comparison", "person_id"] in {"b", "c"}  # same past as a, not d
    assert people.loc["comparison", "matched_to"] == "a"
    summary = result.summary.set_index(["group", "level"])
    assert summary.loc[("cohort", "all"), "after_offences"] == 1
    assert summary.loc[("comparison", "all"), "after_offences"] == 0
    assert set(result.summary["level"]) == {"all", "hub", "cohort type"}


def test_auc_counts_ties_as_half() -> None:
    assert auc(pd.Series([1.0, 1.0]), pd.Series([True, False])) == 0.5
    assert auc(pd.Series([1.0, 2.0]), pd.Series([True, True])) is None


def test_backtest_scores_the_past_and_measures_the_future() -> None:
    cut = date(2024, 6, 1)
    before = lambda d: on("2024-06-01") + d  # noqa: E731
    rows = [offence("heavy", f"h{i}", days_ago=before(10 + i)) for i in range(5)]
    rows += [offence("light", "l1", "SHOPLIFTING", before(200))]
    rows += [offence("quiet", "q1", "SHOPLIFTING", before(300))]
    # after the cut: heavy and quiet offend again; light does not
    rows += [offence("heavy", "h-next", days_ago=on("2024-08-01"))]
    rows += [offence("quiet", "q-next", days_ago=on("2024-09-01"))]
    rows += [offence("light", "l-far", days_ago=-30)]  # 2025-07-01: beyond the horizon
    cfg = config(backtest={"horizon_days": 365, "cohort_size": 1})
    result = backtest(data(rows, people=[person(p) for p in ("heavy", "light", "quiet")]),
                      cfg, HARM, cut)  # fmt: skip
    metrics = result.metrics.set_index("method")
    assert result.population == 3 and result.reoffenders == 2 and result.cohort_size == 1
    assert metrics.loc["cohort score", "precision_at_k"] == 1.0
    # light (200 days ago) outranks quiet (300 days ago) but only quiet offends again
    assert metrics.loc["cohort score", "auc_reoffending"] == pytest.approx(0.5)
    assert "synthetic data" in result.note
