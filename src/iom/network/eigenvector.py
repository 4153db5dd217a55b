"""Eigenvector centrality: ties to well-connected people count for more.

NetworkX's `eigenvector_centrality` (power iteration, Euclidean norm 1; up to 1,000
iterations). Weighted, the adjacency entries are the tie weights.

>>> import networkx as nx
>>> round(eigenvector(nx.path_graph(3))[1], 4)
0.7071
"""

from __future__ import annotations

import networkx as nx

__all__ = ["eigenvector"]


def eigenvector(graph: nx.Graph, weighted: bool = False) -> dict:
    """Eigenvector centrality of every node (NetworkX's power iteration)."""
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, 0.0)
    return nx.eigenvector_centrality(graph, max_iter=1000, weight="weight" if weighted else None)
