"""Network position: PageRank or sampled betweenness on the network package's projection.

The ties are the network package's (`iom.network.projection`: one named query per tie
type): co-offending and association in the scoring window, family, and household (read for
the window, kept between people living together on the day scored: `co_resident`); which of
these is configured in cohort.yaml (`network.projections`). The graph is built by
`iom.network.projection.build_graph`, unweighted, and measured with `iom.network.pagerank`
or `iom.network.betweenness`. Scores are scaled so the average person in the graph has 1
(PageRank) or by the largest value (betweenness); the result says which method ran and, for
betweenness, the sample size.

>>> ties = pd.DataFrame({"a": ["a", "a", "b"], "b": ["b", "c", "c"], "kind": ["family"] * 3})
>>> position = network_position(ties, ["family"], "pagerank")
>>> position.values.round(2).tolist(), position.method
([1.0, 1.0, 1.0], 'PageRank over 3 people and 3 ties (family)')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from iom.network.betweenness import betweenness
from iom.network.pagerank import pagerank
from iom.network.projection import build_graph

__all__ = ["NetworkPosition", "co_resident", "network_position"]


@dataclass(frozen=True)
class NetworkPosition:
    """Each person's network score (index: person id) and a sentence on how it was made."""

    values: pd.Series
    method: str


def co_resident(ties: pd.DataFrame, residents: pd.DataFrame) -> pd.DataFrame:
    """`ties` with household ties kept only between people living at the same household in
    `residents` (rows of person_id, household_id: the residences current on the day scored).
    """
    home = ties["kind"] == "household"
    if not home.any():
        return ties
    current = residents[["person_id", "household_id"]].drop_duplicates()
    pairs = current.merge(current, on="household_id")
    together = set(zip(pairs["person_id_x"], pairs["person_id_y"], strict=True))
    keep = [
        not is_home or (a, b) in together
        for a, b, is_home in zip(ties["a"], ties["b"], home, strict=True)
    ]
    return ties[keep]


def network_position(
    ties: pd.DataFrame,
    projections: Sequence[str],
    method: str = "pagerank",
    *,
    sample: int = 1000,
    seed: int = 7,
) -> NetworkPosition:
    """Scores for everyone on the projection made of the `projections` tie types.

    `ties` has one row per tie (a, b, kind = the network package's tie type).
    """
    chosen = ties[ties["kind"].isin(list(projections))]
    rows = (
        (kind, {"a": a, "b": b})
        for a, b, kind in zip(chosen["a"], chosen["b"], chosen["kind"], strict=True)
    )
    graph = build_graph(rows, weighted=False)
    kinds = ", ".join(projections)
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n == 0:
        return NetworkPosition(pd.Series(dtype=float), f"no ties of the kinds {kinds}")
    if method == "betweenness":
        k = min(sample, n)
        values = pd.Series(betweenness(graph, sample=k, seed=seed), dtype=float)
        top = values.max()
        values = values / top if top > 0 else values
        how = f"sampled from {k} of {n} people" if k < n else "exact"
        label = f"betweenness ({how}) over {n} people and {m} ties ({kinds}), scaled to the highest"
        return NetworkPosition(values.sort_index(), label)
    values = pd.Series(pagerank(graph), dtype=float) * n
    label = f"PageRank over {n} people and {m} ties ({kinds})"
    return NetworkPosition(values.sort_index(), label)
