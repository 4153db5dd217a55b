"""The cohort ranking's rules, read from the `cohort` section of scoring.yaml and checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from iom.errors import ConfigError

__all__ = ["TOTAL_POINTS", "CohortRules"]

TOTAL_POINTS = 100.0

_WHERE = "scoring.yaml `cohort`"
_DAYS = ("window_days", "recency_horizon_days", "frequency_window_days")


@dataclass(frozen=True)
class CohortRules:
    """Windows, caps and weights of the cohort ranking, as a force configured them."""

    window_days: int
    recency_horizon_days: int
    frequency_window_days: int
    frequency_cap: int
    harm_cap_days: float
    exclude_proactive: bool
    weights: Mapping[str, float]

    @classmethod
    def from_config(cls, scoring: Mapping[str, Any]) -> CohortRules:
        """Rules from the parsed scoring.yaml; a missing or impossible value is a ConfigError."""
        section = scoring.get("cohort") if isinstance(scoring, Mapping) else None
        if not isinstance(section, Mapping):
            raise ConfigError(f"{_WHERE}: the section is missing (see `iom config init`)")
        values: dict[str, Any] = {}
        for key in (*_DAYS, "frequency_cap"):
            values[key] = _positive(section, key, integer=True)
        values["harm_cap_days"] = _positive(section, "harm_cap_days", integer=False)
        exclude = section.get("exclude_proactive", True)
        if not isinstance(exclude, bool):
            raise ConfigError(f"{_WHERE}.exclude_proactive: use true or false, not {exclude!r}")
        weights = section.get("weights")
        if not isinstance(weights, Mapping) or not weights:
            raise ConfigError(f"{_WHERE}.weights: name each component's weight")
        checked: dict[str, float] = {}
        for name, weight in weights.items():
            if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
                raise ConfigError(f"{_WHERE}.weights.{name}: a number >= 0, not {weight!r}")
            checked[str(name)] = float(weight)
        if sum(checked.values()) <= 0:
            raise ConfigError(f"{_WHERE}.weights: at least one weight must be above 0")
        return cls(exclude_proactive=exclude, weights=checked, **values)

    def max_points(self) -> dict[str, float]:
        """Points each component can earn: 100 shared in proportion to the weights."""
        total = sum(self.weights.values())
        return {name: TOTAL_POINTS * w / total for name, w in self.weights.items()}


def _positive(section: Mapping[str, Any], key: str, *, integer: bool) -> Any:
    value = section.get(key)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (integer and not isinstance(value, int))
        or value <= 0
    ):
        kind = "a whole number" if integer else "a number"
        raise ConfigError(f"{_WHERE}.{key}: {kind} above 0, not {value!r}")
    return value
