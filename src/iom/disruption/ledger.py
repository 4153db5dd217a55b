"""The disruption ledger: record a disruption whole or not at all, list it, and roll it up.

DOMAIN.md §2: an impact grade is a judgement recorded with its rationale; major and
moderate grades need an approving officer. Roll-ups count disruptions per OCG, lead
partner, area and quarter, and per 1,000 population (an OCG working in two areas counts in
both areas' rows; the force total counts each disruption once).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iom.disruption.common import check_vocab, new_id, parse_day, raise_problems
from iom.disruption.links import existing, link, plain_props
from iom.model import MODEL
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Row, Store

__all__ = [
    "APPROVAL_NEEDED",
    "ROLLUPS",
    "TARGET_LABELS",
    "DisruptionEntry",
    "list_disruptions",
    "record_disruption",
    "rollup",
]

APPROVAL_NEEDED = ("MAJOR", "MODERATE")
TARGET_LABELS = tuple(MODEL.relationship("TARGETED").end)
ROLLUPS = ("ocg", "partner", "area", "quarter", "four_p")


@dataclass
class DisruptionEntry:
    """What a user records about one disruption (ids refer to existing records)."""

    ocg_id: str
    occurred_on: date | str
    impact: str
    impact_rationale: str
    tactic_ids: Sequence[str]
    four_p: str | None = None
    approver_id: str | None = None
    action_id: str | None = None
    lead_partner_id: str | None = None
    targets: Sequence[tuple[str, str]] = field(default_factory=list)  # (label, id)
    evidence_refs: Sequence[str] = field(default_factory=list)
    assets_restrained: float | None = None
    assets_recovered: float | None = None
    description: str = ""


def _check(store: Store, e: DisruptionEntry, today: date) -> tuple[list[str], dict[str, Any]]:
    problems: list[str] = []
    found: dict[str, Any] = {}
    day = parse_day(e.occurred_on, "date", problems)
    if e.occurred_on in (None, ""):
        problems.append("date: required")
    elif day and day > today:
        problems.append(f"date: {day} is in the future")
    found["day"] = day
    e.impact = (e.impact or "").strip().upper()
    check_vocab("DisruptionImpact", e.impact, "impact", problems)
    if not (e.impact_rationale or "").strip():
        problems.append("rationale: an impact grade needs its rationale")
    if not existing(store, "OCG", [e.ocg_id]):
        problems.append(f"OCG: no OCG with id {e.ocg_id!r}")
    tactics = [t.strip() for t in e.tactic_ids if t and t.strip()]
    if not tactics:
        problems.append("tactic: at least one tactic is required")
    known_tactics = store.read("disruption/tactics") if tactics else []
    by_id = {t["id"]: t for t in known_tactics}
    for t in tactics:
        if t not in by_id:
            problems.append(f"tactic: no tactic with id {t!r}")
    found["tactics"] = tactics
    four_p = (e.four_p or "").strip().upper() or None
    if four_p is None and tactics and tactics[0] in by_id:
        four_p = by_id[tactics[0]].get("four_p")
    if four_p is None:
        problems.append("4P strand: required (or a tactic that has one)")
    else:
        check_vocab("FourP", four_p, "4P strand", problems)
    found["four_p"] = four_p
    approver = (e.approver_id or "").strip() or None
    officers = existing(store, "Officer", [approver] if approver else [])
    if approver and approver not in officers:
        problems.append(f"approver: no officer with id {approver!r}")
    if e.impact in APPROVAL_NEEDED and not approver:
        label = MODEL.vocabularies["DisruptionImpact"].label(e.impact)
        problems.append(f"approver: a {label.lower()} impact needs an approving officer")
    found["approver"] = (approver, officers.get(approver or ""))
    if e.action_id:
        rows = store.read("disruption/action_ocg", {"action": e.action_id})
        if not rows:
            problems.append(f"plan action: no 4P plan action with id {e.action_id!r}")
        elif rows[0]["ocg_id"] != e.ocg_id:
            problems.append(
                f"plan action: {e.action_id} is in the plan of {rows[0]['ocg_id']}, not {e.ocg_id}"
            )
    if e.lead_partner_id and not existing(store, "Partner", [e.lead_partner_id]):
        problems.append(f"lead partner: no partner with id {e.lead_partner_id!r}")
    for label, target_id in e.targets:
        if label not in TARGET_LABELS:
            problems.append(f"target: {label!r} is not one of {', '.join(TARGET_LABELS)}")
        elif not existing(store, label, [target_id]):
            problems.append(f"target: no {label} with id {target_id!r}")
    for name in ("assets_restrained", "assets_recovered"):
        value = getattr(e, name)
        if value is not None and (not isinstance(value, int | float) or value < 0):
            problems.append(f"{name.replace('_', ' ')}: {value!r} is not an amount in pounds")
    return problems, found


def record_disruption(
    store: Store, actor: Actor, entry: DisruptionEntry, *, today: date | None = None
) -> str:
    """Validate and store one disruption with all its links, in one transaction. Audited."""
    problems, found = _check(store, entry, today or date.today())
    raise_problems("disruption", problems)
    did = new_id("DIS")
    approver_id, approver_name = found["approver"]
    props = plain_props(
        {
            "id": did,
            "occurred_on": found["day"].isoformat(),
            "four_p": found["four_p"],
            "impact": entry.impact,
            "impact_rationale": entry.impact_rationale.strip(),
            "approved_by": approver_name,
            "description": entry.description.strip(),
        }
    )
    evidence = plain_props(
        {
            "id": f"{did}-E",
            "evidence_refs": [r.strip() for r in entry.evidence_refs if r.strip()],
            "assets_restrained": entry.assets_restrained,
            "assets_recovered": entry.assets_recovered,
            "recorded_by": actor.user,
        }
    )
    people = [t for label, t in entry.targets if label == "Person"]
    with store.transaction() as tx:
        tx.write(
            "disruption/record_disruption",
            {"ocg": entry.ocg_id, "props": props, "evidence": evidence},
        )
        link(tx, "USED", "Disruption", "Tactic", [(did, t, {}) for t in found["tactics"]])
        if approver_id:
            link(tx, "APPROVED_BY", "Disruption", "Officer", [(did, approver_id, {})])
        if entry.action_id:
            link(tx, "FROM_ACTION", "Disruption", "Action", [(did, entry.action_id, {})])
        if entry.lead_partner_id:
            link(tx, "LED_BY", "Disruption", "Partner", [(did, entry.lead_partner_id, {})])
        for label in TARGET_LABELS:
            rows: list[tuple[str, str, dict[str, Any]]] = [
                (did, t, {}) for lab, t in entry.targets if lab == label
            ]
            link(tx, "TARGETED", "Disruption", label, rows)
        audit.record(tx, actor, "COLLECTION", [entry.ocg_id, *people], f"disruption {did} recorded")
    return did


def list_disruptions(
    store: Store, actor: Actor, ocg_id: str | None = None, *, since: date | None = None
) -> list[Row]:
    """The ledger, newest first (one OCG's or all), with targets and links. Audited."""
    rows = store.read("disruption/disruptions", {"ocg": ocg_id})
    if since:
        rows = [r for r in rows if str(r["occurred_on"]) >= since.isoformat()]
    for r in rows:
        r["tactics"] = [t for t in r.get("tactics") or [] if t.get("id")]
        r["targets"] = [
            {**t, "label": next((x for x in t.get("labels") or [] if x in TARGET_LABELS), "")}
            for t in r.get("targets") or []
            if t.get("id")
        ]
    people = {t["id"] for r in rows for t in r["targets"] if t["label"] == "Person"}
    audit.record(
        store,
        actor,
        "CONSULTATION",
        sorted(people | {r["ocg_id"] for r in rows}),
        f"disruption ledger ({ocg_id or 'all OCGs'}, {len(rows)} entries)",
    )
    return rows


def quarter(day: str) -> str:
    """The calendar quarter of an ISO date.

    >>> quarter("2026-05-01")
    '2026-Q2'
    """
    return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"


def rollup(store: Store, actor: Actor, by: str, *, since: date | None = None) -> list[Row]:
    """Disruptions counted per `by` (ocg, partner, area, quarter, four_p), by impact. Audited.

    Each row: key, name, total, one count per impact code, worked (major + moderate) and,
    for areas and the force total, population and per_1000 (disruptions per 1,000 people).
    """
    if by not in ROLLUPS:
        raise_problems("roll-up", [f"by: {by!r} is not one of {', '.join(ROLLUPS)}"])
    ledger = list_disruptions(store, actor, since=since)
    areas = {a["id"]: a for a in store.read("disruption/areas")}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for d in ledger:
        if by == "ocg":
            keys = [(d["ocg_id"], d["ocg_name"])]
        elif by == "partner":
            keys = [(d.get("partner_id") or "-", d.get("partner_name") or "(no lead partner)")]
        elif by == "area":
            keys = [(a, areas.get(a, {}).get("name") or a) for a in d.get("areas") or []]
            keys = keys or [("-", "(no area)")]
        elif by == "quarter":
            keys = [(quarter(str(d["occurred_on"])), quarter(str(d["occurred_on"])))]
        else:
            keys = [(d["four_p"], MODEL.vocabularies["FourP"].label(d["four_p"]))]
        for key, name in keys:
            counts[key][d["impact"]] += 1
            names[key] = name
    impacts = MODEL.vocabularies["DisruptionImpact"].values
    out = []
    for key in sorted(counts):
        c = counts[key]
        row: dict[str, Any] = {"key": key, "name": names[key], "total": sum(c.values())}
        row.update({i: c[i] for i in impacts})
        row["worked"] = c["MAJOR"] + c["MODERATE"]
        if by == "area" and key in areas and areas[key].get("population"):
            row["population"] = int(areas[key]["population"])
            row["per_1000"] = round(1000 * row["total"] / row["population"], 3)
        out.append(row)
    population = sum(int(a.get("population") or 0) for a in areas.values())
    total: dict[str, Any] = {"key": "TOTAL", "name": "Force total", "total": len(ledger)}
    total.update({i: sum(1 for d in ledger if d["impact"] == i) for i in impacts})
    total["worked"] = total["MAJOR"] + total["MODERATE"]
    if population:
        total["population"] = population
        total["per_1000"] = round(1000 * len(ledger) / population, 3)
    out.append(total)
    return out
