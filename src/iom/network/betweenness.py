"""Betweenness centrality: how often a person lies on the shortest paths between others.

NetworkX's `betweenness_centrality` with its default normalisation (``normalized=True``:
for an undirected graph of n nodes, the pair count is divided by (n - 1)(n - 2) / 2, so
values lie in [0, 1]). Weighted, path length is the sum of `distance` = 1/weight (a strong
tie is a short one). With `sample=k`, NetworkX's sampled estimate from k source nodes,
drawn with `seed` (the result says so: pass ``sample=None`` for exact values).

>>> import networkx as nx
>>> betweenness(nx.path_graph(3))
{0: 0.0, 1: 1.0, 2: 0.0}
"""

from __future__ import annotations

import networkx as nx

__all__ = ["betweenness"]


def betweenness(
    graph: nx.Graph, weighted: bool = False, sample: int | None = None, seed: int | None = 0
) -> dict:
    """Normalised betweenness of every node (exact, or sampled from `sample` sources)."""
    k = sample if sample and sample < graph.number_of_nodes() else None
    return nx.betweenness_centrality(
        graph, k=k, normalized=True, weight="distance" if weighted else None, seed=seed
    )
