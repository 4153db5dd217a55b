"""The OCG list and an OCG's profile: details, members, owner, band, plan, ledger, decisions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from iom.dates import parse_date
from iom.disruption.assessment import AssessmentRule, explain_band
from iom.disruption.ledger import list_disruptions
from iom.disruption.plans import four_p_plan
from iom.errors import RecordNotFound
from iom.model import person_name, vocab_label
from iom.reference import Reference
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["list_ocgs", "ocg_profile"]


def list_ocgs(
    store: Store, actor: Actor, *, reference: Reference, as_of: date | None = None
) -> list[dict[str, Any]]:
    """Every OCG with band, status, areas, owner, members and when it is next due. Audited."""
    rule = AssessmentRule.from_reference(reference)
    today = as_of or date.today()
    rows = store.read("disruption/ocgs")
    due: dict[str, str] = {}
    for a in store.read("disruption/assessments", {"ocg": None}):
        last = parse_date(a.get("assessed_on"))
        if last is not None:
            due[a["ocg_id"]] = (last + timedelta(days=rule.review_days)).isoformat()
    out = []
    for r in rows:
        owners = [o for o in r.get("owners") or [] if o.get("id")]
        next_due = due.get(r["id"])
        out.append(
            {
                "id": r["id"],
                "name": r["name"],
                "threat": r["threat"],
                "threat_label": vocab_label("SocThreat", r["threat"]),
                "band": r.get("band"),
                "status": r.get("status"),
                "areas": r.get("areas") or [],
                "owner_id": owners[0]["id"] if owners else None,
                "owner": owners[0]["name"] if owners else None,
                "members": r.get("members") or 0,
                "last_assessed_on": r.get("last_assessed_on"),
                "next_due": next_due,
                "assessment_overdue": bool(
                    next_due and r.get("status") != "ARCHIVED" and next_due < today.isoformat()
                ),
            }
        )
    audit.record(store, actor, "CONSULTATION", [r["id"] for r in out], "OCG list")
    return out


def ocg_profile(
    store: Store, actor: Actor, ocg_id: str, *, reference: Reference, today: date | None = None
) -> dict[str, Any]:
    """Everything the OCG profile page and pack show about one OCG. Audited (members too)."""
    found = store.read("disruption/ocg", {"ocg": ocg_id})
    if not found:
        raise RecordNotFound(f"no OCG with id {ocg_id!r}")
    summary = next(r for r in store.read("disruption/ocgs") if r["id"] == ocg_id)
    members = [
        {**m, "name": person_name(m)} for m in store.read("disruption/members", {"ocg": ocg_id})
    ]
    decisions = store.read("disruption/decisions", {"ocg": ocg_id})
    profile = {
        "id": ocg_id,
        "details": found[0]["details"],
        "areas": summary.get("areas") or [],
        "owners": [o for o in summary.get("owners") or [] if o.get("id")],
        "members": members,
        "band": explain_band(store, actor, ocg_id, reference=reference),
        "plan": four_p_plan(store, actor, ocg_id, today=today),
        "ledger": list_disruptions(store, actor, ocg_id),
        "decisions": decisions,
    }
    audit.record(store, actor, "CONSULTATION", [ocg_id, *(m["id"] for m in members)], "OCG profile")
    return profile
