"""PageRank: a random walk's long-run share of time at each person.

NetworkX's `pagerank` with its defaults (damping alpha = 0.85, tolerance 1e-6, values sum
to 1). Weighted, the walk follows ties in proportion to their weight.

>>> import networkx as nx
>>> round(sum(pagerank(nx.path_graph(4)).values()), 6)
1.0
"""

from __future__ import annotations

import networkx as nx

__all__ = ["pagerank"]


def pagerank(graph: nx.Graph, weighted: bool = False) -> dict:
    """PageRank of every node (alpha 0.85, NetworkX's defaults)."""
    if graph.number_of_nodes() == 0:
        return {}
    return nx.pagerank(graph, alpha=0.85, weight="weight" if weighted else None)
