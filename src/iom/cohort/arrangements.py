"""One lead arrangement per person across MAPPA, MARAC/MATAC and IOM, by configured precedence.

Arrangements open on a date: MAPPA cases without an end (level 2/3 or level 1), a MARAC
hearing as perpetrator or offender within `flags.marac_active_days`, and open IOM episodes
by cohort type. The lead is the first present in `lead_precedence` (default MAPPA 2/3 >
MARAC/MATAC > IOM Fixed > Flex > Free > MAPPA 1); the others show as flags. Counts count
each person once, under their lead; IOM counts (the home page's Fixed/Flex/Free) count each
person once under the first of their open IOM episodes' cohort types in the precedence
(`lead_episodes`).

>>> lead_of({"IOM_FLEX", "MAPPA_1"}, ("MAPPA_2_3", "MARAC_MATAC", "IOM_FIXED", "IOM_FLEX"))
'IOM_FLEX'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pandas as pd

from iom.cohort.config import CohortConfig
from iom.cohort.data import CohortData
from iom.cohort.episodes import open_on
from iom.cohort.features import current_rows
from iom.model import vocab_label

__all__ = ["arrangements", "cohort_counts", "lead_episodes", "lead_of", "led_elsewhere"]


def lead_of(present: Iterable[str], precedence: Sequence[str]) -> str | None:
    """The first of `precedence` among the arrangements `present` (None when none is)."""
    have = set(present)
    return next((code for code in precedence if code in have), None)


def arrangements(data: CohortData, config: CohortConfig, as_of: date) -> pd.DataFrame:
    """One row per person with any arrangement: codes, owners, lead and lead owner."""
    rows: list[tuple[str, str, str]] = []  # person, code, owner
    cases = data.protection
    mappa = current_rows(cases[cases["scheme"] == "MAPPA"], "start_on", "end_on", as_of)
    for r in mappa.itertuples():
        code = "MAPPA_2_3" if str(r.level) in ("2", "3") else "MAPPA_1"
        rows.append((r.person_id, code, f"MAPPA case {r.case_id} (level {r.level})"))
    since = (as_of - timedelta(days=config.flags["marac_active_days"])).isoformat()
    marac = cases[
        (cases["scheme"] == "MARAC")
        & cases["role"].isin(["PERPETRATOR", "OFFENDER"])
        & (cases["start_on"].astype("string") >= since)
        & (cases["start_on"].astype("string") <= as_of.isoformat())
    ]
    for r in marac.itertuples():
        rows.append((r.person_id, "MARAC_MATAC", f"MARAC case {r.case_id} (heard {r.start_on})"))
    episodes = current_rows(data.episodes, "start_on", "end_on", as_of)
    for r in episodes.itertuples():
        owner = ", ".join(str(x) for x in (r.manager, r.hub) if isinstance(x, str) and x)
        rows.append(
            (
                r.person_id,
                f"IOM_{r.cohort}",
                f"IOM episode {r.episode_id} ({owner or 'no owner recorded'})",
            )
        )
    frame = pd.DataFrame(rows, columns=["person_id", "code", "owner"])
    if frame.empty:
        return pd.DataFrame(columns=["codes", "owners", "lead", "lead_label", "lead_owner"])
    order = {code: i for i, code in enumerate(config.lead_precedence)}
    frame["order"] = frame["code"].map(order).fillna(len(order))
    frame = frame.sort_values(["person_id", "order", "owner"])
    grouped = frame.groupby("person_id")
    out = pd.DataFrame(
        {
            "codes": grouped["code"].agg(lambda v: list(dict.fromkeys(v))),
            "owners": grouped["owner"].agg(list),
        }
    )
    ranked = frame[frame["code"].isin(order)].drop_duplicates("person_id")
    out["lead"] = ranked.set_index("person_id")["code"].reindex(out.index)
    out["lead_owner"] = ranked.set_index("person_id")["owner"].reindex(out.index)
    out["lead_label"] = out["lead"].map(
        lambda c: vocab_label("LeadArrangement", c) if isinstance(c, str) else ""
    )
    return out


def lead_episodes(episodes: pd.DataFrame, precedence: Sequence[str], as_of: date) -> pd.DataFrame:
    """One row per person: their lead IOM episode among those open on `as_of`.

    The lead is the episode whose cohort type (`IOM_<cohort>`) comes first in `precedence`;
    between episodes of the same type the later start, then the higher episode id. `episodes`
    has person_id, episode_id, cohort, start_on and end_on columns.
    """
    if episodes.empty:
        return episodes.iloc[0:0]
    spans = zip(episodes["start_on"], episodes["end_on"], strict=True)
    is_open = pd.Series([open_on(start, end, as_of) for start, end in spans], index=episodes.index)
    current = episodes[is_open & episodes["episode_id"].notna()]
    order = {code: i for i, code in enumerate(precedence)}
    rank = ("IOM_" + current["cohort"].astype(str)).map(order).fillna(len(order))
    current = current.assign(_rank=rank, _start=current["start_on"].astype(str))
    current = current.sort_values(
        ["person_id", "_rank", "_start", "episode_id"], ascending=[True, True, False, False]
    )
    return current.drop_duplicates("person_id").drop(columns=["_rank", "_start"])


def led_elsewhere(lead: str | None, cohort_type: str, precedence: Sequence[str]) -> bool:
    """Whether `lead` comes before IOM `cohort_type` in the precedence (someone else leads)."""
    if not lead or lead == f"IOM_{cohort_type}":
        return False
    own = f"IOM_{cohort_type}"
    order = list(precedence)
    if own not in order:
        return True
    return lead in order and order.index(lead) < order.index(own)


def cohort_counts(table: pd.DataFrame) -> dict[str, int]:
    """People per lead arrangement, each person counted once (under their lead)."""
    if table.empty:
        return {}
    counts = table["lead"].dropna().value_counts()
    return {str(k): int(v) for k, v in counts.items()}
