"""The IOM cohort: explainable prioritisation per cohort type, decisions, households, outcomes.

Scores are sums of named components with their rules (`priority`), explained per person
(`explain`); panel decisions and lead arrangements (`decisions`, `arrangements`);
high-impact households and serial perpetrators (`households`, `serial`); outcome evaluation
and backtest (`evaluate`, `backtest`). Configuration: cohort.yaml (`config`).
"""

from iom.cohort.config import CohortConfig, cohort_config_for, load_cohort_config
from iom.cohort.priority import CohortScores, rank_people, score_cohort

__all__ = [
    "CohortConfig",
    "CohortScores",
    "cohort_config_for",
    "load_cohort_config",
    "rank_people",
    "score_cohort",
]
