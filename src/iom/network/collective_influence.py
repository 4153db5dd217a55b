"""Collective influence (Morone & Makse, Nature 2015): who holds the network together.

For radius l (default 2): ``CI_l(i) = (k_i - 1) * sum over j at distance exactly l from i of
(k_j - 1)``, where k is the degree in the *current* network (so a sequential attack that
recomputes it after every removal is Morone & Makse's adaptive algorithm). Unweighted only
by definition: with `weighted=True` the tie weights are ignored (the CLI says so). Values
are raw (not normalised); NetworkX has no implementation, so the tests check it by hand.

>>> import networkx as nx
>>> collective_influence(nx.path_graph(5))  # 0-1-2-3-4
{0: 0, 1: 1, 2: 0, 3: 1, 4: 0}
>>> collective_influence(nx.star_graph(3), radius=1)  # hub 0, leaves 1..3
{0: 0, 1: 0, 2: 0, 3: 0}
"""

from __future__ import annotations

import networkx as nx

__all__ = ["DEFAULT_RADIUS", "collective_influence"]

DEFAULT_RADIUS = 2


def collective_influence(
    graph: nx.Graph, weighted: bool = False, radius: int = DEFAULT_RADIUS
) -> dict:
    """CI at `radius` of every node (weights ignored: the measure is defined on degrees)."""
    if radius < 1:
        raise ValueError("collective influence radius must be 1 or more")
    deg = dict(graph.degree())
    out = {}
    for node in graph:
        if deg[node] <= 1:
            out[node] = 0
            continue
        dist = nx.single_source_shortest_path_length(graph, node, cutoff=radius)
        frontier = sum(deg[j] - 1 for j, d in dist.items() if d == radius)
        out[node] = (deg[node] - 1) * frontier
    return out
