"""The cohort ranking's components: each turns a person's offences into a 0-1 fraction.

A component is a name (its weight's key in scoring.yaml), the column holding the raw figure
the points come from, a function computing that figure and its fraction per person, and a
sentence saying how. A fuller scoring adds components to `COMPONENTS`; nothing else changes.

>>> import pandas as pd
>>> recency_fraction(pd.Series([0, 73, 365, 400]), 365).round(2).tolist()
[1.0, 0.8, 0.0, 0.0]
>>> frequency_fraction(pd.Series([0, 3, 12, 20]), 12).tolist()
[0.0, 0.25, 1.0, 1.0]
>>> harm_fraction(pd.Series([0.0, 1825.0, 9999.0]), 1825).tolist()
[0.0, 1.0, 1.0]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from iom.cohort.rules import CohortRules
from iom.errors import ConfigError

__all__ = [
    "COMPONENTS",
    "CohortInputs",
    "Component",
    "components_for",
    "frequency_fraction",
    "harm_fraction",
    "recency_fraction",
]


@dataclass(frozen=True)
class CohortInputs:
    """What components score from: the window's offences (one row per person and offence)."""

    offences: pd.DataFrame
    people: pd.Index
    as_of: date


Computed = tuple[pd.Series, pd.Series]  # (raw figure, fraction 0-1), both indexed by person


@dataclass(frozen=True)
class Component:
    """One named part of the score, with the rule that explains it."""

    name: str
    measure: str
    compute: Callable[[CohortInputs, CohortRules], Computed]
    describe: Callable[[CohortRules], str]


def num(value: float) -> str:
    """A number as a person reads it: 30, 273.5, 33.3."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def recency_fraction(days_since: pd.Series, horizon_days: int) -> pd.Series:
    """1 for an offence today, falling linearly to 0 at `horizon_days` old (and beyond)."""
    return (1.0 - days_since.astype(float) / float(horizon_days)).clip(lower=0.0, upper=1.0)


def frequency_fraction(count: pd.Series, cap: int) -> pd.Series:
    """Offences counted up to `cap`, as a share of `cap`."""
    return count.astype(float).clip(lower=0.0, upper=float(cap)) / float(cap)


def harm_fraction(cchi_days: pd.Series, cap_days: float) -> pd.Series:
    """ln(1 + days) / ln(1 + cap), at most 1: harm counts on a log scale up to the cap."""
    scaled = np.log1p(cchi_days.astype(float).clip(lower=0.0)) / np.log1p(float(cap_days))
    return scaled.clip(upper=1.0)


def _per_person(inputs: CohortInputs, values: pd.Series, fill: float) -> pd.Series:
    return values.reindex(inputs.people).fillna(fill)


def _recency(inputs: CohortInputs, rules: CohortRules) -> Computed:
    days = inputs.offences.groupby("person_id")["age_days"].min()
    days = _per_person(inputs, days, float(rules.window_days)).astype(int)
    return days, recency_fraction(days, rules.recency_horizon_days)


def _frequency(inputs: CohortInputs, rules: CohortRules) -> Computed:
    recent = inputs.offences[inputs.offences["age_days"] <= rules.frequency_window_days]
    count = _per_person(inputs, recent.groupby("person_id").size(), 0).astype(int)
    return count, frequency_fraction(count, rules.frequency_cap)


def _harm(inputs: CohortInputs, rules: CohortRules) -> Computed:
    counted = inputs.offences[inputs.offences["harm_counted"]]
    days = _per_person(inputs, counted.groupby("person_id")["cchi_days"].sum(), 0.0)
    return days, harm_fraction(days, rules.harm_cap_days)


def _describe_recency(rules: CohortRules) -> str:
    h = rules.recency_horizon_days
    return f"(1 - days since the last offence / {h}); 0 when the last offence is {h}+ days old"


def _describe_frequency(rules: CohortRules) -> str:
    cap, window = rules.frequency_cap, rules.frequency_window_days
    return f"min(offences in the last {window} days, {cap}) / {cap}"


def _describe_harm(rules: CohortRules) -> str:
    cap = num(rules.harm_cap_days)
    which = "proactively detected offences excluded" if rules.exclude_proactive else "all offences"
    return (
        f"min(1, ln(1 + CCHI days) / ln(1 + {cap})), CCHI days summed over the window's "
        f"offences ({which}; types missing from harm_weights.csv count 0)"
    )


COMPONENTS: dict[str, Component] = {
    c.name: c
    for c in (
        Component("recency", "days_since_last", _recency, _describe_recency),
        Component("frequency", "recent_offences", _frequency, _describe_frequency),
        Component("harm", "harm_cchi_days", _harm, _describe_harm),
    )
}


def components_for(rules: CohortRules) -> list[Component]:
    """The components the rules weigh, in the order the weights list them."""
    unknown = [name for name in rules.weights if name not in COMPONENTS]
    if unknown:
        raise ConfigError(
            f"scoring.yaml `cohort.weights`: no component called {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(COMPONENTS)}"
        )
    return [COMPONENTS[name] for name in rules.weights]
