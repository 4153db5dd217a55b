"""Supervisors' reviews of a plan: due dates on the cadence, held or missed, with decisions."""

from __future__ import annotations

from iom.seed.records import pick_one
from iom.seed.world import World

__all__ = ["write_reviews"]

_NOTES = {
    "CONTINUE": (
        "Engaging well; actions on track",
        "Some missed appointments; plan unchanged",
        "Stable accommodation now; focus moves to employment",
    ),
    "ESCALATE": (
        "New arrest for burglary; escalate to enforcement",
        "Disengaged from treatment; multi-agency meeting requested",
    ),
    "DE_SELECT": ("Offending reduced; de-selected from the cohort",),
    "CLOSE": ("Plan closed at the end of the episode",),
}

_DECISIONS = {
    "CONTINUE": (
        "Plan unchanged; housing and treatment actions carried forward",
        "Keep weekly contact; chase the work coach referral",
        "Agreed new due dates for the open actions",
    ),
    "ESCALATE": (
        "Escalate to enforcement: recall to be considered with probation",
        "Multi-agency meeting within a week; drug testing on arrest",
    ),
    "DE_SELECT": ("De-select: no offending for six months and stable housing",),
    "CLOSE": ("Close the plan with the episode; hand over to probation",),
}


def write_reviews(
    w: World,
    plan: str,
    opened: int,
    closed: int | None,
    reviewer: str,
    lapsing: bool,
    gap: tuple[int, int] = (28, 42),
) -> int | None:
    """Reviews every 4-6 weeks from `opened`; returns the next due date (None once closed)."""
    rng = w.rng
    end = closed if closed is not None else w.today
    due = opened + w.randint(*gap)
    prev = opened
    while True:
        if due > end:
            break
        if lapsing and due >= w.today - 70:
            return due
        roll = rng.random()
        if roll < 0.065 and due < end - gap[0]:
            # Missed: the review was due and never held; the next falls due a cycle later.
            rid = w.next_id("REV", 7)
            w.out.node("Review", rid, {"due_on": due, "notes": "Missed: not held by the due date"})
            w.out.rel("HAS_REVIEW", "Plan", plan, "Review", rid)
            w.out.rel("REVIEWED_BY", "Review", rid, "Officer", reviewer)
            due += w.randint(*gap)
            continue
        slip = w.randint(8, 35) if roll < 0.135 else w.randint(-4, 7)
        held = min(max(prev + 1, due + slip), end - 1 if closed else w.today - 1)
        if held <= prev:
            break
        final = closed is not None and held + gap[0] > closed
        outcome = (
            ("DE_SELECT" if rng.random() < 0.5 else "CLOSE")
            if final
            else ("ESCALATE" if rng.random() < 0.12 else "CONTINUE")
        )
        rid = w.next_id("REV", 7)
        w.out.node(
            "Review",
            rid,
            {"due_on": due, "held_on": held, "outcome": outcome, "notes": w.pick(_NOTES[outcome])},
        )
        w.out.rel("HAS_REVIEW", "Plan", plan, "Review", rid)
        w.out.rel("REVIEWED_BY", "Review", rid, "Officer", reviewer)
        w.out.node(
            "ReviewRecord",
            rid,
            {
                "decisions": pick_one(w, _DECISIONS[outcome]),
                "reviewed_by": w.officer_name(reviewer),
            },
        )
        w.out.rel("RECORDED", "Review", rid, "ReviewRecord", rid)
        prev = held
        if final:
            return None
        due = held + w.randint(*gap)
    return None if closed is not None else due
