"""The home page's figures: what the store holds, cohorts, areas, OCGs and reviews due."""

from iom.overview.figures import (
    COHORTS,
    COUNTING_RULES,
    FIGURE_HELP,
    FIGURE_LABELS,
    FIGURES,
    REVIEW_WINDOW_DAYS,
    Overview,
    StoreSummary,
    area_figures,
    overview_figures,
    store_summary,
)

__all__ = [
    "COHORTS",
    "COUNTING_RULES",
    "FIGURES",
    "FIGURE_HELP",
    "FIGURE_LABELS",
    "REVIEW_WINDOW_DAYS",
    "Overview",
    "StoreSummary",
    "area_figures",
    "overview_figures",
    "store_summary",
]
