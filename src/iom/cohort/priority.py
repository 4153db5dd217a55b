"""The cohort ranking: per cohort type, a 0-100 score, rank, band and recommendation.

Each graded component (harm, frequency, DA victims, rising trend, network position) is
scaled by a population cap (`iom.cohort.scale`); OCG role, household and risk markers are
already 0-1. A component earns `scaled value x its share of 100 points`; the score is their
sum. Ties are broken by the higher harm, then the more recent offence, then the person id,
never by the order records arrived in. Context (age, custody, MAPPA, MARAC, IOM, serial
perpetrator) is shown as flags that shape the recommendation; nobody is silently dropped.
The panel decides; the tool recommends.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from iom.cohort.arrangements import arrangements, led_elsewhere
from iom.cohort.config import CohortConfig, cohort_config_for
from iom.cohort.data import CohortData, read_cohort_data
from iom.cohort.features import age_on, current_rows, offence_table, person_features
from iom.cohort.households import HouseholdScores, score_households
from iom.cohort.network_position import NetworkPosition, co_resident, network_position
from iom.cohort.scale import population_cap, scaled
from iom.cohort.serial import serial_perpetrators
from iom.errors import ConfigError
from iom.reference import HarmWeight, reference_for
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Store

__all__ = [
    "GRADED",
    "CohortScores",
    "context_table",
    "order_ranked",
    "rank_people",
    "score_cohort",
    "score_type",
]

GRADED = ("harm", "frequency", "da_victims", "trend", "network")
CONFIDENCE_CHECKS = {
    "date_of_birth": "date of birth",
    "pnc_id": "PNC id",
    "outcome_known": "offence outcomes",
    "harm_known": "harm weights for the offence types",
    "household_known": "current address",
    "rosh_known": "probation risk of serious harm",
}
_REVIEW_FLAGS = {
    "UNDER_18": "under 18: youth justice leads",
    "IN_CUSTODY": "in custody and not due out soon",
    "LED_ELSEWHERE": "already led by another arrangement",
}


@dataclass(frozen=True)
class CohortScores:
    """Scores per cohort type, the caps used, the context table and the households."""

    as_of: date
    config: CohortConfig
    frames: dict[str, pd.DataFrame]
    caps: dict[str, dict[str, float]]
    context: pd.DataFrame
    households: HouseholdScores
    network: NetworkPosition
    offences: pd.DataFrame
    serial: pd.DataFrame
    data: CohortData = field(repr=False)
    harm_weights: dict[str, HarmWeight] = field(repr=False, default_factory=dict)

    def ranked(self, cohort_type: str) -> pd.DataFrame:
        """The ranked list for one cohort type (FIXED, FLEX, FREE)."""
        if cohort_type not in self.frames:
            allowed = ", ".join(self.frames)
            raise ConfigError(f"unknown cohort type {cohort_type!r}; allowed: {allowed}")
        return self.frames[cohort_type]

    def best(self) -> pd.DataFrame:
        """Each person once, in the cohort type where they score highest, ranked by that."""
        frames = [f.assign(cohort_type=t) for t, f in self.frames.items() if len(f)]
        if not frames:
            return pd.DataFrame(columns=["rank", "id", "cohort_type", "score"])
        every = pd.concat(frames, ignore_index=True)
        every = order_ranked(every).drop_duplicates("id")
        every = every.assign(rank=range(1, len(every) + 1))
        return every.reset_index(drop=True)

    def row(self, person_id: str, cohort_type: str) -> pd.Series | None:
        """One person's row in one cohort type's ranking (None when not in it)."""
        frame = self.ranked(cohort_type)
        found = frame[frame["id"] == person_id]
        return None if found.empty else found.iloc[0]

    def person_ids(self) -> list[str]:
        """Everyone ranked in any cohort type."""
        return sorted({i for f in self.frames.values() for i in f["id"]})


def order_ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Score high to low; then higher harm; then the more recent offence; then person id."""
    last = frame["last_offence_on"].astype("string").fillna("")
    keyed = frame.assign(_s=frame["score"].round(9), _h=frame["harm"].round(9), _l=last)
    keyed = keyed.sort_values(["id"], kind="mergesort")
    keyed = keyed.sort_values(["_s", "_h", "_l"], ascending=[False, False, False], kind="mergesort")
    return keyed.drop(columns=["_s", "_h", "_l"])


def _on(value: object) -> bool:
    """A context flag that is set (NaN or None: not set)."""
    return isinstance(value, bool | np.bool_) and bool(value)


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def context_table(
    data: CohortData,
    offences: pd.DataFrame,
    config: CohortConfig,
    as_of: date,
    households: HouseholdScores,
    serial: pd.DataFrame,
) -> pd.DataFrame:
    """Per person: name, age, custody, arrangements, markers, OCG role, household, confidence."""
    people = data.people.drop_duplicates("id").set_index("id")
    ids = pd.Index(sorted(set(offences["person_id"])), name="id")
    out = pd.DataFrame(index=ids, columns=pd.Index([], dtype=object))
    names = people["first_name"].fillna("") + " " + people["last_name"].fillna("")
    out["name"] = names.str.strip().reindex(ids).fillna("")
    out["age"] = age_on(people["date_of_birth"], as_of).reindex(ids)
    out["under_18"] = out["age"] < config.flags["adult_age"]
    custody = data.custody
    open_spells = current_rows(
        custody.rename(columns={"released_on": "end"}), "start_on", "end", as_of
    )
    open_spells = open_spells.sort_values("release_due").drop_duplicates("person_id", keep="last")
    due = open_spells.set_index("person_id")["release_due"]
    out["in_custody"] = out.index.isin(open_spells["person_id"])
    out["release_due"] = due.reindex(ids).astype(object).where(due.reindex(ids).notna(), None)
    horizon = (as_of + timedelta(days=config.flags["due_out_days"])).isoformat()
    due_iso = out["release_due"].astype("string").fillna("")
    out["due_out"] = (
        out["in_custody"] & (due_iso != "") & (due_iso >= as_of.isoformat()) & (due_iso <= horizon)
    )
    arr = arrangements(data, config, as_of).reindex(ids)
    out["arrangements"] = arr["codes"].map(lambda v: v if isinstance(v, list) else [])
    out["lead"] = arr["lead"].astype(object).where(arr["lead"].notna(), None)
    out["lead_owner"] = arr["lead_owner"].astype(object).where(arr["lead_owner"].notna(), None)
    out["mappa_open"] = out["arrangements"].map(lambda v: "MAPPA_2_3" in v or "MAPPA_1" in v)
    out["mappa_2_3"] = out["arrangements"].map(lambda v: "MAPPA_2_3" in v)
    out["marac"] = out["arrangements"].map(lambda v: "MARAC_MATAC" in v)
    episodes = current_rows(data.episodes, "start_on", "end_on", as_of).sort_values("start_on")
    episodes = episodes.drop_duplicates("person_id", keep="last").set_index("person_id")
    out["iom_cohort"] = (
        episodes["cohort"]
        .reindex(ids)
        .astype(object)
        .where(episodes["cohort"].reindex(ids).notna(), None)
    )
    last_hub = data.episodes.sort_values("start_on").drop_duplicates("person_id", keep="last")
    out["hub"] = last_hub.set_index("person_id")["hub"].reindex(ids)
    out["hub"] = out["hub"].astype(object).where(out["hub"].notna(), None)
    rosh = people["risk_of_serious_harm"].reindex(ids)
    out["high_rosh"] = rosh.isin(["HIGH", "VERY_HIGH"])
    wanted = people["wanted"].map(_truthy) | people["failed_to_appear"].map(_truthy)
    out["wanted"] = wanted.reindex(ids).fillna(False).astype(bool)
    ocgs = current_rows(data.ocgs, "since", "until", as_of).copy()
    ocgs["weight"] = ocgs["role"].map(config.ocg_roles).fillna(0.0)
    ocgs = ocgs.sort_values(["person_id", "weight"]).drop_duplicates("person_id", keep="last")
    ocgs = ocgs.set_index("person_id")
    out["ocg_role"] = (
        ocgs["role"].reindex(ids).astype(object).where(ocgs["role"].reindex(ids).notna(), None)
    )
    out["ocg"] = (
        ocgs["ocg"].reindex(ids).astype(object).where(ocgs["ocg"].reindex(ids).notna(), None)
    )
    out["ocg_role_weight"] = ocgs["weight"].reindex(ids).fillna(0.0)
    homes = current_rows(data.residences, "from_on", "to_on", as_of)
    scores = households.frame.set_index("household_id")["score"]
    homes = homes.assign(score=homes["household_id"].map(scores).fillna(0.0))
    homes = homes.sort_values(["person_id", "score"]).drop_duplicates("person_id", keep="last")
    homes = homes.set_index("person_id")
    out["household_id"] = (
        homes["household_id"]
        .reindex(ids)
        .astype(object)
        .where(homes["household_id"].reindex(ids).notna(), None)
    )
    out["household_score"] = homes["score"].reindex(ids).fillna(0.0)
    paths = data.pathways
    needs = paths[paths["kind"] == "NEED"].groupby("person_id").size()
    actions = paths[paths["kind"] == "ACTION"]
    done = actions[actions["status"] == "DONE"].groupby("person_id").size()
    total = actions.groupby("person_id").size()
    out["needs"] = needs.reindex(ids).fillna(0).astype(int)
    need_paths = paths[paths["kind"] == "NEED"].groupby("person_id")["pathway"]
    listed = need_paths.agg(lambda v: sorted(set(v))).reindex(ids)
    out["pathways"] = listed.map(lambda v: v if isinstance(v, list) else [])
    out["actions_done"] = done.reindex(ids).fillna(0).astype(int)
    out["actions_total"] = total.reindex(ids).fillna(0).astype(int)
    progress = out["actions_done"] / out["actions_total"].where(out["actions_total"] > 0)
    out["pathway_progress"] = progress
    out["serial_perpetrator"] = out.index.isin(serial["id"]) if len(serial) else False
    checks = pd.DataFrame(index=ids, columns=pd.Index([], dtype=object))
    checks["date_of_birth"] = (
        people["date_of_birth"].reindex(ids).astype("string").fillna("").ne("")
    )
    checks["pnc_id"] = people["pnc_id"].reindex(ids).astype("string").fillna("").ne("")
    per_person = offences.groupby("person_id")
    known = (offences["outcome"] != "UNKNOWN").groupby(offences["person_id"]).mean()
    checks["outcome_known"] = known.reindex(ids).fillna(0.0)
    checks["harm_known"] = per_person["harm_known"].mean().reindex(ids).fillna(0.0)
    checks["household_known"] = out["household_id"].notna()
    checks["rosh_known"] = rosh.astype("string").fillna("").ne("")
    checks = checks.astype(float)
    out["confidence"] = checks.mean(axis=1) * 100.0
    short = checks.to_numpy() < 1.0
    names = [CONFIDENCE_CHECKS[c] for c in checks.columns]
    out["missing"] = [[n for n, s in zip(names, row, strict=True) if s] for row in short]
    return out


def score_type(
    features: pd.DataFrame,
    context: pd.DataFrame,
    network: pd.Series,
    config: CohortConfig,
    cohort_type: str,
    caps: dict[str, float] | None = None,
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Score one cohort type's population; `caps` fixed (e.g. for a what-if) or computed."""
    spec = config.cohort_types[cohort_type]
    max_points = spec.max_points()
    ids = features.index
    ctx = context.reindex(ids)
    raw = pd.DataFrame(index=ids, columns=pd.Index([], dtype=object))
    raw["harm"] = features["harm"]
    raw["frequency"] = features["frequency"]
    raw["da_victims"] = features["da_victims"].astype(float)
    raw["trend"] = features["trend"].clip(lower=0.0)
    raw["network"] = network.reindex(ids).fillna(0.0)
    raw["ocg_role"] = ctx["ocg_role_weight"].fillna(0.0)
    raw["household"] = ctx["household_score"].fillna(0.0)
    markers = config.risk_markers
    present = pd.DataFrame(
        {
            "weapons": features["weapons"],
            "domestic_abuse": features["domestic_abuse"],
            "mappa": ctx["mappa_open"].fillna(False),
            "high_rosh": ctx["high_rosh"].fillna(False),
            "wanted": ctx["wanted"].fillna(False),
        },
        index=ids,
    ).astype(bool)
    raw["risk_markers"] = sum(present[m].astype(float) * w for m, w in markers.items())
    fixed_caps = {"ocg_role": 1.0, "household": 100.0, "risk_markers": float(sum(markers.values()))}
    used: dict[str, float] = {}
    out = features.copy()
    out["score"] = 0.0
    for name in (*GRADED, "ocg_role", "household", "risk_markers"):
        if name in fixed_caps:
            cap = fixed_caps[name]
        elif caps is not None and name in caps:
            cap = caps[name]
        else:
            cap = population_cap(raw[name], config.cap_quantile, config.max_share_at_cap)
        used[name] = cap
        norm = scaled(raw[name], cap)
        out[f"{name}_raw"] = raw[name]
        out[f"{name}_norm"] = norm
        out[f"{name}_points"] = norm * max_points.get(name, 0.0)
        out["score"] += out[f"{name}_points"]
    flags = present[list(markers)].to_numpy()
    out["markers"] = [[m for m, on in zip(markers, row, strict=True) if on] for row in flags]
    out = out.reset_index().rename(columns={"index": "id", "person_id": "id"})
    out = order_ranked(out)
    out.insert(0, "rank", range(1, len(out) + 1))
    out = out.reset_index(drop=True)
    return _recommend(out, context, config, cohort_type), used


def _recommend(
    frame: pd.DataFrame, context: pd.DataFrame, config: CohortConfig, cohort_type: str
) -> pd.DataFrame:
    ctx = context.reindex(frame["id"])
    frame = frame.copy()
    frame["band"] = [config.band(s) for s in frame["score"]]
    for column in (
        "name",
        "age",
        "hub",
        "lead",
        "lead_owner",
        "iom_cohort",
        "release_due",
        "confidence",
        "pathways",
    ):
        frame[column] = ctx[column].to_numpy() if column in ctx else None
    flags: list[list[str]] = []
    recs: list[str] = []
    reasons: list[list[str]] = []
    select, review = config.thresholds["select"], config.thresholds["review"]
    min_counted = config.eligibility["min_counted_offences"]
    min_age = config.eligibility["min_age"]
    for row, c in zip(frame.itertuples(), ctx.to_dict("records"), strict=True):
        f: list[str] = []
        if _on(c.get("under_18")):
            f.append("UNDER_18")
        if _on(c.get("in_custody")):
            f.append("IN_CUSTODY")
        if _on(c.get("due_out")):
            f.append("DUE_OUT")
        if _on(c.get("mappa_2_3")):
            f.append("MAPPA_2_3")
        if _on(c.get("marac")):
            f.append("MARAC")
        if isinstance(c.get("iom_cohort"), str):
            f.append("IN_IOM")
        if led_elsewhere(c.get("lead"), cohort_type, config.lead_precedence):
            f.append("LED_ELSEWHERE")
        if _on(c.get("serial_perpetrator")):
            f.append("SERIAL_PERPETRATOR")
        why: list[str] = []
        if row.counted < min_counted:
            why.append(
                f"{row.counted:g} outcome-weighted offences in scope (at least "
                f"{min_counted:g} needed; {row.nfa} ended in no further action)"
            )
        if pd.notna(c.get("age")) and c.get("age") < min_age:
            why.append(f"aged {c.get('age'):.0f}, under {min_age}")
        if row.score < review:
            why.append(f"score {row.score:.1f} is below the review threshold {review:g}")
        if why:
            rec = "NOT_ELIGIBLE"
        else:
            blockers = [
                text
                for code, text in _REVIEW_FLAGS.items()
                if code in f and not (code == "IN_CUSTODY" and "DUE_OUT" in f)
            ]
            if row.score >= select and not blockers:
                rec = "SELECT"
                why.append(
                    f"score {row.score:.1f} is at or above the selection threshold {select:g}"
                )
                if "DUE_OUT" in f:
                    why.append(
                        f"due out of custody on {c.get('release_due')}: select before release"
                    )
            else:
                rec = "REVIEW"
                if row.score < select:
                    why.append(
                        f"score {row.score:.1f} is between the review ({review:g}) and "
                        f"selection ({select:g}) thresholds"
                    )
                why.extend(blockers)
        flags.append(f)
        recs.append(rec)
        reasons.append(why)
    frame["flags"] = flags
    frame["recommendation"] = recs
    frame["reasons"] = reasons
    return frame


def score_cohort(
    data: CohortData,
    config: CohortConfig,
    harm: dict[str, HarmWeight],
    as_of: date,
    timings: dict[str, float] | None = None,
) -> CohortScores:
    """Score everyone in `data` as on `as_of` (later facts are ignored), per cohort type.

    `timings`, when given, receives each stage's seconds (for the benchmark).
    """
    clock = _Stages(timings)
    known = data.until(as_of)
    table = offence_table(known, config, harm, as_of, window_days=config.lookback_days)
    offences = table[table["age_days"] <= config.window_days].reset_index(drop=True)
    clock.lap("offences (outcome x gravity x decay)")
    everyone = person_features(offences, known, config, as_of, "all")
    households = score_households(known, offences, everyone["harm"], config, as_of)
    clock.lap("households")
    serial = serial_perpetrators(table, known.people, config, as_of)
    clock.lap("serial perpetrators")
    context = context_table(known, offences, config, as_of, households, serial)
    clock.lap("context (flags, arrangements, confidence)")
    living = current_rows(known.residences, "from_on", "to_on", as_of)
    network = network_position(
        co_resident(known.ties, living),
        config.projections,
        config.network_method,
        sample=config.betweenness_sample,
        seed=config.network_seed,
    )
    clock.lap("network position")
    frames: dict[str, pd.DataFrame] = {}
    caps: dict[str, dict[str, float]] = {}
    for code, spec in config.cohort_types.items():
        features = person_features(offences, known, config, as_of, spec.scope)
        frames[code], caps[code] = score_type(features, context, network.values, config, code)
    clock.lap("features, caps, scores, ranks per type")
    return CohortScores(
        as_of=as_of,
        config=config,
        frames=frames,
        caps=caps,
        context=context,
        households=households,
        network=network,
        offences=offences,
        serial=serial,
        data=known,
        harm_weights=harm,
    )


class _Stages:
    """Records the seconds since the previous lap under a stage name (when asked to)."""

    def __init__(self, into: dict[str, float] | None) -> None:
        self.into = into
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.into is not None:
            self.into[stage] = self.into.get(stage, 0.0) + now - self.last
        self.last = now


def rank_people(
    store: Store,
    actor: Actor,
    *,
    as_of: date | None = None,
    settings: Settings | None = None,
    config: CohortConfig | None = None,
    timings: dict[str, float] | None = None,
) -> CohortScores:
    """Read the store (audited) and score everyone as on `as_of` (default today)."""
    started = time.perf_counter()
    as_of = as_of or date.today()
    config = config or cohort_config_for(settings)
    harm = reference_for(settings).harm_weights
    data = read_cohort_data(
        store,
        actor,
        since=as_of - timedelta(days=config.lookback_days),
        until=as_of,
        purpose_detail="cohort ranking",
        ties=config.projections,
    )
    if timings is not None:
        timings["read the store (named queries, audit)"] = time.perf_counter() - started
    return score_cohort(data, config, harm, as_of, timings)


def as_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain values (lists kept, NaN as None), for JSON and exports."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
