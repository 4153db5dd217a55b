"""The centralities by name: what each measures, in a sentence, and how to compute it.

Every centrality takes the whole current network (all components) and returns a value per
node; `compute` dispatches by name so the CLI, pages and attack simulation share one list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from iom.errors import IomError
from iom.network.betweenness import betweenness
from iom.network.brokerage import brokerage
from iom.network.collective_influence import DEFAULT_RADIUS, collective_influence
from iom.network.degree import degree
from iom.network.eigenvector import eigenvector
from iom.network.katz import katz
from iom.network.pagerank import pagerank

__all__ = ["ATTACK_CENTRALITIES", "CENTRALITIES", "Centrality", "UnknownCentrality", "compute"]


class UnknownCentrality(IomError):
    """A centrality name that is not one of `CENTRALITIES`."""


@dataclass(frozen=True)
class Centrality:
    """One centrality: its name, label, what a high value means, and its function."""

    name: str
    label: str
    meaning: str
    function: Callable[..., dict]
    needs_groups: bool = False
    uses_weights: bool = True


CENTRALITIES: dict[str, Centrality] = {
    c.name: c
    for c in (
        Centrality("degree", "Degree", "has many direct ties", degree),
        Centrality(
            "betweenness",
            "Betweenness",
            "lies on many shortest paths between others",
            betweenness,
        ),
        Centrality(
            "eigenvector", "Eigenvector", "is tied to other well-connected people", eigenvector
        ),
        Centrality("pagerank", "PageRank", "draws ties from well-connected people", pagerank),
        Centrality("katz", "Katz", "reaches many people through short walks", katz),
        Centrality(
            "collective-influence",
            "Collective influence",
            "holds much of the network together (removing them fragments it)",
            collective_influence,
            uses_weights=False,
        ),
        Centrality(
            "brokerage",
            "Brokerage",
            "bridges contacts in different groups",
            brokerage,
            needs_groups=True,
            uses_weights=False,
        ),
    )
}
ATTACK_CENTRALITIES = [n for n, c in CENTRALITIES.items() if not c.needs_groups]


def compute(
    graph: nx.Graph,
    name: str,
    weighted: bool = False,
    *,
    groups: Mapping[Any, str | None] | None = None,
    sample: int | None = None,
    seed: int | None = 0,
    radius: int = DEFAULT_RADIUS,
) -> dict:
    """Compute centrality `name` for every node of `graph`."""
    if name not in CENTRALITIES:
        raise UnknownCentrality(f"unknown centrality {name!r}; one of {', '.join(CENTRALITIES)}")
    if name == "betweenness":
        return betweenness(graph, weighted, sample=sample, seed=seed)
    if name == "collective-influence":
        return collective_influence(graph, radius=radius)
    if name == "brokerage":
        if groups is None:
            raise UnknownCentrality("brokerage needs each person's group (OCG)")
        return brokerage(graph, groups)
    return CENTRALITIES[name].function(graph, weighted)
