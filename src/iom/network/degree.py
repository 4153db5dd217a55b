"""Degree centrality: how many direct ties a person has.

Unweighted it is NetworkX's `degree_centrality` (degree / (n - 1)). Weighted it is the
*strength* (sum of tie weights) divided by (n - 1), so an unweighted graph gives the same
numbers either way.

>>> import networkx as nx
>>> degree(nx.path_graph(3))
{0: 0.5, 1: 1.0, 2: 0.5}
"""

from __future__ import annotations

import networkx as nx

__all__ = ["degree"]


def degree(graph: nx.Graph, weighted: bool = False) -> dict:
    """Degree (or, weighted, strength) over n - 1 for every node."""
    n = graph.number_of_nodes()
    if not weighted:
        return nx.degree_centrality(graph)
    scale = 1.0 / (n - 1) if n > 1 else 1.0
    return {v: d * scale for v, d in graph.degree(weight="weight")}
