"""Referrals into IOM: intake from any source, matching to existing records, decisions, counts.

Matching runs exact ids first (person id or PNC id), then name and date of birth; a name
match is never merged silently: the caller must confirm the person (or say it is someone new).
Every read and write of a person's referral is audited.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iom.casework import checks, directory
from iom.casework.changes import keep
from iom.dates import precise_now
from iom.errors import InvalidInput, RecordNotFound
from iom.model import MODEL, person_name, vocab_label
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Row, Store

__all__ = [
    "OPEN_STATUSES",
    "Candidate",
    "add_referral",
    "decide_referral",
    "list_referrals",
    "match_person",
    "referral_counts",
]

OPEN_STATUSES = ("RECEIVED", "DEFERRED")  # outcomes still waiting for a decision
LIST_LIMIT_MAX = 1000


@dataclass(frozen=True)
class Candidate:
    """A person already on record who may be the one referred, with what already manages them."""

    id: str
    name: str
    date_of_birth: str | None
    pnc_id: str | None
    matched_on: str
    arrangements: list[dict[str, Any]] = field(default_factory=list)

    def arrangement_lines(self, on: date | None = None) -> list[str]:
        """Open IOM/MAPPA episodes, MARAC hearings and open referrals, as short lines."""
        return arrangement_lines(self.arrangements, on)


def outcome_label(code: str | None) -> str:
    """The label of a referral outcome: a decision (Deferred...) or an imported status."""
    if code in MODEL.vocabularies["ReferralOutcome"].values:
        return vocab_label("ReferralOutcome", code)
    return vocab_label("ReferralStatus", code)


def _outcome_code(field: str, value: str) -> str:
    codes = (
        *MODEL.vocabularies["ReferralStatus"].values,
        *MODEL.vocabularies["ReferralOutcome"].values,
    )
    wanted = value.strip().upper()
    if wanted not in codes:
        raise InvalidInput(field, checks.one_of(value, tuple(dict.fromkeys(codes))))
    return wanted


def arrangement_lines(rows: list[dict[str, Any]], on: date | None = None) -> list[str]:
    """Readable lines for arrangements that are current on `on` (today by default)."""
    day = (on or checks.today()).isoformat()
    out = []
    for row in rows:
        kind, ended = row["kind"], row.get("end_on")
        if kind in ("IOM", "MAPPA") and ended and ended < day:
            continue
        if kind == "REFERRAL" and row.get("status") not in OPEN_STATUSES:
            continue
        if kind == "IOM":
            text = f"IOM {vocab_label('IomCohort', row.get('detail'))} since {row.get('start_on')}"
        elif kind == "MAPPA":
            text = (
                f"MAPPA {vocab_label('MappaLevel', row.get('detail'))} since {row.get('start_on')}"
            )
        elif kind == "MARAC":
            criterion = vocab_label("MaracCriterion", row.get("detail"))
            text = f"MARAC heard {row.get('start_on')} ({criterion})"
        else:
            source = vocab_label("ReferralSource", row.get("detail"))
            status = outcome_label(row.get("status"))
            text = f"referral {row['id']} from {source}, {row.get('start_on')} ({status})"
        out.append(text)
    return out


def _arrangements(store: Store, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for row in store.read("casework/arrangements", {"ids": ids}) if ids else []:
        out.setdefault(row["person_id"], []).append(row)
    return out


def _candidates(store: Store, rows: list[Row], how: str) -> list[Candidate]:
    held = _arrangements(store, [r["id"] for r in rows])
    return [
        Candidate(
            id=r["id"],
            name=person_name(r),
            date_of_birth=r.get("date_of_birth"),
            pnc_id=r.get("pnc_id"),
            matched_on=how,
            arrangements=held.get(r["id"], []),
        )
        for r in rows
    ]


def _same_name_and_birth(
    store: Store, first_name: str | None, last_name: str | None, date_of_birth: str | date | None
) -> tuple[dict[str, str], list[Row]]:
    """The checked name and date of birth, and the people on record with them (any case)."""
    person = {
        "first_name": checks.text("first_name", first_name),
        "last_name": checks.text("last_name", last_name),
        "date_of_birth": checks.day("date_of_birth", date_of_birth).isoformat(),
    }
    rows = store.read(
        "casework/people_by_name_dob",
        {
            "first_name": person["first_name"].lower(),
            "last_name": person["last_name"].lower(),
            "date_of_birth": person["date_of_birth"],
        },
    )
    return person, rows


def match_person(
    store: Store,
    actor: Actor,
    *,
    person_id: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    date_of_birth: str | date | None = None,
) -> list[Candidate]:
    """People who may be the one referred: exact id or PNC id first, else name and date of birth."""
    found: list[Candidate] = []
    if person_id and person_id.strip():
        rows = store.read("casework/person_by_id", {"id": person_id.strip()})
        found = _candidates(store, rows, "id")
    if not found and (first_name or last_name or date_of_birth):
        _person, rows = _same_name_and_birth(store, first_name, last_name, date_of_birth)
        found = _candidates(store, rows, "name and date of birth")
    elif not found and not (person_id and person_id.strip()):
        raise InvalidInput("person", "give a person id or PNC id, or name and date of birth")
    if found:
        ids = [c.id for c in found]
        audit.record(store, actor, "CONSULTATION", ids, "referral matching")
    return found


def add_referral(
    store: Store,
    actor: Actor,
    *,
    source: str,
    reason: str,
    referrer: str,
    person_id: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    date_of_birth: str | date | None = None,
    new_person: bool = False,
    partner_id: str | None = None,
    received_on: str | date | None = None,
) -> dict[str, Any]:
    """Record a referral; returns it with `warnings` (open referrals, current arrangements).

    With `person_id` the person must exist (id or PNC id). Without it, a name and date of
    birth that match someone on record is refused until the caller confirms: pass that
    person's id, or `new_person=True` if it is someone else. Nothing is written on an error.
    """
    source_code = checks.code("source", "ReferralSource", source)
    reason_text = checks.text("reason", reason)
    referrer_text = checks.text("referrer", referrer)
    received = checks.optional_day("received_on", received_on) or checks.today()
    if received > checks.today():
        raise InvalidInput("received_on", f"{received.isoformat()} is in the future")
    creating: dict[str, str] | None = None
    if person_id and person_id.strip():
        rows = store.read("casework/person_by_id", {"id": person_id.strip()})
        if not rows:
            raise InvalidInput("person", f"no person with id or PNC id {person_id.strip()!r}")
        if len(rows) > 1:
            ids = ", ".join(r["id"] for r in rows)
            raise InvalidInput("person", f"{person_id.strip()!r} matches {ids}; give the person id")
        target = rows[0]["id"]
    else:
        person, rows = _same_name_and_birth(store, first_name, last_name, date_of_birth)
        if rows and not new_person:
            who = "; ".join(
                f"{r['id']} ({person_name(r)}, born {r.get('date_of_birth')})" for r in rows
            )
            raise InvalidInput(
                "person",
                f"already on record as {who}: confirm by giving the person id, "
                "or say it is a new person",
            )
        target = f"P-{uuid.uuid4().hex[:10].upper()}"
        creating = {"id": target, **person}
    if partner_id and partner_id.strip():
        directory.find_partner(store, partner_id)
    held = _arrangements(store, [target]).get(target, []) if creating is None else []
    warnings = arrangement_lines(held)
    referral_id = f"REF-{uuid.uuid4().hex[:10].upper()}"
    at = precise_now()
    with store.transaction() as tx:
        if creating is not None:
            tx.write("casework/create_person", creating)
        tx.write(
            "casework/create_referral",
            {
                "id": referral_id,
                "person_id": target,
                "received_on": received.isoformat(),
                "source": source_code,
                "reason": reason_text,
                "referrer": referrer_text,
                "recorded_by": actor.user,
                "recorded_at": at,
            },
        )
        if partner_id and partner_id.strip():
            tx.write(
                "casework/link_referral_partner",
                {"id": referral_id, "partner_id": partner_id.strip()},
            )
        keep(
            tx,
            actor,
            at,
            "Referral",
            referral_id,
            {},
            {"outcome": "RECEIVED", "source": source_code},
        )
        detail = f"referral {referral_id} recorded from {source_code}"
        if creating is not None:
            detail += f"; new person {target} recorded at intake"
        audit.record(tx, actor, "COLLECTION", [target], detail)
    referral = _referral_row(store, referral_id)
    referral["warnings"] = warnings
    referral["new_person"] = creating is not None
    return referral


def _referral_row(store: Store, referral_id: str) -> dict[str, Any]:
    rows = store.read("casework/referral", {"id": referral_id})
    if not rows:
        raise RecordNotFound(f"no referral with id {referral_id!r}")
    row = dict(rows[0])
    row["name"] = person_name(row)
    return row


def decide_referral(
    store: Store,
    actor: Actor,
    referral_id: str,
    decision: str,
    reason: str,
    *,
    episode_id: str | None = None,
) -> dict[str, Any]:
    """Accept, decline or defer a received (or deferred) referral, saying why; kept in history.

    An accepted referral is linked to the IOM episode given (or the person's open one).
    """
    status = checks.code("decision", "ReferralOutcome", decision)
    why = checks.text("reason", reason)
    current = _referral_row(store, checks.text("referral", referral_id))
    if current.get("outcome") not in (None, *OPEN_STATUSES):
        label = outcome_label(current["outcome"])
        raise InvalidInput(
            "decision",
            f"referral {current['id']} was already decided: {label} by "
            f"{current.get('decided_by') or 'import'} at {current.get('decided_at') or 'load'}",
        )
    episode = None
    if status == "ACCEPTED":
        held = _arrangements(store, [current["person_id"]]).get(current["person_id"], [])
        episodes = [r for r in held if r["kind"] == "IOM"]
        if episode_id:
            if episode_id not in {r["id"] for r in episodes}:
                raise InvalidInput(
                    "episode", f"{episode_id!r} is not an IOM episode of {current['person_id']}"
                )
            episode = episode_id
        else:
            today = checks.today().isoformat()
            open_now = [r for r in episodes if not r.get("end_on") or r["end_on"] >= today]
            episode = (
                max(open_now, key=lambda r: r.get("start_on") or "")["id"] if open_now else None
            )
    at = precise_now()
    after = {"outcome": status, "decided_by": actor.user, "decided_at": at, "reason": why}
    before = {
        "outcome": current.get("outcome"),
        "decided_by": current.get("decided_by"),
        "decided_at": current.get("decided_at"),
        "reason": current.get("decision_reason"),
    }
    with store.transaction() as tx:
        tx.write(
            "casework/decide_referral",
            {
                "id": current["id"],
                "decision_id": f"RD-{uuid.uuid4().hex[:10].upper()}",
                "decision": status,
                "decided_by": actor.user,
                "decided_at": at,
                "reason": why,
            },
        )
        if episode:
            tx.write(
                "casework/link_episode",
                {"id": current["id"], "episode_id": episode},
                slots={"From": "Referral"},
            )
        keep(tx, actor, at, "Referral", current["id"], before, after)
        audit.record(
            tx,
            actor,
            "ALTERATION",
            [current["person_id"]],
            f"referral {current['id']} {status.lower()}: {why}",
        )
    return _referral_row(store, current["id"])


def list_referrals(
    store: Store,
    actor: Actor,
    *,
    status: str | None = None,
    source: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Referrals newest first, optionally of one status or source. The people shown are audited."""
    if not 1 <= limit <= LIST_LIMIT_MAX:
        raise InvalidInput("limit", f"must be between 1 and {LIST_LIMIT_MAX}")
    params = {
        "outcome": _outcome_code("status", status) if status else None,
        "source": checks.code("source", "ReferralSource", source) if source else None,
        "limit": limit,
    }
    rows = [{**r, "name": person_name(r)} for r in store.read("casework/referrals", params)]
    ids = sorted({r["person_id"] for r in rows if r.get("person_id")})
    if ids:
        audit.record(store, actor, "CONSULTATION", ids, f"referral list ({len(rows)} referrals)")
    return rows


def referral_counts(store: Store) -> list[dict[str, Any]]:
    """Referrals per source and outcome (latest decision, else status): counts, no personal data."""
    return store.read("casework/referral_counts")
