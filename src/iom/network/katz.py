"""Katz centrality: walks of every length to a person, longer ones damped by alpha.

NetworkX's `katz_centrality` (beta = 1, normalized = True, power iteration up to 1,000
steps). NetworkX's default alpha = 0.1 only converges when alpha < 1/lambda_max (the
largest eigenvalue of the adjacency matrix), so the alpha used is
``min(0.1, 0.9 / lambda_max)``: 0.1 on sparse networks (every classic test graph here),
smaller on dense ones. `katz_alpha` returns the alpha for a graph.

>>> import networkx as nx
>>> round(katz_alpha(nx.complete_graph(30)), 6)  # 0.9 / lambda_max = 0.9 / 29
0.031034
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse.linalg as sla

__all__ = ["DEFAULT_ALPHA", "katz", "katz_alpha"]

DEFAULT_ALPHA = 0.1


def katz_alpha(graph: nx.Graph, weighted: bool = False) -> float:
    """The damping used: NetworkX's 0.1, or 0.9/lambda_max where 0.1 would not converge."""
    if graph.number_of_edges() == 0:
        return DEFAULT_ALPHA
    a = nx.to_scipy_sparse_array(graph, weight="weight" if weighted else None, dtype=float)
    if a.shape[0] <= 200:
        lam = float(np.max(np.linalg.eigvalsh(a.toarray())))
    else:
        lam = float(sla.eigsh(a, k=1, which="LA", return_eigenvectors=False)[0])
    return min(DEFAULT_ALPHA, 0.9 / lam) if lam > 0 else DEFAULT_ALPHA


def katz(graph: nx.Graph, weighted: bool = False) -> dict:
    """Katz centrality of every node (beta 1, normalised, alpha from `katz_alpha`)."""
    if graph.number_of_nodes() == 0:
        return {}
    return nx.katz_centrality(
        graph,
        alpha=katz_alpha(graph, weighted),
        beta=1.0,
        max_iter=1000,
        normalized=True,
        weight="weight" if weighted else None,
    )
