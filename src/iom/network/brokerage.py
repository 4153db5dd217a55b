"""Brokerage between groups: people whose ties bridge two different OCGs (or groups).

Gould & Fernandez (1989) count a person as broker of every *open* pair of contacts (two
contacts not tied to each other). On an undirected network, counting only the pairs whose
two contacts belong to **different** groups keeps the roles that bridge groups (liaison,
and gatekeeper/representative); the coordinator role (both contacts in one group) and
contacts with no known group are left out. Raw counts, not normalised.

>>> import networkx as nx
>>> g = nx.Graph([("a", "x"), ("b", "x"), ("c", "x")])
>>> brokerage(g, {"a": "OCG1", "b": "OCG2", "c": "OCG2"})["x"]
2
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

__all__ = ["brokerage", "groups_reached"]


def brokerage(graph: nx.Graph, groups: Mapping[Any, str | None], weighted: bool = False) -> dict:
    """Open pairs of contacts in different known groups, per node (weights not used)."""
    out = {}
    for node in graph:
        count = 0
        contacts = [n for n in graph[node] if groups.get(n)]
        for j, k in combinations(contacts, 2):
            if groups[j] != groups[k] and not graph.has_edge(j, k):
                count += 1
        out[node] = count
    return out


def groups_reached(graph: nx.Graph, node: Hashable, groups: Mapping[Any, str | None]) -> set:
    """The distinct known groups among a node's contacts."""
    return {groups[n] for n in graph[node] if groups.get(n)}
