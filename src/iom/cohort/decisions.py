"""Selection decisions: select, de-select or defer, with who, when, cohort type and reason.

A decision without a reason is refused and nothing is saved. A decision (or a referral)
about someone whose lead arrangement comes before that IOM cohort type in the precedence
(e.g. MAPPA level 2/3) is flagged with the arrangement and its owner, and recorded anyway:
the panel decides. Each decision keeps a score snapshot of the person.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from iom.cohort.arrangements import arrangements, cohort_counts, led_elsewhere
from iom.cohort.explain import require_person
from iom.cohort.priority import CohortScores, rank_people
from iom.cohort.snapshots import snapshot_rows
from iom.dates import precise_now
from iom.errors import IomError
from iom.model import MODEL, vocab_label
from iom.security import audit
from iom.security.access import Actor
from iom.settings import Settings
from iom.store.base import Row, Store

__all__ = [
    "DecisionRecord",
    "InvalidDecision",
    "check_decision",
    "decision_history",
    "lead_counts",
    "record_decision",
    "referrals_led_elsewhere",
]

DECISIONS = MODEL.vocabularies["SelectionOutcome"].values
COHORT_TYPES = MODEL.vocabularies["IomCohort"].values


class InvalidDecision(IomError):
    """A selection decision is incomplete or uses an unknown value; nothing was saved."""


@dataclass(frozen=True)
class DecisionRecord:
    """A recorded decision, with the warning shown when someone else leads."""

    id: str
    person_id: str
    decision: str
    cohort: str
    reason: str
    decided_on: str
    decided_by: str
    led_elsewhere: str | None

    def sentence(self) -> str:
        """The decision as one line for the panel."""
        text = (
            f"{vocab_label('SelectionOutcome', self.decision)} {self.person_id} for "
            f"{vocab_label('IomCohort', self.cohort)} on {self.decided_on} by {self.decided_by}: "
            f"{self.reason}"
        )
        if self.led_elsewhere:
            text += f" (flag: already led by {self.led_elsewhere})"
        return text


def check_decision(decision: str, cohort_type: str, reason: str) -> tuple[str, str, str]:
    """The decision, cohort type and reason, checked; InvalidDecision names what is wrong."""
    if decision not in DECISIONS:
        raise InvalidDecision(
            f"decision {decision!r} is not allowed; allowed: {', '.join(DECISIONS)}; "
            "nothing was saved"
        )
    if cohort_type not in COHORT_TYPES:
        raise InvalidDecision(
            f"cohort type {cohort_type!r} is not allowed; allowed: {', '.join(COHORT_TYPES)}; "
            "nothing was saved"
        )
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidDecision("a decision needs a reason; nothing was saved")
    return decision, cohort_type, reason.strip()


def _lead_text(
    scores: CohortScores, person_id: str, cohort_type: str
) -> tuple[str | None, str | None]:
    table = arrangements(scores.data, scores.config, scores.as_of)
    if person_id not in table.index:
        return None, None
    lead = table.loc[person_id, "lead"]
    if not isinstance(lead, str):
        return None, None
    if not led_elsewhere(lead, cohort_type, scores.config.lead_precedence):
        return lead, None
    return lead, f"{vocab_label('LeadArrangement', lead)} ({table.loc[person_id, 'lead_owner']})"


def record_decision(
    store: Store,
    actor: Actor,
    person_id: str,
    decision: str,
    cohort_type: str,
    reason: str,
    *,
    decided_on: date | None = None,
    settings: Settings | None = None,
    scores: CohortScores | None = None,
) -> DecisionRecord:
    """Record a panel decision about a held person (audited, with a score snapshot)."""
    decision, cohort_type, reason = check_decision(decision, cohort_type, reason)
    require_person(store, person_id)
    day = decided_on or date.today()
    scores = scores or rank_people(store, actor, as_of=day, settings=settings)
    lead, elsewhere = _lead_text(scores, person_id, cohort_type)
    row = scores.row(person_id, cohort_type)
    record = DecisionRecord(
        id=uuid.uuid4().hex,
        person_id=person_id,
        decision=decision,
        cohort=cohort_type,
        reason=reason,
        decided_on=day.isoformat(),
        decided_by=actor.user,
        led_elsewhere=elsewhere,
    )
    params = {
        "person_id": person_id,
        "id": record.id,
        "decision": decision,
        "cohort": cohort_type,
        "reason": reason,
        "decided_on": record.decided_on,
        "decided_by": actor.user,
        "decided_at": precise_now(),
        "score": None if row is None else float(row["score"]),
        "recommendation": None if row is None else str(row["recommendation"]),
        "lead": lead,
        "led_elsewhere": elsewhere,
    }
    with store.transaction() as tx:
        tx.run("cohort/record_decision", params)
        snapshots = snapshot_rows(scores, [person_id])
        if snapshots:
            tx.run_batches("cohort/record_snapshots", snapshots)
        detail = f"selection decision {decision} ({cohort_type})"
        audit.record(tx, actor, "COLLECTION", [person_id], detail)
    return record


def decision_history(store: Store, actor: Actor, person_id: str) -> dict[str, list[Row]]:
    """A person's cohort history: the panel's decisions and their IOM episodes; audited."""
    require_person(store, person_id)
    decisions = store.read("cohort/person_decisions", {"person_id": person_id})
    episodes = [r for r in store.read("cohort/iom_episodes") if r.get("person_id") == person_id]
    audit.record(store, actor, "CONSULTATION", [person_id], "cohort history")
    return {"decisions": decisions, "episodes": episodes}


def lead_counts(scores: CohortScores) -> dict[str, int]:
    """People under each lead arrangement on the scores' date, each person once."""
    return cohort_counts(arrangements(scores.data, scores.config, scores.as_of))


def referrals_led_elsewhere(
    store: Store, actor: Actor, scores: CohortScores
) -> list[dict[str, Any]]:
    """Referrals of people already led by an arrangement (named, with its owner); audited."""
    rows = pd.DataFrame(
        store.read("cohort/referrals"),
        columns=["referral_id", "person_id", "received_on", "source", "status", "reason"],
    )
    table = arrangements(scores.data, scores.config, scores.as_of)
    led = rows[rows["person_id"].isin(table.index[table["lead"].notna()])]
    out = []
    for r in led.to_dict("records"):
        lead = table.loc[r["person_id"], "lead"]
        out.append(
            {
                **r,
                "lead": lead,
                "lead_label": vocab_label("LeadArrangement", lead),
                "lead_owner": table.loc[r["person_id"], "lead_owner"],
            }
        )
    if out:
        audit.record(
            store,
            actor,
            "CONSULTATION",
            sorted({r["person_id"] for r in out}),
            "referrals led elsewhere",
        )
    return out
