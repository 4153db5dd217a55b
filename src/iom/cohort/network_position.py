"""Network position: PageRank or sampled betweenness on the person-to-person projection.

The projection joins people who offended together, are associated, are family, or live in
the same household now (which of these is configurable). Scores are scaled so the average
person in the graph has 1 (PageRank) or by the largest value (betweenness); the result says
which method ran and, for betweenness, the sample size.

>>> edges = pd.DataFrame({"a": ["a", "a", "b"], "b": ["b", "c", "c"], "kind": ["family"] * 3})
>>> position = network_position(edges, ["family"], "pagerank")
>>> position.values.round(2).tolist(), position.method
([1.0, 1.0, 1.0], 'PageRank over 3 people and 3 ties (family)')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import pandas as pd

__all__ = ["NetworkPosition", "household_ties", "network_position"]


@dataclass(frozen=True)
class NetworkPosition:
    """Each person's network score (index: person id) and a sentence on how it was made."""

    values: pd.Series
    method: str


def household_ties(residences: pd.DataFrame) -> pd.DataFrame:
    """Pairs of people living at the same household now (a, b, kind='household')."""
    current = residences[residences["to_on"].astype("string").fillna("") == ""]
    pairs = current.merge(current, on="household_id", suffixes=("_a", "_b"))
    pairs = pairs[pairs["person_id_a"] < pairs["person_id_b"]]
    return pd.DataFrame(
        {"a": pairs["person_id_a"], "b": pairs["person_id_b"], "kind": "household"}
    ).drop_duplicates()


def network_position(
    ties: pd.DataFrame,
    projections: Sequence[str],
    method: str = "pagerank",
    *,
    sample: int = 1000,
    seed: int = 7,
) -> NetworkPosition:
    """Scores for everyone on the projection made of the `projections` tie kinds."""
    chosen = ties[ties["kind"].isin(list(projections))]
    graph = nx.Graph()
    graph.add_edges_from(zip(chosen["a"], chosen["b"], strict=True))
    kinds = ", ".join(projections)
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n == 0:
        return NetworkPosition(pd.Series(dtype=float), f"no ties of the kinds {kinds}")
    if method == "betweenness":
        k = min(sample, n)
        scores = nx.betweenness_centrality(graph, k=k if k < n else None, seed=seed)
        values = pd.Series(scores, dtype=float)
        top = values.max()
        values = values / top if top > 0 else values
        how = f"sampled from {k} of {n} people" if k < n else "exact"
        label = f"betweenness ({how}) over {n} people and {m} ties ({kinds}), scaled to the highest"
        return NetworkPosition(values.sort_index(), label)
    values = pd.Series(nx.pagerank(graph), dtype=float) * n
    label = f"PageRank over {n} people and {m} ties ({kinds})"
    return NetworkPosition(values.sort_index(), label)
