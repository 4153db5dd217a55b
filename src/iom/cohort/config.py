"""The cohort configuration (cohort.yaml): versioned weights and rules, checked on load.

Every mistake is one `ConfigError` naming the key and what is allowed, e.g.
``cohort.yaml `cohort_types.FIXED.weights.speed`: unknown component; allowed: harm, ...``.

>>> config = load_cohort_config()
>>> config.version, config.thresholds["select"]
('2026.11-2', 50.0)
>>> sorted(config.cohort_types)
['FIXED', 'FLEX', 'FREE']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from iom.errors import ConfigError
from iom.model import MODEL
from iom.reference import read_table
from iom.settings import Settings

__all__ = [
    "COMPONENT_NAMES",
    "FILE",
    "LEAD_ARRANGEMENTS",
    "OUTCOME_KEYS",
    "SCOPES",
    "CohortConfig",
    "CohortType",
    "cohort_config_for",
    "load_cohort_config",
    "parse_cohort_config",
]

FILE = "cohort.yaml"
COMPONENT_NAMES = (
    "harm",
    "frequency",
    "da_victims",
    "trend",
    "network",
    "ocg_role",
    "household",
    "risk_markers",
)
SCOPES = ("neighbourhood_crime", "violence_or_domestic_abuse", "local_priorities", "all")
EXTRA_OUTCOMES = ("COMMUNITY_RESOLUTION", "SUSPECT_ONLY", "UNKNOWN")
OUTCOME_KEYS = tuple(dict.fromkeys([*MODEL.vocabularies["OffenceOutcome"].values, *EXTRA_OUTCOMES]))
LEAD_ARRANGEMENTS = MODEL.vocabularies["LeadArrangement"].values
COHORT_TYPES = MODEL.vocabularies["IomCohort"].values
RISK_MARKERS = ("weapons", "domestic_abuse", "mappa", "high_rosh", "wanted")
OCG_ROLES = MODEL.vocabularies["OcgRole"].values
NETWORK_METHODS = ("pagerank", "betweenness")
# The network package's tie types the network component may use (`iom.network.projection`);
# OCG co-membership is left out because OCG role is a component of its own.
PROJECTIONS = ("co-offending", "association", "family", "household")
HOUSEHOLD_PARTS = ("offenders", "harm", "da_incidents", "children")


@dataclass(frozen=True)
class CohortType:
    """One cohort type (FIXED, FLEX, FREE): which offences it scores and the weights."""

    code: str
    scope: str
    weights: dict[str, float]

    def max_points(self) -> dict[str, float]:
        """Points each weighted component can earn: 100 shared in proportion to the weights."""
        total = sum(self.weights.values())
        return {n: 100.0 * w / total for n, w in self.weights.items() if w > 0}


@dataclass(frozen=True)
class CohortConfig:
    """Everything the cohort capability is configured by, as checked values."""

    version: str
    window_days: int
    half_life_days: float
    frequency_window_days: int
    min_liberty_days: int
    exclude_proactive: bool
    outcome_weights: dict[str, float]
    cap_quantile: float
    max_share_at_cap: float
    offence_groups: dict[str, tuple[str, ...]]
    cohort_types: dict[str, CohortType]
    risk_markers: dict[str, float]
    ocg_roles: dict[str, float]
    network_method: str
    projections: tuple[str, ...]
    betweenness_sample: int
    network_seed: int
    bands: tuple[tuple[str, float], ...]
    thresholds: dict[str, float]
    eligibility: dict[str, float]
    flags: dict[str, int]
    lead_precedence: tuple[str, ...]
    serial: dict[str, Any]
    household_weights: dict[str, float]
    household_top: int
    evaluation: dict[str, int]
    backtest: dict[str, int]
    source: str = "(default) cohort.yaml"

    @property
    def lookback_days(self) -> int:
        """How far back the score reads: the longer of its window and the serial window."""
        return max(self.window_days, self.serial["window_days"])

    def band(self, score: float) -> str:
        """The band a 0-100 score falls in (bands are lower bounds, highest first)."""
        for code, lower in self.bands:
            if score >= lower:
                return code
        return self.bands[-1][0]


class _Reader:
    """Reads keys out of the parsed YAML, raising one clear error per mistake."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.source} `{key}`: {problem}")

    def section(self, data: Mapping[str, Any], key: str, path: str = "") -> Mapping[str, Any]:
        full = f"{path}{key}"
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(full, "missing or not a mapping of keys to values")
        return value

    def number(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str = "",
        *,
        low: float = 0.0,
        high: float | None = None,
        integer: bool = False,
        above: bool = False,
    ) -> Any:
        full = f"{path}{key}"
        value = data.get(key)
        ok = False
        if isinstance(value, int | float) and not isinstance(value, bool):
            ok = not (integer and not isinstance(value, int))
            if value < low or (above and value <= low) or (high is not None and value > high):
                ok = False
        if not ok or not isinstance(value, int | float):
            kind = "a whole number" if integer else "a number"
            bound = f"above {low:g}" if above else f">= {low:g}"
            if high is not None:
                bound += f" and <= {high:g}"
            raise self.fail(full, f"{kind} {bound}, not {value!r}")
        return value if integer else float(value)

    def weights(
        self, data: Mapping[str, Any], key: str, allowed: tuple[str, ...], path: str = ""
    ) -> dict[str, float]:
        section = self.section(data, key, path)
        out: dict[str, float] = {}
        for name in section:
            if str(name) not in allowed:
                raise self.fail(
                    f"{path}{key}.{name}",
                    f"unknown name; allowed: {', '.join(allowed)}",
                )
            out[str(name)] = self.number(section, name, f"{path}{key}.")
        if not out or sum(out.values()) <= 0:
            raise self.fail(f"{path}{key}", "at least one weight must be above 0")
        return out

    def choice(
        self, data: Mapping[str, Any], key: str, allowed: tuple[str, ...], path: str = ""
    ) -> str:
        value = data.get(key)
        if value not in allowed:
            raise self.fail(
                f"{path}{key}", f"{value!r} is not allowed; allowed: {', '.join(allowed)}"
            )
        return str(value)

    def codes(
        self, data: Mapping[str, Any], key: str, allowed: tuple[str, ...] | None, path: str = ""
    ) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(f"{path}{key}", "a non-empty list")
        for item in value:
            if allowed is not None and item not in allowed:
                raise self.fail(
                    f"{path}{key}", f"{item!r} is not allowed; allowed: {', '.join(allowed)}"
                )
        return tuple(str(v) for v in value)


def parse_cohort_config(
    data: Any, source: str = "cohort.yaml", offence_types: tuple[str, ...] | None = None
) -> CohortConfig:
    """A checked configuration from parsed YAML; the first mistake raises a ConfigError."""
    r = _Reader(source)
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: not a mapping of settings")
    version = data.get("version")
    if not isinstance(version, str | int | float) or not str(version).strip():
        raise r.fail("version", "a version string is required (it is kept with every snapshot)")
    exclude = data.get("exclude_proactive", True)
    if not isinstance(exclude, bool):
        raise r.fail("exclude_proactive", f"true or false, not {exclude!r}")
    outcomes = r.weights(data, "outcome_weights", OUTCOME_KEYS)
    for key, weight in outcomes.items():
        if weight > 1:
            raise r.fail(f"outcome_weights.{key}", f"a number from 0 to 1, not {weight:g}")
    missing = [k for k in OUTCOME_KEYS if k not in outcomes]
    if missing:
        raise r.fail("outcome_weights", f"missing {', '.join(missing)}; give each a weight 0-1")
    norm = r.section(data, "normalisation")
    groups_raw = r.section(data, "offence_groups")
    groups = {
        str(name): r.codes(groups_raw, name, offence_types, "offence_groups.")
        for name in groups_raw
    }
    for needed in ("violence", "weapons", "local_priorities"):
        if needed not in groups:
            raise r.fail(f"offence_groups.{needed}", "missing; list the offence types")
    types_raw = r.section(data, "cohort_types")
    types: dict[str, CohortType] = {}
    for code in types_raw:
        if code not in COHORT_TYPES:
            raise r.fail(
                f"cohort_types.{code}", f"unknown cohort type; allowed: {', '.join(COHORT_TYPES)}"
            )
        spec = r.section(types_raw, code, "cohort_types.")
        path = f"cohort_types.{code}."
        types[str(code)] = CohortType(
            code=str(code),
            scope=r.choice(spec, "scope", SCOPES, path),
            weights=r.weights(spec, "weights", COMPONENT_NAMES, path),
        )
    if not types:
        raise r.fail("cohort_types", f"name at least one of {', '.join(COHORT_TYPES)}")
    network = r.section(data, "network")
    bands_raw = r.section(data, "bands")
    bands = sorted(
        ((str(k), r.number(bands_raw, k, "bands.", high=100)) for k in bands_raw),
        key=lambda b: -b[1],
    )
    if not bands or bands[-1][1] != 0:
        raise r.fail("bands", "the lowest band must start at 0")
    thresholds_raw = r.section(data, "thresholds")
    thresholds = {
        k: r.number(thresholds_raw, k, "thresholds.", high=100) for k in ("select", "review")
    }
    if thresholds["review"] > thresholds["select"]:
        raise r.fail("thresholds.review", "must not be above thresholds.select")
    elig = r.section(data, "eligibility")
    flags = r.section(data, "flags")
    serial = r.section(data, "serial_perpetrators")
    households = r.section(data, "households")
    evaluation = r.section(data, "evaluation")
    backtest = r.section(data, "backtest")
    precedence = r.codes(data, "lead_precedence", LEAD_ARRANGEMENTS)
    if len(set(precedence)) != len(precedence):
        raise r.fail("lead_precedence", "lists an arrangement twice")
    return CohortConfig(
        version=str(version).strip(),
        window_days=r.number(data, "window_days", integer=True, above=True),
        half_life_days=r.number(data, "half_life_days", above=True),
        frequency_window_days=r.number(data, "frequency_window_days", integer=True, above=True),
        min_liberty_days=r.number(data, "min_liberty_days", integer=True, above=True),
        exclude_proactive=exclude,
        outcome_weights=outcomes,
        cap_quantile=r.number(norm, "cap_quantile", "normalisation.", above=True, high=1),
        max_share_at_cap=r.number(norm, "max_share_at_cap", "normalisation.", above=True, high=1),
        offence_groups=groups,
        cohort_types=types,
        risk_markers=r.weights(data, "risk_markers", RISK_MARKERS),
        ocg_roles={k: min(v, 1.0) for k, v in r.weights(data, "ocg_roles", OCG_ROLES).items()},
        network_method=r.choice(network, "method", NETWORK_METHODS, "network."),
        projections=r.codes(network, "projections", PROJECTIONS, "network."),
        betweenness_sample=r.number(
            network, "betweenness_sample", "network.", integer=True, above=True
        ),
        network_seed=r.number(network, "seed", "network.", integer=True),
        bands=tuple(bands),
        thresholds=thresholds,
        eligibility={
            "min_counted_offences": r.number(elig, "min_counted_offences", "eligibility."),
            "min_age": r.number(elig, "min_age", "eligibility.", integer=True),
        },
        flags={
            k: r.number(flags, k, "flags.", integer=True)
            for k in ("adult_age", "due_out_days", "marac_active_days")
        },
        lead_precedence=precedence,
        serial={
            "min_victims": r.number(
                serial, "min_victims", "serial_perpetrators.", integer=True, above=True
            ),
            "min_incidents": r.number(
                serial, "min_incidents", "serial_perpetrators.", integer=True, above=True
            ),
            "window_days": r.number(
                serial, "window_days", "serial_perpetrators.", integer=True, above=True
            ),
            "min_age": r.number(serial, "min_age", "serial_perpetrators.", integer=True),
            "scope": r.choice(serial, "scope", SCOPES, "serial_perpetrators."),
        },
        household_weights=r.weights(households, "weights", HOUSEHOLD_PARTS, "households."),
        household_top=r.number(households, "top", "households.", integer=True, above=True),
        evaluation={
            k: r.number(evaluation, k, "evaluation.", integer=True, above=True)
            for k in ("before_days", "after_days", "min_after_liberty_days")
        },
        backtest={
            k: r.number(backtest, k, "backtest.", integer=True, above=True)
            for k in ("horizon_days", "cohort_size")
        },
        source=source,
    )


@lru_cache(maxsize=8)
def _load(folder: str | None) -> CohortConfig:
    from iom.reference import load_reference

    text, where = read_table(Path(folder) if folder else None, FILE)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"{where}: not valid YAML ({e})") from None
    offence_types = tuple(load_reference(Path(folder) if folder else None).harm_weights)
    return parse_cohort_config(data, where, offence_types)


def load_cohort_config(folder: Path | None = None) -> CohortConfig:
    """The cohort configuration from `folder` if it has cohort.yaml, else the default."""
    return _load(str(folder) if folder else None)


def cohort_config_for(settings: Settings | None = None) -> CohortConfig:
    """The force's cohort configuration: IOM_CONFIG_DIR, else `<data dir>/config`, else default."""
    return load_cohort_config((settings or Settings.from_env()).reference_dir)
