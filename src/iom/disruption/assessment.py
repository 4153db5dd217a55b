"""OCG assessments: graded attributes -> a 0–100 score -> a band from the force's table.

The attribute set, their weights, the points per grade and the re-assessment interval are in
`ocg_disruption.yaml`; each band's `min_score` is in `ocg_bands.yaml`. Every band shown comes
with its parts and the rule that made it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from iom.dates import parse_date
from iom.disruption.common import (
    check_vocab,
    config,
    new_id,
    parse_day,
    raise_problems,
)
from iom.errors import ConfigError, RecordNotFound
from iom.model import vocab_label
from iom.reference import Reference
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Row, Store

__all__ = [
    "Assessment",
    "AssessmentRule",
    "Attribute",
    "BandExplanation",
    "Scored",
    "assessments_due",
    "band_history",
    "explain_band",
    "record_assessment",
]


@dataclass(frozen=True)
class Attribute:
    """One graded attribute of an OCG (e.g. capability) and its weight in the score."""

    code: str
    label: str
    weight: float
    description: str = ""


@dataclass(frozen=True)
class Scored:
    """A score with its parts (one per attribute) and the band the table gives it."""

    score: float
    band: str
    parts: list[dict[str, Any]]
    rule: str


@dataclass(frozen=True)
class AssessmentRule:
    """The force's assessment table: attributes, points per grade, bands by minimum score."""

    attributes: tuple[Attribute, ...]
    grade_points: dict[str, float]
    bands: tuple[tuple[str, float], ...]  # (band, min_score), highest minimum first
    review_days: int
    due_soon_days: int

    @classmethod
    def from_reference(cls, reference: Reference) -> AssessmentRule:
        """Read and check the table from the force's reference files."""
        section = config(reference, "assessment")
        try:
            attributes = tuple(
                Attribute(
                    str(a["code"]),
                    str(a.get("label") or a["code"]),
                    float(a["weight"]),
                    str(a.get("description", "")),
                )
                for a in section["attributes"]
            )
            points = {str(k): float(v) for k, v in section["grade_points"].items()}
            bands = tuple(
                sorted(
                    ((code, float(b["min_score"])) for code, b in reference.ocg_bands.items()),
                    key=lambda item: -item[1],
                )
            )
            review_days = int(section.get("review_days", 180))
            due_soon = int(section.get("due_soon_days", 28))
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"OCG assessment table is incomplete or not numeric ({e})") from None
        if not attributes or sum(a.weight for a in attributes) <= 0:
            raise ConfigError("ocg_disruption.yaml: assessment needs attributes with weights")
        if not bands or bands[-1][1] > 0:
            raise ConfigError("ocg_bands.yaml: one band must start at min_score 0")
        return cls(attributes, points, bands, review_days, due_soon)

    @property
    def rule(self) -> str:
        """The rule in words, shown beside every score."""
        weights = ", ".join(f"{a.label} ×{a.weight:g}" for a in self.attributes)
        points = ", ".join(f"{vocab_label('AttributeGrade', g)} {p:g}" for g, p in self._points())
        table = ", ".join(f"{b} ≥ {m:g}" for b, m in self.bands)
        return (
            f"score = 100 × Σ(weight × grade points) / Σ(weight × {self._top():g}); "
            f"weights: {weights}; points: {points}; bands: {table}"
        )

    def _points(self) -> list[tuple[str, float]]:
        return sorted(self.grade_points.items(), key=lambda item: -item[1])

    def _top(self) -> float:
        return max(self.grade_points.values())

    def band_for(self, score: float) -> str:
        """The band whose minimum is the highest one not above `score`."""
        for band, minimum in self.bands:
            if score >= minimum:
                return band
        return self.bands[-1][0]

    def check(self, grades: Mapping[str, str], problems: list[str]) -> None:
        """Note every attribute missing, unknown or graded outside the vocabulary."""
        known = {a.code for a in self.attributes}
        for code in grades:
            if code not in known:
                problems.append(f"attribute {code!r} is not one of {', '.join(sorted(known))}")
        for a in self.attributes:
            if a.code not in grades:
                problems.append(f"{a.label} ({a.code}) needs a grade")
            else:
                check_vocab("AttributeGrade", grades[a.code], f"{a.label} grade", problems)

    def score(self, grades: Mapping[str, str]) -> Scored:
        """The score and band of a complete, valid set of grades, part by part."""
        problems: list[str] = []
        self.check(grades, problems)
        raise_problems("assessment", problems)
        top = sum(a.weight for a in self.attributes) * self._top()
        parts, total = [], 0.0
        for a in self.attributes:
            points = self.grade_points[grades[a.code]]
            contribution = 100 * a.weight * points / top
            total += contribution
            parts.append(
                {
                    "attribute": a.code,
                    "label": a.label,
                    "grade": grades[a.code],
                    "grade_label": vocab_label("AttributeGrade", grades[a.code]),
                    "points": points,
                    "weight": a.weight,
                    "contribution": round(contribution, 1),
                }
            )
        score = round(total, 1)
        return Scored(score, self.band_for(score), parts, self.rule)


@dataclass(frozen=True)
class Assessment:
    """One stored assessment of an OCG."""

    ocg_id: str
    id: str
    assessed_on: str
    band: str
    score: float | None
    assessed_by: str | None
    rationale: str | None
    grades: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    next_due: str | None = None

    @classmethod
    def from_row(cls, row: Row, review_days: int) -> Assessment:
        """From a `disruption/assessments` row; next due is `review_days` after it."""
        given = [g for g in row.get("grades") or [] if g.get("attribute")]
        grades = {g["attribute"]: g["grade"] for g in given}
        notes = {g["attribute"]: g.get("note") or "" for g in given}
        day = parse_date(row.get("assessed_on"))
        return cls(
            row["ocg_id"],
            row["id"],
            str(row["assessed_on"]),
            row["band"],
            row.get("score"),
            row.get("assessed_by"),
            row.get("rationale"),
            grades,
            notes,
            (day + timedelta(days=review_days)).isoformat() if day else None,
        )


def _ocg_exists(store: Store, ocg_id: str) -> None:
    if not store.read("disruption/ocg", {"ocg": ocg_id}):
        raise RecordNotFound(f"no OCG with id {ocg_id!r}")


def record_assessment(
    store: Store,
    actor: Actor,
    ocg_id: str,
    grades: Mapping[str, str],
    *,
    reference: Reference,
    notes: Mapping[str, str] | None = None,
    assessed_on: date | str | None = None,
    assessed_by: str | None = None,
    rationale: str = "",
    today: date | None = None,
) -> tuple[Assessment, Scored]:
    """Grade an OCG's attributes, score and band them, and store it all (or nothing). Audited."""
    rule = AssessmentRule.from_reference(reference)
    problems: list[str] = []
    grades = {str(k).strip().upper(): str(v).strip().upper() for k, v in grades.items()}
    rule.check(grades, problems)
    day = parse_day(assessed_on, "assessed on", problems) or (today or date.today())
    if day > (today or date.today()):
        problems.append(f"assessed on: {day} is in the future")
    raise_problems("assessment", problems)
    _ocg_exists(store, ocg_id)
    scored = rule.score(grades)
    given_notes = {str(k).strip().upper(): str(v) for k, v in (notes or {}).items()}
    row = {
        "ocg": ocg_id,
        "id": new_id("OCGA"),
        "assessed_on": day.isoformat(),
        "band": scored.band,
        "score": scored.score,
        "assessed_by": assessed_by or actor.user,
        "rationale": rationale,
        "grades": [
            {
                "id": new_id("OCGG"),
                "attribute": a.code,
                "grade": grades[a.code],
                "note": given_notes.get(a.code, ""),
            }
            for a in rule.attributes
        ],
    }
    store.write("disruption/record_assessment", row)
    audit.record(
        store, actor, "COLLECTION", [ocg_id], f"OCG assessment {row['id']}: band {scored.band}"
    )
    stored = Assessment.from_row({**row, "ocg_id": ocg_id}, rule.review_days)
    return stored, scored


def _assessments(store: Store, ocg_id: str | None, review_days: int) -> list[Assessment]:
    rows = store.read("disruption/assessments", {"ocg": ocg_id})
    return [Assessment.from_row(r, review_days) for r in rows]


def band_history(
    store: Store, actor: Actor, ocg_id: str, *, reference: Reference
) -> list[dict[str, Any]]:
    """An OCG's assessments oldest first, each with the band before it and the change. Audited."""
    _ocg_exists(store, ocg_id)
    rule = AssessmentRule.from_reference(reference)
    out, previous = [], None
    for a in _assessments(store, ocg_id, rule.review_days):
        change = "first" if previous is None else ("same" if previous == a.band else "changed")
        out.append({**a.__dict__, "previous_band": previous, "change": change})
        previous = a.band
    audit.record(store, actor, "CONSULTATION", [ocg_id], "OCG band history")
    return out


@dataclass(frozen=True)
class BandExplanation:
    """Why an OCG has its band: the latest assessment's parts, the rule, and the history."""

    ocg_id: str
    band: str | None
    score: float | None
    assessed_on: str | None
    parts: list[dict[str, Any]]
    rule: str
    table_band: str | None
    note: str
    history: list[dict[str, Any]]
    next_due: str | None


def explain_band(
    store: Store, actor: Actor, ocg_id: str, *, reference: Reference
) -> BandExplanation:
    """The band of an OCG and why (parts, rule, band table, history). Audited."""
    rule = AssessmentRule.from_reference(reference)
    history = band_history(store, actor, ocg_id, reference=reference)
    details = store.read("disruption/ocg", {"ocg": ocg_id})[0]["details"]
    if not history:
        return BandExplanation(
            ocg_id,
            details.get("band"),
            None,
            None,
            [],
            rule.rule,
            None,
            "never assessed here: record an assessment with `iom ocg assess`",
            [],
            None,
        )
    latest = history[-1]
    parts: list[dict[str, Any]] = []
    if latest["grades"] and set(latest["grades"]) == {a.code for a in rule.attributes}:
        scored = rule.score(latest["grades"])
        parts = [{**p, "note": latest["notes"].get(p["attribute"], "")} for p in scored.parts]
    score = latest["score"]
    table_band = rule.band_for(float(score)) if score is not None else None
    if not parts:
        note = "scored before attribute grades were recorded: band from the stored score"
    else:
        note = "band from the attribute grades below"
    if table_band and table_band != latest["band"]:
        note += f"; today's table would give {table_band} (the table changed since)"
    next_due = latest.get("next_due")
    return BandExplanation(
        ocg_id,
        latest["band"],
        score,
        latest["assessed_on"],
        parts,
        rule.rule,
        table_band,
        note,
        history,
        next_due,
    )


def assessments_due(
    store: Store, actor: Actor, *, reference: Reference, as_of: date | None = None
) -> list[dict[str, Any]]:
    """Live OCGs whose next assessment is overdue or due soon, most overdue first. Audited."""
    rule = AssessmentRule.from_reference(reference)
    today = as_of or date.today()
    latest: dict[str, Assessment] = {}
    for a in _assessments(store, None, rule.review_days):
        latest[a.ocg_id] = a
    out = []
    for ocg in store.read("disruption/ocgs"):
        if ocg.get("status") == "ARCHIVED":
            continue
        last = latest.get(ocg["id"])
        due = parse_date(last.next_due) if last else None
        if due is None:
            out.append(
                {
                    "id": ocg["id"],
                    "name": ocg["name"],
                    "due_on": None,
                    "days": None,
                    "state": "never assessed",
                }
            )
            continue
        days = (due - today).days
        if days <= rule.due_soon_days:
            state = "overdue" if days < 0 else "due soon"
            out.append(
                {
                    "id": ocg["id"],
                    "name": ocg["name"],
                    "due_on": due.isoformat(),
                    "days": days,
                    "state": state,
                }
            )
    out.sort(key=lambda r: (r["days"] is not None, r["days"] if r["days"] is not None else 0))
    audit.record(store, actor, "CONSULTATION", [r["id"] for r in out], "OCG assessments due")
    return out
