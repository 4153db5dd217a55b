"""Raw measures per person: weighted offences, time at liberty, victims, trend, markers.

Each offence counts gravity (CCHI days) x outcome weight x recency decay
(0.5 ** (age / half-life)); frequency is outcome-weighted offences per 365 days at liberty
(custody excluded from the time at risk). Pure pandas on `CohortData`, so every figure is
tested on hand-made frames.

>>> decay(pd.Series([0, 365, 730]), 365).tolist()
[1.0, 0.5, 0.25]
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from iom.cohort.config import CohortConfig
from iom.cohort.data import CohortData
from iom.reference import HarmWeight

__all__ = [
    "age_on",
    "current_rows",
    "decay",
    "liberty_days",
    "liberty_in_windows",
    "offence_table",
    "person_features",
    "person_outcome",
    "scope_types",
]

DAY = np.timedelta64(1, "D")


def decay(age_days: pd.Series, half_life_days: float) -> pd.Series:
    """An offence's recency weight: 1 today, halving every `half_life_days`."""
    return np.power(0.5, age_days.astype(float) / float(half_life_days))


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(
        values.astype("string").str.slice(0, 10), errors="coerce", format="%Y-%m-%d"
    )


def age_on(dates_of_birth: pd.Series, day: date) -> pd.Series:
    """Whole years of age on `day` (NaN where the date of birth is unknown)."""
    born = _dates(dates_of_birth)
    years = day.year - born.dt.year
    before_birthday = (born.dt.month > day.month) | (
        (born.dt.month == day.month) & (born.dt.day > day.day)
    )
    return years - before_birthday.astype(float)


def current_rows(frame: pd.DataFrame, start: str, end: str, day: date) -> pd.DataFrame:
    """Rows open on `day`: started on or before it (or no start) and not ended by it."""
    iso = day.isoformat()
    starts = frame[start].astype("string").fillna("")
    ends = frame[end].astype("string").fillna("")
    return frame[(starts <= iso) & ((ends == "") | (ends > iso))]


def scope_types(config: CohortConfig, harm: dict[str, HarmWeight]) -> dict[str, set[str] | None]:
    """Offence types in each scope (None: every type; violence scope also takes any DA offence)."""
    return {
        "neighbourhood_crime": {t for t, w in harm.items() if w.neighbourhood_crime},
        "violence_or_domestic_abuse": set(config.offence_groups["violence"]),
        "local_priorities": set(config.offence_groups["local_priorities"]),
        "all": None,
    }


def offence_table(
    data: CohortData,
    config: CohortConfig,
    harm: dict[str, HarmWeight],
    as_of: date,
    window_days: int | None = None,
) -> pd.DataFrame:
    """One row per person and offence in the window (default: the scoring window), weighted.

    Columns: person_id, offence_id, offence_type, committed_on, age_days, outcome (the
    person's), outcome_weight, gravity (CCHI days, 0 when proactive and excluded), css,
    decay, points (gravity x outcome weight x decay), domestic_abuse, victim_ids, and one
    boolean column per scope saying whether the offence is in it.
    """
    raw = data.offences
    if raw.empty:
        frame = raw.assign(convicted=pd.Series(dtype=bool))
    else:
        frame = raw.assign(convicted=raw["relationship"] == "CONVICTED_OF")
    frame = frame.groupby(["person_id", "offence_id"], as_index=False, sort=True).agg(
        offence_type=("offence_type", "first"),
        committed_on=("committed_on", "first"),
        own_outcome=("outcome", "first"),
        recorded_outcome=("record_outcome", "first"),
        detection=("detection", "first"),
        domestic_abuse=("domestic_abuse", "first"),
        victim_ids=("victim_ids", "first"),
        convicted=("convicted", "any"),
    )
    committed = _dates(frame["committed_on"])
    frame["age_days"] = ((pd.Timestamp(as_of) - committed) / DAY).astype(float)
    frame = frame[frame["age_days"].between(0, window_days or config.window_days)].copy()
    weights = config.outcome_weights
    frame["outcome"] = person_outcome(
        frame["own_outcome"], frame["recorded_outcome"], frame["convicted"], weights
    )
    frame["outcome_weight"] = frame["outcome"].map(weights).astype(float)
    cchi = frame["offence_type"].map({t: w.cchi_days for t, w in harm.items()})
    frame["harm_known"] = cchi.notna()
    frame["gravity"] = cchi.fillna(0.0).astype(float)
    frame["css"] = frame["offence_type"].map({t: w.css_weight for t, w in harm.items()})
    frame["css"] = frame["css"].fillna(0.0).astype(float)
    frame["proactive"] = frame["detection"].astype("string").fillna("") == "PROACTIVE"
    if config.exclude_proactive:
        frame.loc[frame["proactive"], "gravity"] = 0.0
        frame.loc[frame["proactive"], "css"] = 0.0
    frame["decay"] = decay(frame["age_days"], config.half_life_days)
    frame["points"] = frame["gravity"] * frame["outcome_weight"] * frame["decay"]
    frame["domestic_abuse"] = frame["domestic_abuse"].map(_truthy).astype(bool)
    frame["victim_ids"] = frame["victim_ids"].map(_ids)
    for scope, types in scope_types(config, harm).items():
        if types is None:
            frame[scope] = True
        else:
            frame[scope] = frame["offence_type"].isin(types)
    frame["violence_or_domestic_abuse"] |= frame["domestic_abuse"]
    frame["age_days"] = frame["age_days"].astype(int)
    return frame.drop(columns=["own_outcome", "recorded_outcome", "convicted"]).reset_index(
        drop=True
    )


def person_outcome(
    own: pd.Series, recorded: pd.Series, convicted: pd.Series, weights: dict[str, float]
) -> pd.Series:
    """A person's outcome for an offence, the key of its weight in `outcome_weights`.

    CONVICTED when they were convicted of it (a CONVICTED_OF link); else their own outcome
    (SUSPECT_IN.outcome); else the crime record's outcome, where a record CONVICTED (someone
    else was) counts as SUSPECT_ONLY; UNKNOWN when none is recorded or the code is unknown.
    """
    own = own.astype("string").fillna("")
    record = recorded.astype("string").fillna("")
    record = record.where(record != "CONVICTED", "SUSPECT_ONLY")
    chosen = own.where(own != "", record)
    chosen = chosen.where(chosen.isin(list(weights)), "UNKNOWN")
    return chosen.where(~convicted.astype(bool), "CONVICTED").astype(object)


def _truthy(value: object) -> bool:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    return isinstance(value, str) and value.strip().lower() == "true"


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple | np.ndarray):
        return tuple(sorted({str(v) for v in value if v is not None and str(v)}))
    if isinstance(value, str) and value:
        return tuple(sorted(set(value.split(";"))))
    return ()


def liberty_days(custody: pd.DataFrame, people: pd.Index, start: date, end: date) -> pd.Series:
    """Days each person was at liberty from `start` (exclusive) to `end` (inclusive).

    Custody runs from a spell's start to its release (or to `end` while still in custody);
    overlapping spells are merged so no day is subtracted twice.
    """
    total = float((end - start).days)
    out = pd.Series(total, index=people, dtype=float)
    if custody.empty or not len(people):
        return out
    spells = custody[custody["person_id"].isin(people)]
    begin = _dates(spells["start_on"]).clip(lower=pd.Timestamp(start))
    finish = _dates(spells["released_on"]).fillna(pd.Timestamp(end)).clip(upper=pd.Timestamp(end))
    frame = pd.DataFrame({"person_id": spells["person_id"], "begin": begin, "finish": finish})
    frame = frame.dropna()
    frame = frame[frame["finish"] > frame["begin"]].sort_values(["person_id", "begin"])
    if frame.empty:
        return out
    # merge overlaps: a new block starts where a spell begins after all earlier ones finished
    frame["reach"] = frame.groupby("person_id")["finish"].cummax()
    previous = frame.groupby("person_id")["reach"].shift()
    frame["block"] = (previous.isna() | (frame["begin"] > previous)).cumsum()
    blocks = frame.groupby(["person_id", "block"]).agg(
        begin=("begin", "min"), finish=("reach", "max")
    )
    inside = ((blocks["finish"] - blocks["begin"]) / DAY).groupby(level="person_id").sum()
    return (out - inside.reindex(people).fillna(0.0)).clip(lower=0.0)


def liberty_in_windows(custody: pd.DataFrame, windows: pd.DataFrame) -> pd.Series:
    """Days at liberty in each window (`windows`: key, person_id, start, end as ISO dates).

    The same rule as `liberty_days`, for windows that differ per row (e.g. the year before
    each person's cohort entry); the result is indexed by `key`.
    """
    start = _dates(windows["start"])
    end = _dates(windows["end"])
    out = pd.Series(((end - start) / DAY).to_numpy(), index=windows["key"], dtype=float)
    if custody.empty or windows.empty:
        return out.clip(lower=0.0)
    spells = windows.assign(w_start=start, w_end=end).merge(
        custody.assign(c_start=_dates(custody["start_on"]), c_end=_dates(custody["released_on"])),
        on="person_id",
    )
    if spells.empty:
        return out.clip(lower=0.0)
    spells["begin"] = spells[["c_start", "w_start"]].max(axis=1)
    spells["finish"] = spells["c_end"].fillna(spells["w_end"])
    spells["finish"] = spells[["finish", "w_end"]].min(axis=1)
    spells = spells[spells["finish"] > spells["begin"]].sort_values(["key", "begin"])
    if spells.empty:
        return out.clip(lower=0.0)
    spells["reach"] = spells.groupby("key")["finish"].cummax()
    previous = spells.groupby("key")["reach"].shift()
    spells["block"] = (previous.isna() | (spells["begin"] > previous)).cumsum()
    blocks = spells.groupby(["key", "block"]).agg(begin=("begin", "min"), finish=("reach", "max"))
    inside = ((blocks["finish"] - blocks["begin"]) / DAY).groupby(level="key").sum()
    return (out - inside.reindex(out.index).fillna(0.0)).clip(lower=0.0)


def _sum(series: pd.Series, people: pd.Index) -> pd.Series:
    return series.reindex(people).fillna(0.0).astype(float)


def person_features(
    offences: pd.DataFrame,
    data: CohortData,
    config: CohortConfig,
    as_of: date,
    scope: str,
    people: pd.Index | None = None,
) -> pd.DataFrame:
    """Raw measures per person for one scope: harm, frequency, DA victims, trend and facts.

    People: everyone with an offence of the scope in the window (or `people` if given).
    """
    scoped = offences[offences[scope]]
    if people is None:
        people = pd.Index(sorted(scoped["person_id"].unique()), name="person_id")
    grouped = scoped.groupby("person_id")
    out = pd.DataFrame(index=people, columns=pd.Index([], dtype=object))
    out["offences"] = _sum(grouped.size(), people).astype(int)
    out["counted"] = _sum(grouped["outcome_weight"].sum(), people)
    out["harm"] = _sum(grouped["points"].sum(), people)
    out["harm_css"] = _sum(
        (scoped["css"] * scoped["outcome_weight"] * scoped["decay"])
        .groupby(scoped["person_id"])
        .sum(),
        people,
    )
    out["nfa"] = _sum(
        (scoped["outcome_weight"] == 0).groupby(scoped["person_id"]).sum(), people
    ).astype(int)
    last = scoped[scoped["outcome_weight"] > 0].groupby("person_id")["committed_on"].max()
    out["last_offence_on"] = (
        last.reindex(people).astype(object).where(last.reindex(people).notna(), None)
    )
    window = config.frequency_window_days
    recent = scoped[scoped["age_days"] <= window]
    out["recent_counted"] = _sum(recent.groupby("person_id")["outcome_weight"].sum(), people)
    start = as_of - timedelta(days=window)
    out["liberty_days"] = liberty_days(data.custody, people, start, as_of)
    at_risk = out["liberty_days"].clip(lower=config.min_liberty_days)
    out["frequency"] = out["recent_counted"] / at_risk * 365.0
    half = window / 2.0
    later = recent[recent["age_days"] < half].groupby("person_id")["outcome_weight"].sum()
    earlier = recent[recent["age_days"] >= half].groupby("person_id")["outcome_weight"].sum()
    out["trend_recent"] = _sum(later, people)
    out["trend_earlier"] = _sum(earlier, people)
    out["trend"] = out["trend_recent"] - out["trend_earlier"]
    da = offences[offences["domestic_abuse"] & (offences["outcome_weight"] > 0)]
    victims = da[["person_id", "victim_ids"]].explode("victim_ids").dropna()
    out["da_victims"] = _sum(victims.groupby("person_id")["victim_ids"].nunique(), people).astype(
        int
    )
    weapons = offences["offence_type"].isin(config.offence_groups["weapons"]) & (
        offences["outcome_weight"] > 0
    )
    out["weapons"] = out.index.isin(offences.loc[weapons, "person_id"])
    out["domestic_abuse"] = out.index.isin(da["person_id"])
    known = offences.groupby("person_id")
    out["outcome_known"] = _sum(
        (offences["outcome"] != "UNKNOWN").groupby(offences["person_id"]).mean(), people
    )
    out["harm_known"] = _sum(known["harm_known"].mean(), people)
    return out
