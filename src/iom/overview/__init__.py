"""The home page's figures: what the store holds, cohorts, areas, OCGs and reviews due."""

from iom.overview.figures import (
    COHORTS,
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
    "FIGURES",
    "REVIEW_WINDOW_DAYS",
    "Overview",
    "StoreSummary",
    "area_figures",
    "overview_figures",
    "store_summary",
]
