"""Network analyses on the store: key players, emerging groups and relatives at risk.

Each function reads through named queries (via `iom.network.projection`), runs the pure
algorithm of its module and audits who was shown. Pages and the CLI call these.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from iom.errors import IomError
from iom.model import vocab_label
from iom.network.emerging import EmergingGroup, emerging_groups
from iom.network.keyplayers import KeyPlayer, key_players
from iom.network.projection import Projection, person_facts, project
from iom.network.relatives import (
    DEFAULT_AGE_BAND,
    DEFAULT_MAX_OFFENCES,
    PersonFacts,
    RelativeAtRisk,
    relatives_at_risk,
)
from iom.reference import Reference, reference_for
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = [
    "SAFEGUARDING_ROLES",
    "SafeguardingAccess",
    "find_emerging_groups",
    "find_relatives_at_risk",
    "store_key_players",
]

SAFEGUARDING_ROLES = (
    "ADMINISTRATOR",
    "ANALYST",
    "IOM_OFFICER",
    "IOM_SUPERVISOR",
    "OCG_COORDINATOR",
)


class SafeguardingAccess(IomError):
    """The actor's role does not handle safeguarding, so relatives at risk are not shown."""


def store_key_players(
    store: Store,
    actor: Actor,
    centrality: str = "betweenness",
    top: int = 10,
    *,
    sample: int | None = None,
    **projection: Any,
) -> tuple[Projection, list[KeyPlayer]]:
    """Project the network (see `project`) and rank its key players, with OCG brokerage."""
    proj = project(store, actor, **projection)
    players = key_players(
        proj.graph,
        centrality,
        top,
        groups=proj.ocg_of(),
        names=proj.names(),
        weighted=proj.weighted,
        sample=sample,
    )
    return proj, players


def _age(dob: str | None, on: date) -> int | None:
    if not dob:
        return None
    try:
        born = date.fromisoformat(str(dob)[:10])
    except ValueError:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _harm(store: Store, ids: list[str], since: str, until: str, reference: Reference) -> dict:
    harm: dict[str, float] = {}
    for row in store.read("network/offence_harm", {"ids": ids, "since": since, "until": until}):
        weight = reference.harm_weights.get(row["offence_type"])
        harm[row["person_id"]] = harm.get(row["person_id"], 0.0) + (
            (weight.css_weight if weight else 0.0) * int(row["offences"])
        )
    return harm


def find_emerging_groups(
    store: Store,
    actor: Actor,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    seed: int | None = 0,
    min_size: int = 3,
    max_mapped_share: float = 0.5,
    reference: Reference | None = None,
) -> list[EmergingGroup]:
    """Co-offending communities with no or few mapped OCG members, ranked by harm (CSS)."""
    proj = project(store, actor, ties=["co-offending"], since=since, until=until)
    ids = sorted(proj.graph.nodes)
    harm = _harm(store, ids, proj.since, proj.until, reference or reference_for()) if ids else {}
    return emerging_groups(
        proj.graph,
        proj.ocg_of(),
        harm,
        names=proj.names(),
        seed=seed,
        min_size=min_size,
        max_mapped_share=max_mapped_share,
    )


def _anchors(store: Store, on: str) -> dict[str, str]:
    anchors: dict[str, str] = {}
    for row in store.read("network/memberships", {"ids": None, "on": on}):
        role = vocab_label("OcgRole", row["role"]).lower() if row.get("role") else "member"
        why = f"{role} member of OCG {row['ocg_name']}"
        anchors[row["person_id"]] = (
            f"{anchors[row['person_id']]}, {why}" if row["person_id"] in anchors else why
        )
    for row in store.read("network/nominals", {"on": on}):
        cohort = vocab_label("IomCohort", row["cohort"]) if row.get("cohort") else ""
        why = f"IOM nominal ({cohort})" if cohort else "IOM nominal"
        anchors[row["person_id"]] = (
            f"{anchors[row['person_id']]}, {why}" if row["person_id"] in anchors else why
        )
    return anchors


def find_relatives_at_risk(
    store: Store,
    actor: Actor,
    *,
    age_band: Sequence[int] = DEFAULT_AGE_BAND,
    max_offences: int = DEFAULT_MAX_OFFENCES,
    on: date | None = None,
) -> list[RelativeAtRisk]:
    """Young relatives/household members of OCG members and nominals; safeguarding roles only."""
    if actor.role not in SAFEGUARDING_ROLES:
        raise SafeguardingAccess(
            f"relatives at risk are shown only to safeguarding roles "
            f"({', '.join(SAFEGUARDING_ROLES)}); you are acting as {actor.role}"
        )
    day = on or date.today()
    anchors = _anchors(store, day.isoformat())
    if not anchors:
        return []
    anchor_ids = sorted(anchors)
    family = [
        (r["a"], r["relation"], r["b"])
        for r in store.read("network/family_links", {"ids": anchor_ids})
    ]
    households = {
        r["household_id"]: list(r["residents"] or [])
        for r in store.read("network/households_of", {"ids": anchor_ids, "on": day.isoformat()})
    }
    ids = sorted(
        {x for a, _, b in family for x in (a, b)}
        | {p for residents in households.values() for p in residents}
        | set(anchor_ids)
    )
    facts = person_facts(store, ids)
    people = {
        pid: PersonFacts(
            name=f["name"],
            age=_age(f.get("date_of_birth"), day),
            gender=f.get("gender"),
            offences=int(f.get("offences") or 0),
        )
        for pid, f in facts.items()
    }
    found = relatives_at_risk(
        people,
        family,
        households,
        anchors,
        age_band=(int(age_band[0]), int(age_band[1])),
        max_offences=max_offences,
    )
    shown = {str(r.id) for r in found} | {str(a) for r in found for a in r.anchors}
    audit.record(
        store,
        actor,
        "CONSULTATION",
        shown,
        f"relatives at risk (ages {age_band[0]}–{age_band[1]}, at most {max_offences} offences)",
    )
    return found
