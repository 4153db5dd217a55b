"""The tactic library, grouped by the menu of tactics' six areas, and suggestions that learn.

For an OCG, tactics are ranked by what has worked against groups of the same threat in the
force's own ledger: the share of major and moderate outcomes, then how often tried, with the
disruptions behind each figure shown. The co-ordinator's recorded advice is shown beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iom.disruption.common import config, new_id, parse_day, raise_problems
from iom.disruption.links import existing, link
from iom.errors import RecordNotFound
from iom.model import MODEL, vocab_label
from iom.reference import Reference
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "TacticSuggestion",
    "latest_advice",
    "record_advice",
    "suggest_tactics",
    "tactic_library",
]


def tactic_library(store: Store, *, reference: Reference) -> dict[str, list[dict[str, Any]]]:
    """Every tactic by area (in the menu's order), with owner agency type and legal basis."""
    bases = config(reference, "tactics").get("legal_bases") or {}
    areas = MODEL.vocabularies["TacticArea"].values
    out: dict[str, list[dict[str, Any]]] = {a: [] for a in areas}
    for t in store.read("disruption/tactics"):
        basis = bases.get(t["name"]) or ""
        out.setdefault(t.get("tactic_area") or "", []).append(
            {
                **t,
                "legal_basis": basis or "not recorded",
                "owner_label": vocab_label("PartnerType", t.get("owner_type")),
                "area_label": vocab_label("TacticArea", t.get("tactic_area")),
            }
        )
    return out


@dataclass(frozen=True)
class TacticSuggestion:
    """A tactic with its record against same-threat OCGs and the disruptions behind it."""

    tactic_id: str
    name: str
    tactic_area: str
    owner_type: str | None
    tries: int
    worked: int
    share: float | None
    advised: bool
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """The figures in words."""
        if not self.tries:
            text = "not yet tried against groups with this activity"
        else:
            text = (
                f"worked (major or moderate) {self.worked} of {self.tries} times ({self.share:.0%})"
            )
        return text + ("; advised by the co-ordinator" if self.advised else "")


def suggest_tactics(
    store: Store, actor: Actor, ocg_id: str, *, reference: Reference
) -> tuple[list[TacticSuggestion], str, dict[str, Any] | None]:
    """Tactics ranked on the ledger's history for same-threat OCGs; the rule; the advice."""
    rules = config(reference, "tactics")
    worked_grades = set(rules.get("worked") or ["MAJOR", "MODERATE"])
    min_tries = int(rules.get("min_tries", 1))
    found = store.read("disruption/ocg", {"ocg": ocg_id})
    if not found:
        raise RecordNotFound(f"no OCG with id {ocg_id!r}")
    threat = found[0]["details"].get("threat")
    ledger = [
        d for d in store.read("disruption/disruptions", {"ocg": None}) if d["threat"] == threat
    ]
    advice = latest_advice(store, ocg_id)
    advised = {t["id"] for t in (advice or {}).get("tactics", [])}
    evidence: dict[str, list[dict[str, Any]]] = {}
    for d in ledger:
        for t in d.get("tactics") or []:
            if t.get("id"):
                evidence.setdefault(t["id"], []).append(
                    {
                        "disruption_id": d["id"],
                        "occurred_on": d["occurred_on"],
                        "ocg_id": d["ocg_id"],
                        "ocg_name": d["ocg_name"],
                        "impact": d["impact"],
                        "impact_label": vocab_label("DisruptionImpact", d["impact"]),
                        "rationale": d.get("impact_rationale"),
                    }
                )
    out = []
    for t in store.read("disruption/tactics"):
        ev = sorted(evidence.get(t["id"], []), key=lambda e: str(e["occurred_on"]), reverse=True)
        tries = len(ev)
        worked = sum(1 for e in ev if e["impact"] in worked_grades)
        out.append(
            TacticSuggestion(
                t["id"],
                t["name"],
                t.get("tactic_area") or "",
                t.get("owner_type"),
                tries,
                worked,
                worked / tries if tries else None,
                t["id"] in advised,
                ev,
            )
        )

    def key(s: TacticSuggestion) -> tuple:
        ranked = s.tries >= min_tries
        return (not ranked, -(s.share or 0.0) if ranked else 0.0, -s.tries, not s.advised, s.name)

    out.sort(key=key)
    label = vocab_label("SocThreat", threat).lower()
    rule = (
        f"ranked by the share of {'/'.join(sorted(worked_grades)).lower()} outcomes in the "
        f"ledger against {label} OCGs (this one included), then by times tried; tactics tried "
        f"fewer than {min_tries} time(s) follow, co-ordinator's advice first"
    )
    audit.record(store, actor, "CONSULTATION", [ocg_id], "tactic suggestions")
    return out, rule, advice


def latest_advice(store: Store, ocg_id: str) -> dict[str, Any] | None:
    """The newest co-ordinator's advice for an OCG, tactics in the order given."""
    rows = store.read("disruption/advice", {"ocg": ocg_id})
    if not rows:
        return None
    row = dict(rows[0])
    row["tactics"] = sorted(
        (t for t in row.get("tactics") or [] if t.get("id")),
        key=lambda t: t.get("position") or 0,
    )
    return row


def record_advice(
    store: Store,
    actor: Actor,
    ocg_id: str,
    officer_id: str,
    advice: str,
    tactic_ids: Sequence[str],
    *,
    given_on: date | str | None = None,
) -> str:
    """Record the co-ordinator's tactic advice for an OCG with the tactics in order. Audited."""
    problems: list[str] = []
    if not advice.strip():
        problems.append("advice: say what the co-ordinator advises")
    day = parse_day(given_on, "date", problems) or date.today()
    if not existing(store, "OCG", [ocg_id]):
        problems.append(f"OCG: no OCG with id {ocg_id!r}")
    if not existing(store, "Officer", [officer_id]):
        problems.append(f"co-ordinator: no officer with id {officer_id!r}")
    known = existing(store, "Tactic", tactic_ids)
    problems += [f"tactic: no tactic with id {t!r}" for t in tactic_ids if t not in known]
    raise_problems("tactic advice", problems)
    advice_id = new_id("ADV")
    with store.transaction() as tx:
        tx.write(
            "disruption/record_advice",
            {
                "ocg": ocg_id,
                "officer": officer_id,
                "id": advice_id,
                "given_on": day.isoformat(),
                "advice": advice.strip(),
            },
        )
        rows = [(advice_id, t, {"position": n}) for n, t in enumerate(tactic_ids, start=1)]
        link(tx, "RECOMMENDS", "TacticAdvice", "Tactic", rows)
        audit.record(tx, actor, "COLLECTION", [ocg_id], f"tactic advice {advice_id}")
    return advice_id
