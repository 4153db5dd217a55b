"""What the cohort scores read from the store: one frame per kind of fact, read once, audited.

`CohortData` is plain pandas frames, so every score, rule and evaluation is a pure function
tested on hand-made frames; `read_cohort_data` fills it through named queries and records
one consultation audit event naming everyone whose offending was read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pandas as pd

from iom.network.projection import read_ties
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["COLUMNS", "CohortData", "read_cohort_data"]

COLUMNS: dict[str, list[str]] = {
    "offences": [
        "person_id",
        "offence_id",
        "offence_type",
        "committed_on",
        "outcome",
        "record_outcome",
        "detection",
        "domestic_abuse",
        "relationship",
        "victim_ids",
    ],
    "people": [
        "id",
        "first_name",
        "last_name",
        "date_of_birth",
        "pnc_id",
        "risk_of_serious_harm",
        "wanted",
        "failed_to_appear",
    ],
    "custody": ["person_id", "spell_id", "kind", "start_on", "release_due", "released_on"],
    "episodes": [
        "person_id",
        "episode_id",
        "cohort",
        "start_on",
        "end_on",
        "hub_id",
        "hub",
        "manager",
    ],
    "protection": [
        "person_id",
        "scheme",
        "case_id",
        "role",
        "category",
        "level",
        "start_on",
        "end_on",
    ],
    "ocgs": ["person_id", "ocg_id", "ocg", "role", "since", "until"],
    "residences": [
        "person_id",
        "household_id",
        "address",
        "postcode",
        "high_impact",
        "high_impact_reason",
        "from_on",
        "to_on",
    ],
    "pathways": ["person_id", "kind", "pathway", "status"],
    "ties": ["a", "b", "kind", "first_on"],
}


def _frame(rows: list[dict[str, Any]] | pd.DataFrame | None, kind: str) -> pd.DataFrame:
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows or [])
    frame = frame.reindex(columns=COLUMNS[kind])
    return frame.astype(object) if frame.empty else frame


@dataclass(frozen=True)
class CohortData:
    """Every fact the cohort capability scores from, as frames with fixed columns."""

    offences: pd.DataFrame = field(default_factory=lambda: _frame(None, "offences"))
    people: pd.DataFrame = field(default_factory=lambda: _frame(None, "people"))
    custody: pd.DataFrame = field(default_factory=lambda: _frame(None, "custody"))
    episodes: pd.DataFrame = field(default_factory=lambda: _frame(None, "episodes"))
    protection: pd.DataFrame = field(default_factory=lambda: _frame(None, "protection"))
    ocgs: pd.DataFrame = field(default_factory=lambda: _frame(None, "ocgs"))
    residences: pd.DataFrame = field(default_factory=lambda: _frame(None, "residences"))
    pathways: pd.DataFrame = field(default_factory=lambda: _frame(None, "pathways"))
    ties: pd.DataFrame = field(default_factory=lambda: _frame(None, "ties"))

    @classmethod
    def build(cls, **frames: Any) -> CohortData:
        """Data from rows or frames given by kind (missing kinds are empty)."""
        unknown = set(frames) - set(COLUMNS)
        if unknown:
            raise ValueError(f"unknown cohort data: {', '.join(sorted(unknown))}")
        return cls(**{kind: _frame(frames.get(kind), kind) for kind in COLUMNS})

    def until(self, day: date) -> CohortData:
        """Only what was known by `day`: offences, spells, cases and episodes begun by then.

        Later releases and episode ends are blanked, and ties first seen later (co-offending
        in a later offence) dropped, so a backtest cannot see the future.
        """
        iso = day.isoformat()
        offences = self.offences[self.offences["committed_on"].astype(str) <= iso]
        custody = self.custody[self.custody["start_on"].astype(str) <= iso].copy()
        custody["released_on"] = _blank_after(custody["released_on"], iso)
        episodes = self.episodes[self.episodes["start_on"].astype(str) <= iso].copy()
        episodes["end_on"] = _blank_after(episodes["end_on"], iso)
        protection = self.protection[self.protection["start_on"].astype(str) <= iso].copy()
        protection["end_on"] = _blank_after(protection["end_on"], iso)
        first = self.ties["first_on"].astype("string").fillna("")
        ties = self.ties[(first == "") | (first <= iso)]
        return replace(
            self,
            offences=offences,
            custody=custody,
            episodes=episodes,
            protection=protection,
            ties=ties,
        )

    def person_ids(self) -> list[str]:
        """Everyone with an offence in the data, sorted."""
        return sorted(self.offences["person_id"].dropna().unique().tolist())


def _blank_after(values: pd.Series, iso: str) -> pd.Series:
    later = values.notna() & (values.astype(str) > iso) & (values.astype(str) != "")
    return values.where(~later, None)


def _ties(store: Store, kinds: Sequence[str], since: date, until: date) -> list[dict[str, Any]]:
    """The chosen tie types from the network package's projection queries, one row a tie."""
    rows = read_ties(store, kinds, since=since, until=until) if kinds else []
    return [
        {"a": row["a"], "b": row["b"], "kind": kind, "first_on": row.get("first_on")}
        for kind, row in rows
    ]


def read_cohort_data(
    store: Store,
    actor: Actor,
    *,
    since: date,
    until: date,
    purpose_detail: str = "cohort scores",
    ties: Sequence[str] = ("co-offending", "association", "family", "household"),
) -> CohortData:
    """Read everything the cohort scores need (offences from `since` to `until`); audited.

    `ties` are the network package's tie types read for the network component, in the same
    window (household: people who lived together at some time in it; the score keeps only
    those living together on the day scored).
    """
    window = {"since": since.isoformat(), "until": until.isoformat()}
    offences = pd.DataFrame(store.read("cohort/offending", window))
    victims: dict[str, list[str]] = {}
    for row in store.read("cohort/victims", window):
        victims.setdefault(row["offence_id"], []).append(row["victim_id"])
    if not offences.empty:
        offences["victim_ids"] = [victims.get(o, []) for o in offences["offence_id"]]
    data = CohortData.build(
        offences=offences,
        people=store.read("cohort/persons"),
        custody=store.read("cohort/custody_spells"),
        episodes=store.read("cohort/iom_episodes"),
        protection=store.read("cohort/public_protection"),
        ocgs=store.read("cohort/ocg_roles"),
        residences=store.read("cohort/residences"),
        pathways=store.read("cohort/pathway_progress"),
        ties=_ties(store, ties, since, until),
    )
    subjects = data.person_ids()
    if subjects:
        detail = f"{purpose_detail}: offending from {since} to {until}"
        audit.record(store, actor, "CONSULTATION", subjects, detail)
    return data
