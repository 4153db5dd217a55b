"""Key players: people ranked by a centrality, with every centrality's value and a reason.

The ranking follows the tie-break rule of `iom.network.ordering`. Each person's reason is
one line: the chosen measure's value and rank and what a high value means, plus the other
measures on which they are also in the top three (and, with groups, which OCGs they bridge).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from iom.network.brokerage import groups_reached
from iom.network.centrality import CENTRALITIES, compute
from iom.network.ordering import rank_nodes

__all__ = ["DEFAULT_MEASURES", "KeyPlayer", "key_players"]

DEFAULT_MEASURES = ("degree", "betweenness", "pagerank", "katz", "collective-influence")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class KeyPlayer:
    """One person in the ranked list: rank, values of every measure, ranks, and the reason."""

    rank: int
    id: Hashable
    name: str
    values: dict[str, float]
    ranks: dict[str, int]
    reason: str
    groups: tuple[str, ...] = ()

    def row(self) -> dict:
        """A flat row (for tables, CSV and JSON)."""
        out = {"rank": self.rank, "id": str(self.id), "name": self.name}
        out.update({k: round(v, 6) for k, v in self.values.items()})
        out["reason"] = self.reason
        return out


def key_players(
    graph: nx.Graph,
    centrality: str = "betweenness",
    top: int = 10,
    *,
    measures: Sequence[str] = DEFAULT_MEASURES,
    groups: Mapping[Any, str | None] | None = None,
    names: Mapping[Any, str] | None = None,
    weighted: bool = False,
    sample: int | None = None,
    seed: int | None = 0,
) -> list[KeyPlayer]:
    """The `top` people by `centrality`, each with all `measures` and a one-line reason.

    >>> import networkx as nx
    >>> [p.id for p in key_players(nx.krackhardt_kite_graph(), "betweenness", top=2)]
    [7, 5]
    """
    wanted = list(dict.fromkeys([centrality, *measures]))
    if groups is not None and "brokerage" not in wanted:
        wanted.append("brokerage")
    values = {
        m: compute(graph, m, weighted, groups=groups, sample=sample, seed=seed) for m in wanted
    }
    orders = {m: rank_nodes(v) for m, v in values.items()}
    positions = {m: {n: i + 1 for i, n in enumerate(o)} for m, o in orders.items()}
    chosen = CENTRALITIES[centrality]
    total = graph.number_of_nodes()
    out = []
    for i, node in enumerate(orders[centrality][:top], start=1):
        also = [CENTRALITIES[m].label.lower() for m in wanted
                if m != centrality and positions[m][node] <= 3 and values[m][node] > 0]  # fmt: skip
        value = values[centrality][node]
        reason = f"{chosen.label} {value:.3g} ({_ordinal(i)} of {total}): " + (
            chosen.meaning if value > 0 else "none on this measure; listed by the tie-break rule"
        )
        if also:
            reason += "; also top 3 by " + ", ".join(also)
        reached: tuple[str, ...] = ()
        if groups is not None:
            reached = tuple(sorted(groups_reached(graph, node, groups)))
            if len(reached) > 1:
                reason += f"; tied into {len(reached)} groups ({', '.join(reached)})"
        out.append(
            KeyPlayer(
                rank=i,
                id=node,
                name=(names or {}).get(node, str(node)),
                values={m: float(values[m][node]) for m in wanted},
                ranks={m: positions[m][node] for m in wanted},
                reason=reason,
                groups=reached,
            )
        )
    return out
