"""A person's cohort standing for the profile: their cohort score explained, and the score of
each household they live in now, both from the cohort library (`iom.cohort`).

The profile shows what the cohort review page shows for one person: score, rank, band and
recommendation in the type where they score highest, with every part of the explanation
(`iom.cohort.explain`); and each current household's 0-100 score with its sentences
(`iom.cohort.households`). Reading it scores the force (the cohort ranking's audited read)
and audits the explanation as a consultation of the person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iom.cohort.explain import Explanation, explain_scores, require_person
from iom.cohort.priority import CohortScores, rank_people
from iom.cohort.snapshots import person_snapshots
from iom.security import audit
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Store

__all__ = ["CohortStanding", "cohort_standing"]


@dataclass(frozen=True)
class CohortStanding:
    """One person's cohort score (or why there is none) and their households' scores."""

    person_id: str
    as_of: date
    explanation: Explanation | None
    not_ranked: str | None
    households: list[dict[str, Any]] = field(default_factory=list)

    def headline(self) -> str:
        """One line: score, type, rank and recommendation, or why the person is not ranked."""
        if self.explanation is None:
            return self.not_ranked or "not ranked"
        return self.explanation.lines()[0]


def _households(scores: CohortScores, person_id: str) -> list[dict[str, Any]]:
    """Each household the person lives in on the scoring day, with its score and sentences."""
    frame = scores.households.frame
    ranked = len(frame)
    out = []
    for row in frame.itertuples():
        if person_id not in (row.resident_ids or []):
            continue
        out.append(
            {
                "household_id": row.household_id,
                "address": row.address,
                "score": float(row.score),
                "rank": int(row.rank),
                "ranked": ranked,
                "lines": scores.households.explain(row.household_id),
            }
        )
    return out


def cohort_standing(
    store: Store,
    actor: Actor,
    person_id: str,
    *,
    as_of: date | None = None,
    settings: Settings | None = None,
    scores: CohortScores | None = None,
) -> CohortStanding:
    """A held person's cohort score explained and their households' scores; audited.

    Raises RecordNotFound for an unknown person; someone with nothing in scope is returned
    with `not_ranked` saying why.
    """
    name = require_person(store, person_id)
    scores = scores or rank_people(store, actor, as_of=as_of, settings=settings)
    snapshots = person_snapshots(store, actor, person_id)
    explanation = explain_scores(scores, person_id, None, snapshots)
    audit.record(store, actor, "CONSULTATION", [person_id], "cohort standing on the profile")
    why = None
    if explanation is None:
        why = (
            f"{name} ({person_id}) is not ranked as of {scores.as_of}: no offences in scope in "
            f"the last {scores.config.window_days} days"
        )
    return CohortStanding(
        person_id=person_id,
        as_of=scores.as_of,
        explanation=explanation,
        not_ranked=why,
        households=_households(scores, person_id),
    )
