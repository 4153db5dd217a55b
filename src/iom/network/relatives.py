"""Relatives at risk (early intervention): young family and household members of OCG
members and IOM nominals who have little or no offending of their own.

A person is listed when their age is inside the band (default 10–24, inclusive), they have
at most `max_offences` recorded offences (default 1: "little or no offending"), they are
not themselves an OCG member or nominal (an *anchor*), and they are either family of an
anchor or live in a household with one. Each entry carries the path that explains it, as
a sentence (``younger brother of A (principal member of OCG X); lives at H1 with 2
offenders: A, B``). Ranked by the number of anchors they are linked to, then offenders in
their household, then youngest first, then id.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from iom.network.ordering import natural_key

__all__ = ["DEFAULT_AGE_BAND", "PersonFacts", "RelativeAtRisk", "relatives_at_risk"]

DEFAULT_AGE_BAND = (10, 24)
DEFAULT_MAX_OFFENCES = 1
_WORDS = {
    "SIBLING": ("brother", "sister", "sibling"),
    "CHILD": ("son", "daughter", "child"),
    "GRANDCHILD": ("grandson", "granddaughter", "grandchild"),
    "PARENT": ("father", "mother", "parent"),
    "GRANDPARENT": ("grandfather", "grandmother", "grandparent"),
    "PARTNER": ("partner", "partner", "partner"),
    "EX_PARTNER": ("ex-partner", "ex-partner", "ex-partner"),
    "COUSIN": ("cousin", "cousin", "cousin"),
    "OTHER_FAMILY": ("relative", "relative", "relative"),
}
_AGED = {"SIBLING", "COUSIN"}


@dataclass(frozen=True)
class PersonFacts:
    """What the rule needs to know about a person."""

    name: str
    age: int | None = None
    gender: str | None = None
    offences: int = 0


@dataclass(frozen=True)
class RelativeAtRisk:
    """A young person to consider for early intervention, and why."""

    id: Hashable
    name: str
    age: int
    offences: int
    anchors: tuple
    household_offenders: int
    paths: tuple[str, ...] = field(default_factory=tuple)

    @property
    def sentence(self) -> str:
        """The explaining paths as one sentence."""
        return "; ".join(self.paths)


def _relation_word(relation: str, me: PersonFacts, other: PersonFacts) -> str:
    male, female, neutral = _WORDS.get(relation, ("relative",) * 3)
    word = {"MALE": male, "FEMALE": female}.get((me.gender or "").upper(), neutral)
    if relation in _AGED and me.age is not None and other.age is not None and me.age != other.age:
        word = ("younger " if me.age < other.age else "older ") + word
    return word


def relatives_at_risk(
    people: Mapping[Any, PersonFacts],
    family: Iterable[tuple[Hashable, str, Hashable]],
    households: Mapping[Any, Sequence[Hashable]],
    anchors: Mapping[Any, str],
    *,
    age_band: tuple[int, int] = DEFAULT_AGE_BAND,
    max_offences: int = DEFAULT_MAX_OFFENCES,
) -> list[RelativeAtRisk]:
    """List young relatives/household members of `anchors` (id -> why they matter).

    `family` holds ``(a, relation, b)``: a is the <relation> (model vocabulary) of b.

    >>> people = {"A": PersonFacts("Ann Smith", 30, "FEMALE", 9),
    ...           "B": PersonFacts("Ben Smith", 15, "MALE", 0)}
    >>> anchors = {"A": "principal member of OCG X"}
    >>> r = relatives_at_risk(people, [("B", "SIBLING", "A")], {}, anchors)
    >>> r[0].sentence
    'younger brother of Ann Smith (principal member of OCG X)'
    """
    lo, hi = age_band
    if lo > hi:
        raise ValueError(f"age band {lo}–{hi}: the lower age must not exceed the upper")

    def eligible(pid: Hashable) -> bool:
        p = people.get(pid)
        return (
            p is not None
            and pid not in anchors
            and p.age is not None
            and lo <= p.age <= hi
            and p.offences <= max_offences
        )

    paths: dict[Hashable, list[str]] = {}
    linked: dict[Hashable, set] = {}
    seen = set()
    for a, relation, b in family:
        if b in anchors and eligible(a) and (a, b) not in seen:
            seen.add((a, b))
            word = _relation_word(relation, people[a], people.get(b, PersonFacts(str(b))))
            name = people[b].name if b in people else str(b)
            paths.setdefault(a, []).append(f"{word} of {name} ({anchors[b]})")
            linked.setdefault(a, set()).add(b)
    offenders_at: dict[Hashable, int] = {}
    for hh in sorted(households, key=lambda h: (natural_key(h), str(h))):
        residents = list(dict.fromkeys(households[hh]))
        hh_anchors = [r for r in residents if r in anchors]
        if not hh_anchors:
            continue
        for pid in residents:
            if not eligible(pid):
                continue
            offenders = [
                r for r in residents
                if r != pid and (r in anchors or (r in people and people[r].offences > 0))
            ]  # fmt: skip
            shown = ", ".join(people[r].name if r in people else str(r) for r in offenders)
            noun = "offender" if len(offenders) == 1 else "offenders"
            paths.setdefault(pid, []).append(
                f"lives at household {hh} with {len(offenders)} {noun}: {shown}"
            )
            linked.setdefault(pid, set()).update(hh_anchors)
            offenders_at[pid] = max(offenders_at.get(pid, 0), len(offenders))
    out = [
        RelativeAtRisk(
            id=pid,
            name=people[pid].name,
            age=people[pid].age or 0,
            offences=people[pid].offences,
            anchors=tuple(sorted(linked[pid], key=lambda n: (natural_key(n), str(n)))),
            household_offenders=offenders_at.get(pid, 0),
            paths=tuple(found),
        )
        for pid, found in paths.items()
    ]
    out.sort(
        key=lambda r: (-len(r.anchors), -r.household_offenders, r.age, natural_key(r.id), str(r.id))
    )
    return out
