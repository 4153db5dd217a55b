"""OCG assessments: dated on the re-assessment cadence, graded per attribute so that each score
and band follow the force's table (ocg_disruption.yaml)."""

from __future__ import annotations

from itertools import product

from iom.reference import load_reference
from iom.seed.world import Ocg, World

__all__ = ["assessment_rule", "write_assessments"]


_NOTES = {
    "CRIMINALITY_HARM": {
        "HIGH": "Class A supply with serious violence and exploitation of children",
        "MEDIUM": "Steady volume of acquisitive or supply offences; harm mostly local",
        "LOW": "Low-level offending; little harm reported to partners",
    },
    "CAPABILITY": {
        "HIGH": "Access to firearms, cash and corrupt contacts; uses encrypted phones",
        "MEDIUM": "Some resources and vehicles; limited counter-surveillance",
        "LOW": "Few resources; relies on members' own phones and cars",
    },
    "INTENT": {
        "HIGH": "Intends to expand into a rival's market and has used violence to do so",
        "MEDIUM": "Protects its market; threats made but little violence",
        "LOW": "No sign of intent to expand or resist enforcement",
    },
    "GEOGRAPHIC_REACH": {
        "HIGH": "County lines into neighbouring forces and an overseas supplier",
        "MEDIUM": "Works across two policing areas",
        "LOW": "One estate or town centre",
    },
    "NETWORK": {
        "HIGH": "Tied to shared facilitators and two other groups",
        "MEDIUM": "Cohesive core with a changing periphery",
        "LOW": "Loose group; members come and go",
    },
}


def _grade_table(w: World) -> tuple[list[str], list[tuple[float, tuple[str, ...]]]]:
    """Every combination of attribute grades with its score (the rule of ocg_disruption.yaml)."""
    section = load_reference().disruption["assessment"]
    attrs = [(str(a["code"]), float(a["weight"])) for a in section["attributes"]]
    points = {str(k): float(v) for k, v in section["grade_points"].items()}
    top = sum(wt for _, wt in attrs) * max(points.values())
    combos = []
    for grades in product(sorted(points), repeat=len(attrs)):
        total = sum(100 * wt * points[g] / top for (_, wt), g in zip(attrs, grades, strict=True))
        combos.append((round(total, 1), grades))
    return [a for a, _ in attrs], combos


def _band_of(score: float, minimums: list[tuple[str, float]]) -> str:
    for band, minimum in minimums:
        if score >= minimum:
            return band
    return minimums[-1][0]


def _schedule(w: World, ocg: Ocg, review: int) -> list[int]:
    """Assessment days on the re-assessment cadence: first at mapping, then every 4-6 months;
    archived groups stop after archiving, and a minority of live groups are overdue."""
    rng = w.aux
    stop = ocg.active_until + 60 if ocg.status == "ARCHIVED" else w.today - 3
    if ocg.status != "ARCHIVED" and rng.random() < 0.14:
        stop = w.today - review - 3 - int(rng.random() * 75)  # overdue by days to weeks
    days = [ocg.mapped_on]
    while True:
        nxt = days[-1] + review - 45 + int(rng.random() * 41)
        if nxt > min(stop, w.today - 3):
            return days
        days.append(nxt)


def assessment_rule(
    w: World,
) -> tuple[int, list[str], dict[str, list[tuple[float, tuple[str, ...]]]]]:
    """The re-assessment interval, the attribute codes and every grade combination by band."""
    ref = load_reference()
    review = int(ref.disruption["assessment"].get("review_days", 180))
    minimums = sorted(
        ((c, float(b["min_score"])) for c, b in ref.ocg_bands.items()), key=lambda x: -x[1]
    )
    attrs, combos = _grade_table(w)
    by_band: dict[str, list[tuple[float, tuple[str, ...]]]] = {}
    for score, grades in combos:
        by_band.setdefault(_band_of(score, minimums), []).append((score, grades))
    return review, attrs, by_band


def write_assessments(w: World, ocg: Ocg, rule: tuple) -> None:
    """Dated assessments on the cadence, each graded per attribute so that its score and band
    follow the force's table (`iom ocg explain` shows the same band from the grades)."""
    review, attrs, by_band = rule
    coordinator = w.areas[ocg.areas[0]].officers["OCG_COORDINATOR"][0]
    days = _schedule(w, ocg, review)
    trajectory = [band for _day, band, _score in ocg.bands]
    prev_band, prev_grades = None, None
    for k, day in enumerate(days):
        band = trajectory[min(len(trajectory) - 1, k * len(trajectory) // len(days))]
        if k == len(days) - 1:
            band = trajectory[-1]
        options = by_band[band]
        if prev_grades is not None:
            near = min(sum(a != b for a, b in zip(g, prev_grades, strict=True)) for _, g in options)
            options = [
                o
                for o in options
                if sum(a != b for a, b in zip(o[1], prev_grades, strict=True)) == near
            ]
        score, grades = options[int(w.aux.random() * len(options))]
        aid = w.next_id("OCGA", 5)
        size = len(ocg.members)
        if prev_band is None:
            why = f"First mapping ({ocg.activity}); {size} nominals identified"
        elif prev_band == band:
            why = f"Re-scored on the {review}-day cycle: band held at {band}"
        else:
            why = f"Re-scored: band moved from {prev_band} to {band} after new intelligence"
        w.out.node(
            "OCGAssessment",
            aid,
            {
                "assessed_on": day,
                "band": band,
                "score": score,
                "assessed_by": w.officer_name(coordinator),
                "rationale": why,
            },
        )
        w.out.rel("ASSESSED_AS", "OCG", ocg.id, "OCGAssessment", aid)
        for code, grade in zip(attrs, grades, strict=True):
            gid = w.next_id("OCGG", 6)
            note = _NOTES.get(code, {}).get(grade, "")
            w.out.node("AssessmentGrade", gid, {"attribute": code, "grade": grade, "note": note})
            w.out.rel("GRADED", "OCGAssessment", aid, "AssessmentGrade", gid)
        prev_band, prev_grades = band, grades
    ocg.bands[-1] = (days[-1], trajectory[-1], ocg.bands[-1][2])
