"""Emerging groups: co-offending communities that no mapped OCG covers.

Communities are found by Louvain (NetworkX's `louvain_communities`, resolution 1, weighted
by shared offences, with `seed=`). A community of at least `min_size` people is flagged
when none of its members is in a mapped OCG, or when mapped members are fewer than
`max_mapped_share` of it (default 0.5: most members unmapped; a half-mapped group is not
flagged). Flagged communities are ranked
by harm (the sum of members' harm), then cohesion (density of ties inside: 1.0 when
everyone has offended with everyone), then the first member's id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from iom.network.ordering import natural_key

__all__ = ["EmergingGroup", "emerging_groups"]


@dataclass(frozen=True)
class EmergingGroup:
    """A candidate group for the OCG co-ordinator: members, harm, cohesion and why."""

    rank: int
    members: tuple
    names: tuple[str, ...]
    mapped: dict
    harm: float
    cohesion: float
    shared_offences: float
    reason: str

    @property
    def size(self) -> int:
        """Number of people in the community."""
        return len(self.members)


def emerging_groups(
    co_offending: nx.Graph,
    ocg_of: Mapping[Any, str | None],
    harm: Mapping[Any, float],
    *,
    names: Mapping[Any, str] | None = None,
    seed: int | None = 0,
    min_size: int = 3,
    max_mapped_share: float = 0.5,
) -> list[EmergingGroup]:
    """Flag and rank co-offending communities with no, or mostly no, mapped OCG members.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c")])
    >>> [grp.members for grp in emerging_groups(g, {}, {"a": 5})]
    [('a', 'b', 'c')]
    """
    if co_offending.number_of_edges() == 0:
        return []
    communities = nx.community.louvain_communities(co_offending, weight="weight", seed=seed)
    names = names or {}
    found = []
    for community in communities:
        if len(community) < min_size:
            continue
        members = tuple(sorted(community, key=lambda n: (natural_key(n), str(n))))
        mapped = {m: str(ocg_of[m]) for m in members if ocg_of.get(m)}
        share = len(mapped) / len(members)
        if mapped and share >= max_mapped_share:
            continue
        sub = co_offending.subgraph(members)
        cohesion = nx.density(sub)
        shared = sum(w for _, _, w in sub.edges(data="weight", default=1.0))
        total_harm = float(sum(harm.get(m, 0.0) for m in members))
        if not mapped:
            why = f"{len(members)} co-offenders, none in a mapped OCG"
        else:
            ocgs = ", ".join(sorted(set(mapped.values())))
            why = f"{len(members)} co-offenders, only {len(mapped)} in a mapped OCG ({ocgs})"
        why += (
            f"; {shared:g} co-offending ties (weighted), cohesion {cohesion:.2f}, "
            f"harm {total_harm:g}"
        )
        found.append((members, mapped, total_harm, cohesion, shared, why))
    found.sort(key=lambda f: (-f[2], -f[3], natural_key(f[0][0]), str(f[0][0])))
    return [
        EmergingGroup(
            rank=i,
            members=members,
            names=tuple(names.get(m, str(m)) for m in members),
            mapped=mapped,
            harm=total_harm,
            cohesion=cohesion,
            shared_offences=shared,
            reason=why,
        )
        for i, (members, mapped, total_harm, cohesion, shared, why) in enumerate(found, 1)
    ]
