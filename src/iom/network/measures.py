"""What is left of a network: the measures a disruption simulation reports.

- ``lcc_size``: people in the largest connected component;
- ``components``: connected components (an isolated person is a component of one);
- ``isolates``: people with no tie left;
- ``efficiency``: global efficiency (Latora & Marchiori), the mean of 1/d(u, v) over all
  ordered pairs (0 for unreachable pairs) — NetworkX's `global_efficiency` unweighted;
  weighted, d is the shortest path by `distance` = 1/weight.

>>> import networkx as nx
>>> network_measures(nx.path_graph(3))["efficiency"]
0.8333333333333334
"""

from __future__ import annotations

import networkx as nx

__all__ = ["global_efficiency", "network_measures"]


def global_efficiency(graph: nx.Graph, weighted: bool = False) -> float:
    """Global efficiency; weighted by `distance` (1/weight) when asked."""
    n = graph.number_of_nodes()
    if n < 2:
        return 0.0
    if not weighted:
        return nx.global_efficiency(graph)
    total = 0.0
    for _, lengths in nx.all_pairs_dijkstra_path_length(graph, weight="distance"):
        total += sum(1.0 / d for d in lengths.values() if d > 0)
    return total / (n * (n - 1))


def network_measures(graph: nx.Graph, weighted: bool = False, efficiency: bool = True) -> dict:
    """lcc_size, components, isolates, nodes, ties and (optionally) efficiency of `graph`."""
    comps = [len(c) for c in nx.connected_components(graph)]
    out = {
        "nodes": graph.number_of_nodes(),
        "ties": graph.number_of_edges(),
        "lcc_size": max(comps, default=0),
        "components": len(comps),
        "isolates": sum(1 for _, d in graph.degree() if d == 0),
    }
    if efficiency:
        out["efficiency"] = global_efficiency(graph, weighted)
    return out
