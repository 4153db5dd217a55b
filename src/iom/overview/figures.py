"""Key figures for the home page: cohort sizes, OCGs, open plans and reviews per policing area.

The rules, so a figure can be checked by hand:

- **cohort**: people with an IOM episode open on `as_of` (started by then, `end_on` empty or
  later), each counted once, under their lead IOM episode
  (`iom.cohort.arrangements.lead_episodes`: the cohort type first in cohort.yaml's
  `lead_precedence`, default Fixed > Flex > Free), at that episode's hub (`AT_HUB`); split
  by that cohort type FIXED / FLEX / FREE, so the split adds up to the cohort.
- **ocgs**: OCGs that operate in the area (`OPERATES_IN`) and are not ARCHIVED.
- **open_plans**: plans with status OPEN whose owning officer is based in the area
  (`(:Plan)-[:OWNED_BY]->(:Officer)-[:BASED_IN]->(:Area)`). One rule for offender plans and
  OCG 4P plans alike: a plan belongs where its owner works.
- **reviews_due**: open plans whose `next_review_due` falls in the next 14 days
  (`as_of` <= due <= `as_of` + 14); **reviews_overdue**: due before `as_of`.

Force totals count each person, OCG and plan once, including those with no hub, area or
owner base (so a total can exceed the sum of the areas).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from iom.cohort.arrangements import lead_episodes
from iom.cohort.config import cohort_config_for
from iom.dates import parse_date
from iom.model import MODEL, vocab_label
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Store

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

COHORTS = MODEL.vocabularies["IomCohort"].values
FIGURES = ("cohort", *COHORTS, "ocgs", "open_plans", "reviews_due", "reviews_overdue")
REVIEW_WINDOW_DAYS = 14
ARCHIVED = "ARCHIVED"


def _short(code: str) -> str:
    """A cohort's label without its gloss: "Fixed (neighbourhood crime)" -> "Fixed"."""
    return vocab_label("IomCohort", code).split(" (", 1)[0]


# What each figure is called on the page, and how it is counted (shown beside the figures).
FIGURE_LABELS: dict[str, str] = {
    "cohort": "IOM cohort",
    **{code: _short(code) for code in COHORTS},
    "ocgs": "OCGs",
    "open_plans": "Open plans",
    "reviews_due": "Reviews due",
    "reviews_overdue": "Reviews overdue",
}
FIGURE_HELP: dict[str, str] = {
    **{code: vocab_label("IomCohort", code) for code in COHORTS},
    "reviews_due": f"Open plans whose next review falls in the next {REVIEW_WINDOW_DAYS} days",
    "reviews_overdue": "Open plans whose next review date has passed",
}
COUNTING_RULES: tuple[str, ...] = (
    "**IOM cohort**: people with an IOM episode open on the day, each counted once: under "
    "their lead IOM cohort type (Fixed before Flex before Free, as cohort.yaml's lead "
    "precedence says) at that episode's hub.",
    "**OCGs**: groups operating in the area that are not archived.",
    "**Open plans**: open plans whose owning officer is based in the area.",
    f"**Reviews due / overdue**: open plans whose next review falls in the next "
    f"{REVIEW_WINDOW_DAYS} days / fell before the day.",
    "Force totals count each person, group and plan once, including those not tied to an area.",
)


@dataclass(frozen=True)
class StoreSummary:
    """What the store holds, in three numbers, and which store it is."""

    people: int
    fictional: int
    offences: int
    description: str

    @property
    def empty(self) -> bool:
        """True when no person and no offence has been loaded."""
        return self.people == 0 and self.offences == 0

    @property
    def seed_force(self) -> bool:
        """True when every person is marked fictional (the seed force)."""
        return self.people > 0 and self.fictional == self.people


@dataclass(frozen=True)
class Overview:
    """Per-area figures (one row per Area) and force totals, as of a date."""

    areas: pd.DataFrame
    totals: dict[str, int]
    as_of: date


def store_summary(store: Store) -> StoreSummary:
    """Counts of people, fictional people and offences (no personal data is read)."""
    rows = store.read("overview/counts")
    row = rows[0] if rows else {}
    return StoreSummary(
        people=int(row.get("people") or 0),
        fictional=int(row.get("fictional") or 0),
        offences=int(row.get("offences") or 0),
        description=store.description,
    )


def _review_state(due: Any, as_of: date) -> str | None:
    day = parse_date(due)
    if day is None:
        return None
    if day < as_of:
        return "reviews_overdue"
    if day <= as_of + timedelta(days=REVIEW_WINDOW_DAYS):
        return "reviews_due"
    return None


def _counts(frame: pd.DataFrame, key: str, by_area: bool) -> pd.Series | int:
    if not by_area:
        return int(frame[key].nunique())
    return frame.dropna(subset=["area_id"]).groupby("area_id")[key].nunique()


def _figures(
    episodes: pd.DataFrame, ocgs: pd.DataFrame, plans: pd.DataFrame, *, by_area: bool
) -> dict[str, Any]:
    out: dict[str, Any] = {"cohort": _counts(episodes, "person_id", by_area)}
    for cohort in COHORTS:
        out[cohort] = _counts(episodes[episodes["cohort"] == cohort], "person_id", by_area)
    out["ocgs"] = _counts(ocgs[ocgs["status"] != ARCHIVED], "ocg_id", by_area)
    out["open_plans"] = _counts(plans, "plan_id", by_area)
    for state in ("reviews_due", "reviews_overdue"):
        out[state] = _counts(plans[plans["review"] == state], "plan_id", by_area)
    return out


def overview_figures(
    store: Store, actor: Actor, as_of: date | None = None, *, settings: Settings | None = None
) -> Overview:
    """Figures per area and for the force on `as_of` (today by default).

    Only counts leave this function, so no individual's record is consulted and no audit
    event is written; `actor` is taken so access control can narrow the counts later.
    """
    as_of = as_of or date.today()
    areas = pd.DataFrame(store.read("overview/areas"), columns=["id", "name", "hub", "population"])
    episodes = pd.DataFrame(
        store.read("overview/episodes", {"as_of": as_of.isoformat()}),
        columns=["person_id", "episode_id", "cohort", "start_on", "end_on", "area_id"],
    )
    precedence = cohort_config_for(settings).lead_precedence
    episodes = lead_episodes(episodes, precedence, as_of)
    ocgs = pd.DataFrame(store.read("overview/ocgs"), columns=["ocg_id", "status", "area_id"])
    plans = pd.DataFrame(
        store.read("overview/open_plans"),
        columns=["plan_id", "plan_type", "next_review_due", "area_id"],
    )
    plans["review"] = [_review_state(d, as_of) for d in plans["next_review_due"]]
    per_area = _figures(episodes, ocgs, plans, by_area=True)
    frame = areas.rename(columns={"id": "area_id", "name": "area"})
    for name in FIGURES:
        frame[name] = frame["area_id"].map(per_area[name]).fillna(0).astype(int)
    totals = {
        name: int(value) for name, value in _figures(episodes, ocgs, plans, by_area=False).items()
    }
    return Overview(areas=frame.reset_index(drop=True), totals=totals, as_of=as_of)


def area_figures(
    store: Store, actor: Actor, as_of: date | None = None, *, settings: Settings | None = None
) -> pd.DataFrame:
    """One row per policing area: cohort size and split, OCGs, open plans, reviews due/overdue."""
    return overview_figures(store, actor, as_of, settings=settings).areas
