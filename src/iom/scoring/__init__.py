"""Explainable scores: every score is a sum of named components with the rule that made it."""

from iom.scoring.cohort import CohortRanking, rank_cohort, score_offences
from iom.scoring.components import COMPONENTS, Component
from iom.scoring.rules import CohortRules

__all__ = [
    "COMPONENTS",
    "CohortRanking",
    "CohortRules",
    "Component",
    "rank_cohort",
    "score_offences",
]
