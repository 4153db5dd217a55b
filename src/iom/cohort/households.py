"""High-impact households: offenders living there, their harm, domestic abuse, children.

A household's score (0-100) shares 100 points between four parts in proportion to the
weights in cohort.yaml `households.weights`, each part scaled by a population cap (see
`iom.cohort.scale`): current residents with counted offending in the window, their harm
(CCHI days x outcome x recency, summed), domestic-abuse incidents in the window involving a
resident as suspect or victim, and children (under 18) living there. Each household comes
with sentences saying why it scores what it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from iom.cohort.config import CohortConfig
from iom.cohort.data import CohortData
from iom.cohort.features import age_on, current_rows
from iom.cohort.scale import population_cap, scaled

__all__ = ["PARTS", "HouseholdScores", "score_households"]

PARTS = {
    "offenders": "residents with counted offending",
    "harm": "residents' harm (CCHI days, outcome- and recency-weighted)",
    "da_incidents": "domestic-abuse incidents involving a resident",
    "children": "children under 18 living there",
}


@dataclass(frozen=True)
class HouseholdScores:
    """One row per household with residents now, scored and ranked; caps used per part."""

    frame: pd.DataFrame
    caps: dict[str, float]
    max_points: dict[str, float]
    as_of: date

    def top(self, n: int) -> pd.DataFrame:
        """The `n` highest-scoring households."""
        return self.frame.head(n)

    def explain(self, household_id: str) -> list[str]:
        """Sentences saying what made a household's score."""
        row = self.frame.set_index("household_id").loc[household_id]
        lines = [f"Household {household_id} ({row['address']}): score {row['score']:.1f} of 100."]
        for part, words in PARTS.items():
            if part not in self.max_points:
                continue
            raw, cap = float(row[part]), self.caps[part]
            points = float(row[f"{part}_points"])
            lines.append(
                f"- {words}: {raw:g}; cap {cap:g}, so {min(raw / cap, 1.0) if cap else 0:.2f} of "
                f"{self.max_points[part]:.1f} points = {points:.1f}."
            )
        if row["recorded_high_impact"]:
            lines.append(
                f"- Recorded as high-impact: {row['high_impact_reason'] or 'no reason given'}."
            )
        return lines

    def records(self, n: int | None = None) -> list[dict[str, Any]]:
        """Rows as plain dicts (the top `n`, or all)."""
        frame = self.frame if n is None else self.frame.head(n)
        return frame.astype(object).where(frame.notna(), None).to_dict("records")


def score_households(
    data: CohortData,
    offences: pd.DataFrame,
    person_harm: pd.Series,
    config: CohortConfig,
    as_of: date,
) -> HouseholdScores:
    """Score every household with someone living there on `as_of`.

    `offences` is the offence table (`features.offence_table`, all scopes); `person_harm`
    each person's harm over all offences (index: person id).
    """
    residents = current_rows(data.residences, "from_on", "to_on", as_of)
    residents = residents.drop_duplicates(["household_id", "person_id"])
    counted = offences[offences["outcome_weight"] > 0]
    offenders = set(counted["person_id"])
    ages = age_on(data.people.set_index("id")["date_of_birth"], as_of)
    recorded = residents["high_impact"].map(lambda x: x is True or str(x).lower() == "true")
    frame = residents.assign(
        recorded=recorded.astype(bool),
        offender=residents["person_id"].isin(offenders),
        harm=residents["person_id"].map(person_harm).fillna(0.0),
        child=residents["person_id"].map(ages) < config.flags["adult_age"],
    )
    da = offences[offences["domestic_abuse"]]
    involved = pd.concat(
        [
            da[["offence_id", "person_id"]],
            da[["offence_id", "victim_ids"]]
            .explode("victim_ids")
            .rename(columns={"victim_ids": "person_id"}),
        ]
    ).dropna()
    da_home = involved.merge(residents[["person_id", "household_id"]], on="person_id")
    da_count = (
        da_home.drop_duplicates(["household_id", "offence_id"]).groupby("household_id").size()
    )
    grouped = frame.groupby("household_id")
    out = grouped.agg(
        address=("address", "first"),
        postcode=("postcode", "first"),
        recorded_high_impact=("recorded", "any"),
        high_impact_reason=("high_impact_reason", "first"),
        residents=("person_id", "nunique"),
        offenders=("offender", "sum"),
        harm=("harm", "sum"),
        children=("child", "sum"),
    )
    out["da_incidents"] = da_count.reindex(out.index).fillna(0).astype(int)
    out = out[(out["offenders"] > 0) | (out["da_incidents"] > 0)]
    listed = frame[frame["household_id"].isin(out.index)].sort_values("person_id")
    out["resident_ids"] = listed.groupby("household_id")["person_id"].agg(list)
    weights = config.household_weights
    total = sum(weights.values())
    max_points = {p: 100.0 * w / total for p, w in weights.items() if w > 0}
    caps: dict[str, float] = {}
    out["score"] = 0.0
    for part in PARTS:
        values = out[part].astype(float)
        caps[part] = population_cap(values, config.cap_quantile, config.max_share_at_cap)
        points = scaled(values, caps[part]) * max_points.get(part, 0.0)
        out[f"{part}_points"] = points
        out["score"] += points
    out = out.reset_index().sort_values(
        ["score", "harm", "household_id"], ascending=[False, False, True], kind="mergesort"
    )
    out.insert(0, "rank", range(1, len(out) + 1))
    return HouseholdScores(out.reset_index(drop=True), caps, max_points, as_of)
