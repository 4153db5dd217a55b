"""A person's profile: every read is audited as a consultation.

The profile gathers what the force holds about one person (details, flags, offences with
their harm, households, associates, family, OCG memberships, IOM episodes, MAPPA and MARAC
cases) through named queries, so the profile page only renders it. Their cohort score and
their households' scores come from the cohort library (`iom.people.standing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from iom.cohort.episodes import open_on
from iom.errors import RecordNotFound
from iom.model import MODEL, person_name
from iom.reference import Reference, code_label, labelled, reference_for
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Row, Store

__all__ = [
    "FLAGS",
    "FLAG_LABELS",
    "ROLES",
    "PersonProfile",
    "from_persons_view",
    "person_name",
    "person_profile",
]

FLAGS = ("wanted", "on_bail", "failed_to_appear")
FLAG_LABELS = {"wanted": "Wanted", "on_bail": "On bail", "failed_to_appear": "Failed to appear"}
ROLES = {
    "CONVICTED_OF": "CONVICTED",
    "SUSPECT_IN": "SUSPECT",
    "VICTIM_IN": "VICTIM",
    "WITNESS_IN": "WITNESS",
}
_ROLE_ORDER = list(ROLES.values())
ROLE_LABELS = {
    "CONVICTED": "Convicted",
    "SUSPECT": "Suspect",
    "VICTIM": "Victim",
    "WITNESS": "Witness",
}
_INVERSE = {
    "PARENT": "CHILD",
    "CHILD": "PARENT",
    "GRANDPARENT": "GRANDCHILD",
    "GRANDCHILD": "GRANDPARENT",
}


@dataclass(frozen=True)
class PersonProfile:
    """Everything the profile page shows about one person, as plain values."""

    id: str
    name: str
    details: dict[str, Any]
    labels: list[str]
    flags: dict[str, bool]
    offences: list[dict[str, Any]]
    households: list[dict[str, Any]]
    associates: list[dict[str, Any]]
    family: list[dict[str, Any]]
    ocgs: list[dict[str, Any]]
    episodes: list[dict[str, Any]]
    cases: list[dict[str, Any]]
    linked: dict[str, str] = field(default_factory=dict)
    reference: Reference | None = field(default=None, repr=False, compare=False)

    @property
    def fictional(self) -> bool:
        """True for a person of the fictional seed force."""
        return _truthy(self.details.get("fictional"))

    def current_episode(self, as_of: date | None = None) -> dict[str, Any] | None:
        """The IOM episode open on `as_of` (today by default), if any."""
        day = as_of or date.today()
        open_now = [e for e in self.episodes if open_on(e.get("start_on"), e.get("end_on"), day)]
        return max(open_now, key=lambda e: e.get("start_on") or "", default=None)

    def current_cases(self, as_of: date | None = None) -> list[dict[str, Any]]:
        """MAPPA cases open on `as_of` (today by default) and every MARAC case heard."""
        day = as_of or date.today()
        return [
            c
            for c in self.cases
            if c["kind"] == "MARAC" or open_on(c.get("start_on"), c.get("end_on"), day)
        ]

    def current_ocgs(self, as_of: date | None = None) -> list[dict[str, Any]]:
        """OCG memberships open on `as_of` (today by default): begun, and no `until` yet."""
        day = as_of or date.today()
        return [g for g in self.ocgs if open_on(g.get("since"), g.get("until"), day)]

    def arrangements(self, as_of: date | None = None) -> list[str]:
        """What the person is managed under on `as_of`, one phrase each, labels not codes."""
        out = []
        for case in self.current_cases(as_of):
            if case["kind"] == "MAPPA":
                category = code_label("MappaCategory", case.get("category"))
                level = code_label("MappaLevel", case.get("level"))
                out.append(f"MAPPA {category}, {level}")
            else:
                out.append(f"MARAC {case.get('heard_on') or ''}".strip())
        for group in self.current_ocgs(as_of):
            out.append(f"OCG {code_label('OcgRole', group.get('role'))}: {group['name']}")
        return out

    def raised_flags(self) -> list[str]:
        """The labels of the flags that are set (wanted, on bail, failed to appear)."""
        return [FLAG_LABELS[flag] for flag, on in self.flags.items() if on]

    def detail(self, key: str) -> str:
        """A detail as people read it: a code as its label, nothing as an empty string."""
        value = self.details.get(key)
        vocab = _PERSON_VOCABS.get(key)
        if value is None:
            return ""
        return code_label(vocab, value, self.reference) if vocab else str(value)

    def shown(self, section: str) -> list[dict[str, Any]]:
        """The rows of one section (offences, ocgs, episodes...) with codes shown as labels."""
        rows = labelled(getattr(self, section), SECTION_VOCABS.get(section, {}), self.reference)
        if section == "offences":
            for row in rows:
                row["role"] = ROLE_LABELS.get(row["role"], row["role"])
                row["roles"] = [ROLE_LABELS.get(r, r) for r in row["roles"]]
        return rows


def _vocab(owner: str, prop: str) -> str:
    """The vocabulary of a label's or relationship type's property, from the model."""
    spec = MODEL.labels[owner] if owner in MODEL.labels else MODEL.relationships[owner]
    vocab = spec.properties[prop].vocab
    assert vocab, f"{owner}.{prop} has no vocabulary"
    return vocab


_PERSON_VOCABS = {
    p.name: p.vocab for p in MODEL.labels["Person"].properties.values() if p.vocab is not None
}
SECTION_VOCABS: dict[str, dict[str, str]] = {
    "offences": {
        "offence_type": _vocab("Offence", "offence_type"),
        "outcome": _vocab("Offence", "outcome"),
        "detection": _vocab("Offence", "detection"),
    },
    "associates": {"source": _vocab("ASSOCIATES_WITH", "source")},
    "family": {"relation": _vocab("RELATED_TO", "relation")},
    "ocgs": {
        "role": _vocab("MEMBER_OF", "role"),
        "threat": _vocab("OCG", "threat"),
        "band": _vocab("OCG", "band"),
        "status": _vocab("OCG", "status"),
    },
    "episodes": {"cohort": _vocab("IomEpisode", "cohort")},
    "cases": {
        "role": _vocab("SUBJECT_OF", "role"),
        "category": _vocab("MappaCase", "category"),
        "level": _vocab("MappaCase", "level"),
        "criterion": _vocab("MaracCase", "criterion"),
    },
}


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def from_persons_view(relation: str | None, person_is_start: bool) -> str | None:
    """What the relative is to the person: RELATED_TO reads 'start is the <relation> of end'.

    >>> from_persons_view("PARENT", person_is_start=True)   # the person is the parent
    'CHILD'
    >>> from_persons_view("PARENT", person_is_start=False)  # the relative is the parent
    'PARENT'
    """
    if relation is None or not person_is_start:
        return relation
    return _INVERSE.get(relation, relation)


def _offences(rows: list[Row], reference: Reference) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        role = ROLES.get(row["relationship"], row["relationship"])
        entry = merged.get(row["id"])
        if entry is None:
            weight = reference.harm_weights.get(row.get("offence_type") or "")
            entry = {k: v for k, v in row.items() if k != "relationship"}
            entry.update(
                roles=[],
                cchi_days=weight.cchi_days if weight else None,
                css_weight=weight.css_weight if weight else None,
            )
            merged[row["id"]] = entry
        entry["roles"].append(role)
        if row.get("convicted_on"):
            entry["convicted_on"] = row["convicted_on"]
    out = []
    for entry in merged.values():
        entry["roles"] = sorted(set(entry["roles"]), key=_ROLE_ORDER.index)
        entry["role"] = entry["roles"][0]
        out.append(entry)
    return out


def _family(rows: list[Row]) -> list[dict[str, Any]]:
    """One entry per relative and relation, though a tie may be recorded both ways."""
    out: dict[tuple[str, str | None], dict[str, Any]] = {}
    for row in rows:
        relation = from_persons_view(row.get("relation"), bool(row.get("person_is_start")))
        out.setdefault(
            (row["id"], relation),
            {
                "id": row["id"],
                "name": person_name(row),
                "relation": relation,
                "date_of_birth": row.get("date_of_birth"),
                "ocgs": row.get("ocgs") or [],
            },
        )
    return list(out.values())


def _cases(rows: list[Row]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        kind = "MAPPA" if "MappaCase" in (row.get("labels") or []) else "MARAC"
        out.append({"kind": kind, **{k: v for k, v in row.items() if k != "labels"}})
    return out


def _linked(profile: PersonProfile) -> dict[str, str]:
    """Everyone else whose name the profile shows, id -> "Name (how linked)"."""
    linked: dict[str, str] = {}
    for row in profile.associates:
        linked[row["id"]] = f"{row['name']} (associate)"
    for row in profile.family:
        relation = code_label("Relation", row["relation"]) if row["relation"] else "relative"
        linked[row["id"]] = f"{row['name']} ({relation.lower()})"
    for household in profile.households:
        for resident in household.get("residents") or []:
            linked.setdefault(resident["id"], f"{resident['name']} (lives at the same address)")
    linked.pop(profile.id, None)
    return linked


def person_profile(
    store: Store, actor: Actor, person_id: str, *, reference: Reference | None = None
) -> PersonProfile:
    """One person's profile; raises RecordNotFound for an unknown id. Audited."""
    params = {"id": person_id}
    found = store.read("people/details", params)
    if not found:
        raise RecordNotFound(f"no person with id {person_id!r}")
    reference = reference or reference_for()
    details = dict(found[0]["details"] or {})
    associates = [
        {**row, "name": person_name(row)} for row in store.read("people/associates", params)
    ]
    profile = PersonProfile(
        id=person_id,
        name=person_name(details),
        details=details,
        labels=list(found[0]["labels"] or []),
        flags={flag: _truthy(details.get(flag)) for flag in FLAGS},
        offences=_offences(store.read("people/offences", params), reference),
        households=store.read("people/households", params),
        associates=associates,
        family=_family(store.read("people/family", params)),
        ocgs=store.read("people/ocgs", params),
        episodes=store.read("people/episodes", params),
        cases=_cases(store.read("people/cases", params)),
        reference=reference,
    )
    profile = replace(profile, linked=_linked(profile))
    detail = f"person profile of {person_id}"
    if profile.linked:
        detail += f" (with {len(profile.linked)} linked people's names)"
    audit.record(store, actor, "CONSULTATION", {person_id, *profile.linked}, detail)
    return profile
