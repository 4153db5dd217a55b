"""The disruption panel and the six-weekly partner meeting: agenda, minutes, decisions, cadence.

An agenda lists the live OCGs that need the meeting's attention, each with its reasons:
assessment due or overdue, a new or changed band, overdue 4P actions, new disruptions (since
the last meeting of the same kind). Decisions may only be recorded on OCGs on the agenda.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from iom.dates import parse_date
from iom.disruption.assessment import AssessmentRule
from iom.disruption.common import check_vocab, config, new_id, parse_day, raise_problems
from iom.disruption.links import link
from iom.disruption.plans import NewAction, check_action, is_overdue, write_action
from iom.errors import RecordNotFound
from iom.model import vocab_label
from iom.reference import Reference
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "AgendaItem",
    "agenda_items",
    "list_meetings",
    "meeting_record",
    "next_meeting_date",
    "plan_meeting",
    "record_minutes",
]


@dataclass(frozen=True)
class AgendaItem:
    """One OCG on an agenda and why it is there."""

    ocg_id: str
    name: str
    band: str | None
    reasons: list[str]


def next_meeting_date(meeting_type: str, held_on: date, *, reference: Reference) -> date:
    """The next meeting of the kind, from the force's cadence (default six weeks)."""
    cadence = config(reference, "meetings").get("cadence_days") or {}
    return held_on + timedelta(days=int(cadence.get(meeting_type, 42)))


def _since(store: Store, meeting_type: str, on: date, reference: Reference) -> date:
    """The day of the last held meeting of this kind before `on`, or `on` less the lookback."""
    for m in store.read("disruption/meetings", {"meeting_type": meeting_type}):
        held = parse_date(m.get("held_on"))
        if held and held < on and not m.get("planned"):
            return held
    return on - timedelta(days=int(config(reference, "meetings").get("lookback_days", 42)))


def agenda_items(
    store: Store,
    meeting_type: str,
    on: date,
    *,
    reference: Reference,
    area_id: str | None = None,
) -> tuple[list[AgendaItem], date]:
    """The agenda a meeting on `on` should have, and the day 'new' is counted from."""
    rule = AssessmentRule.from_reference(reference)
    since = _since(store, meeting_type, on, reference)
    ocgs = [
        o
        for o in store.read("disruption/ocgs")
        if o.get("status") != "ARCHIVED" and (area_id is None or area_id in (o.get("areas") or []))
    ]
    by_ocg: dict[str, list[dict[str, Any]]] = {}
    for a in store.read("disruption/assessments", {"ocg": None}):
        by_ocg.setdefault(a["ocg_id"], []).append(a)
    actions: dict[str, list[dict[str, Any]]] = {}
    for a in store.read("disruption/plan_actions"):
        actions.setdefault(a["ocg_id"], []).append(a)
    new_disruptions: dict[str, int] = {}
    for d in store.read("disruption/disruptions", {"ocg": None}):
        day = parse_date(d.get("occurred_on"))
        if day and since < day <= on:
            new_disruptions[d["ocg_id"]] = new_disruptions.get(d["ocg_id"], 0) + 1
    items = []
    for o in ocgs:
        reasons = []
        history = by_ocg.get(o["id"], [])
        if not history:
            reasons.append("never assessed")
        else:
            last = history[-1]
            due = (parse_date(last["assessed_on"]) or on) + timedelta(days=rule.review_days)
            if due < on:
                reasons.append(f"assessment overdue since {due.isoformat()}")
            elif (due - on).days <= rule.due_soon_days:
                reasons.append(f"assessment due on {due.isoformat()}")
            for n, a in enumerate(history):
                day = parse_date(a["assessed_on"])
                if not day or not since < day <= on:
                    continue
                if n == 0:
                    reasons.append(f"new band {a['band']} (first assessed {a['assessed_on']})")
                elif history[n - 1]["band"] != a["band"]:
                    reasons.append(
                        f"band changed {history[n - 1]['band']} → {a['band']} on {a['assessed_on']}"
                    )
        overdue = [a for a in actions.get(o["id"], []) if is_overdue(a, on)]
        if overdue:
            reasons.append(f"{len(overdue)} overdue action(s)")
        if new_disruptions.get(o["id"]):
            reasons.append(f"{new_disruptions[o['id']]} new disruption(s) since {since}")
        if reasons:
            items.append(AgendaItem(o["id"], o["name"], o.get("band"), reasons))
    ranks = {code: int(b.get("rank") or 99) for code, b in reference.ocg_bands.items()}
    items.sort(key=lambda i: (ranks.get(i.band or "", 99), i.ocg_id))
    return items, since


def plan_meeting(
    store: Store,
    actor: Actor,
    meeting_type: str,
    on: date | str,
    *,
    reference: Reference,
    area_id: str | None = None,
    title: str | None = None,
) -> tuple[str, list[AgendaItem]]:
    """Store a planned meeting with the agenda built for it. Audited."""
    problems: list[str] = []
    check_vocab("MeetingType", meeting_type, "meeting type", problems)
    day = parse_day(on, "date", problems)
    if day is None and not problems:
        problems.append("date: required")
    raise_problems("meeting", problems)
    assert day is not None
    items, _ = agenda_items(store, meeting_type, day, reference=reference, area_id=area_id)
    mid = new_id("MTG")
    name = title or f"{vocab_label('MeetingType', meeting_type)} {day.isoformat()}"
    with store.transaction() as tx:
        tx.write(
            "disruption/create_meeting",
            {"id": mid, "meeting_type": meeting_type, "held_on": day.isoformat(), "title": name},
        )
        rows = [
            (mid, i.ocg_id, {"position": n, "reasons": i.reasons})
            for n, i in enumerate(items, start=1)
        ]
        link(tx, "ON_AGENDA", "Meeting", "OCG", rows)
        audit.record(tx, actor, "COLLECTION", [i.ocg_id for i in items], f"agenda of {mid}")
    return mid, items


def list_meetings(
    store: Store, actor: Actor, meeting_type: str | None = None
) -> list[dict[str, Any]]:
    """Meetings newest first, each marked planned (agenda, no minutes yet) or held. Audited."""
    rows = store.read("disruption/meetings", {"meeting_type": meeting_type})
    out = [
        {
            **r,
            "status": "PLANNED" if r.get("planned") else "HELD",
            "type_label": vocab_label("MeetingType", r.get("meeting_type")),
        }
        for r in rows
    ]
    audit.record(store, actor, "CONSULTATION", [], f"meeting list ({len(out)})")
    return out


def meeting_record(store: Store, actor: Actor, meeting_id: str) -> dict[str, Any]:
    """A meeting's details, agenda in order, decisions and agreed actions. Audited."""
    rows = store.read("disruption/meeting", {"meeting": meeting_id})
    if not rows:
        raise RecordNotFound(f"no meeting with id {meeting_id!r}")
    agenda = sorted(
        (a for a in rows[0]["agenda"] if a.get("ocg_id")), key=lambda a: a.get("position") or 0
    )
    outcomes = store.read("disruption/meeting_outcomes", {"meeting": meeting_id})
    record = {
        "details": rows[0]["details"],
        "minutes": rows[0].get("minutes"),
        "status": "HELD" if rows[0].get("minutes") else "PLANNED",
        "agenda": agenda,
        "decisions": [o for o in outcomes if o["kind"] == "decision"],
        "actions": [o for o in outcomes if o["kind"] == "action"],
    }
    audit.record(
        store, actor, "CONSULTATION", [a["ocg_id"] for a in agenda], f"meeting {meeting_id}"
    )
    return record


def record_minutes(
    store: Store,
    actor: Actor,
    meeting_id: str,
    *,
    minutes: str,
    decisions: Mapping[str, str],
    actions: Sequence[NewAction] = (),
    held_on: date | str | None = None,
    reference: Reference,
) -> date:
    """Record minutes, decisions per agenda OCG and new actions, all or nothing; the next date."""
    meeting = meeting_record(store, actor, meeting_id)
    details = meeting["details"]
    on_agenda = {a["ocg_id"] for a in meeting["agenda"]}
    problems: list[str] = []
    if meeting["minutes"]:
        problems.append(f"meeting {meeting_id} already has minutes")
    if not minutes.strip():
        problems.append("minutes: write the minutes")
    day = (
        parse_day(held_on, "held on", problems)
        or parse_date(details.get("held_on"))
        or date.today()
    )
    for ocg_id, text in decisions.items():
        if ocg_id not in on_agenda:
            problems.append(f"decision on {ocg_id}: it is not on the agenda of {meeting_id}")
        elif not text.strip():
            problems.append(f"decision on {ocg_id}: empty")
    for n, new in enumerate(actions, start=1):
        if new.ocg_id not in on_agenda:
            problems.append(f"action {n}: {new.ocg_id} is not on the agenda of {meeting_id}")
        problems += [f"action {n}: {p}" for p in check_action(store, new)]
    raise_problems("minutes", problems)
    next_on = next_meeting_date(details["meeting_type"], day, reference=reference)
    with store.transaction() as tx:
        tx.write(
            "disruption/hold_meeting",
            {
                "meeting": meeting_id,
                "id": new_id("MIN"),
                "held_on": day.isoformat(),
                "text": minutes.strip(),
                "next_on": next_on.isoformat(),
                "recorded_by": actor.user,
            },
        )
        rows = [(meeting_id, o, {"decision": t.strip()}) for o, t in decisions.items()]
        link(tx, "REVIEWED", "Meeting", "OCG", rows)
        for new in actions:
            write_action(tx, actor, new, meeting_id=meeting_id, today=day)
        audit.record(
            tx, actor, "COLLECTION", sorted(on_agenda), f"minutes and decisions of {meeting_id}"
        )
    return next_on
