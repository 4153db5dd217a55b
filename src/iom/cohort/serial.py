"""Serial perpetrators of violence: the configurable rule (default after Northumbria's).

Default (cohort.yaml `serial_perpetrators`): suspect or offender in violence or domestic
abuse against 2 or more distinct victims, over 2 or more incidents, committed within the
last 3 years (1,095 days, inclusive), aged 16 or over on the day of the check. Every record
counts, whatever its outcome: the definition is about who is on the records, so a panel can
check each one.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from iom.cohort.config import CohortConfig
from iom.cohort.features import age_on

__all__ = ["rule_text", "serial_perpetrators"]


def rule_text(config: CohortConfig) -> str:
    """The rule in one sentence, with every figure from the configuration."""
    s = config.serial
    scope = s["scope"].replace("_", " ")
    return (
        f"Serial perpetrator: suspect or offender in {scope} offences against "
        f"{s['min_victims']}+ distinct victims over {s['min_incidents']}+ incidents committed "
        f"in the last {s['window_days']} days, aged {s['min_age']}+ (any outcome counts)."
    )


def serial_perpetrators(
    offences: pd.DataFrame, people: pd.DataFrame, config: CohortConfig, as_of: date
) -> pd.DataFrame:
    """People meeting the rule: id, victims, incidents, victim_ids, offence_ids, age, last_on.

    `offences` is an offence table (`features.offence_table`) reaching back at least the
    rule's window.
    """
    s = config.serial
    scoped = offences[offences[s["scope"]] & offences["age_days"].between(0, s["window_days"])]
    victims = scoped[["person_id", "offence_id", "victim_ids"]].explode("victim_ids").dropna()
    victims = victims[victims["victim_ids"] != victims["person_id"]]
    grouped = victims.groupby("person_id")
    out = pd.DataFrame(
        {
            "victims": grouped["victim_ids"].nunique(),
            "incidents": grouped["offence_id"].nunique(),
            "victim_ids": grouped["victim_ids"].agg(lambda v: sorted(set(v))),
            "offence_ids": grouped["offence_id"].agg(lambda v: sorted(set(v))),
        }
    )
    last = scoped.groupby("person_id")["committed_on"].max()
    out["last_on"] = last.reindex(out.index)
    ages = age_on(people.set_index("id")["date_of_birth"], as_of)
    out["age"] = ages.reindex(out.index)
    out = out[
        (out["victims"] >= s["min_victims"])
        & (out["incidents"] >= s["min_incidents"])
        & (out["age"] >= s["min_age"])
    ]
    out.index.name = "id"
    return (
        out.reset_index()
        .sort_values(["victims", "incidents", "id"], ascending=[False, False, True])
        .reset_index(drop=True)
    )
