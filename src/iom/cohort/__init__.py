"""The IOM cohort: explainable ranking, every score a sum of named components with its rule."""

from iom.cohort.components import COMPONENTS, Component
from iom.cohort.ranking import CohortRanking, rank_cohort, score_offences
from iom.cohort.rules import CohortRules

__all__ = [
    "COMPONENTS",
    "CohortRanking",
    "CohortRules",
    "Component",
    "rank_cohort",
    "score_offences",
]
