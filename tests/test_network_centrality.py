"""Centralities and key players against NetworkX and published values on classic graphs."""

from __future__ import annotations

import networkx as nx
import pytest

import iom.network
from iom.network import CENTRALITIES, compute, key_players, rank_nodes
from iom.network.collective_influence import collective_influence
from iom.network.edgelist import add_distances
from iom.network.katz import katz_alpha

GRAPHS = {
    "kite": nx.krackhardt_kite_graph,
    "florentine": nx.florentine_families_graph,
    "karate": nx.karate_club_graph,
}
# NetworkX's defaults, except that unweighted means weight=None (karate carries weights)
NX = {
    "degree": nx.degree_centrality,
    "betweenness": nx.betweenness_centrality,
    "eigenvector": lambda g: nx.eigenvector_centrality(g, max_iter=1000, weight=None),
    "pagerank": lambda g: nx.pagerank(g, weight=None),
    "katz": lambda g: nx.katz_centrality(g, alpha=0.1, max_iter=1000, weight=None),
}


@pytest.mark.parametrize("graph", GRAPHS)
@pytest.mark.parametrize("name", NX)
def test_centrality_matches_networkx_defaults(graph: str, name: str) -> None:
    g = GRAPHS[graph]()
    ours = compute(g, name)
    assert ours == pytest.approx(NX[name](g), abs=1e-9)


def test_published_values_kite_karate_florentine() -> None:
    kite = nx.krackhardt_kite_graph()  # 0 Andre ... 3 Diane, 7 Heather, 8 Ike, 9 Jane
    assert compute(kite, "degree")[3] == pytest.approx(6 / 9)
    b = compute(kite, "betweenness")
    assert b[7] == pytest.approx(14 / 36)  # Heather, normalised by (n-1)(n-2)/2
    assert b[5] == pytest.approx(8.3333333 / 36, abs=1e-6)
    assert b[8] == pytest.approx(8 / 36)
    assert b[9] == 0
    karate = nx.karate_club_graph()
    assert compute(karate, "betweenness")[0] == pytest.approx(0.43763528, abs=1e-6)
    assert compute(karate, "degree")[33] == pytest.approx(17 / 33)
    flo = nx.florentine_families_graph()
    assert compute(flo, "betweenness")["Medici"] == pytest.approx(0.52197802, abs=1e-6)
    assert rank_nodes(compute(flo, "degree"))[0] == "Medici"


@pytest.mark.parametrize("graph", GRAPHS)
def test_weighted_equals_unweighted_when_all_weights_are_one(graph: str) -> None:
    g = GRAPHS[graph]()
    nx.set_edge_attributes(g, 1.0, "weight")
    nx.set_edge_attributes(g, 1.0, "distance")
    for name in ("degree", "betweenness", "pagerank", "katz", "eigenvector"):
        assert compute(g, name, weighted=True) == pytest.approx(compute(g, name), abs=1e-6)


def test_weighted_matches_networkx_on_karate_weights() -> None:
    g = add_distances(nx.karate_club_graph())  # interaction counts as weights
    assert compute(g, "pagerank", weighted=True) == pytest.approx(nx.pagerank(g), abs=1e-9)
    assert compute(g, "eigenvector", weighted=True) == pytest.approx(
        nx.eigenvector_centrality(g, max_iter=1000, weight="weight"), abs=1e-9
    )
    assert compute(g, "betweenness", weighted=True) == pytest.approx(
        nx.betweenness_centrality(g, weight="distance"), abs=1e-9
    )
    strength = dict(g.degree(weight="weight"))
    assert compute(g, "degree", weighted=True)[0] == pytest.approx(strength[0] / 33)


def test_weighted_betweenness_uses_inverse_weight_as_distance() -> None:
    # a-b-c strong (weight 4 each: distance 0.25+0.25) beats the direct weak a-c tie
    g = nx.Graph()
    g.add_edge("a", "b", weight=4.0, distance=0.25)
    g.add_edge("b", "c", weight=4.0, distance=0.25)
    g.add_edge("a", "c", weight=1.0, distance=1.0)
    assert compute(g, "betweenness")["b"] == 0
    assert compute(g, "betweenness", weighted=True)["b"] == 1.0


def test_collective_influence_by_hand_on_the_kite() -> None:
    kite = nx.krackhardt_kite_graph()
    # Heather (7): degree 3; at distance 2: Andre 4, Beverly 4, Carol 3, Diane 6, Ed 3, Jane 1
    assert collective_influence(kite)[7] == (3 - 1) * (3 + 3 + 2 + 5 + 2 + 0)
    assert collective_influence(kite)[9] == 0  # a leaf holds nothing together
    # radius 1: (k_i - 1) * sum of (k_j - 1) over neighbours; Jane's neighbour Ike has degree 2
    assert collective_influence(kite, radius=1)[8] == (2 - 1) * ((3 - 1) + (1 - 1))


@pytest.mark.parametrize("radius", [1, 2, 3])
def test_collective_influence_matches_its_definition_on_karate(radius: int) -> None:
    g = nx.karate_club_graph()
    deg = dict(g.degree())
    expected = {
        i: (deg[i] - 1) * sum(deg[j] - 1 for j in nx.descendants_at_distance(g, i, radius))
        if deg[i] > 1
        else 0
        for i in g
    }
    assert collective_influence(g, radius=radius) == expected


def test_katz_alpha_shrinks_where_networkx_default_would_diverge() -> None:
    dense = nx.complete_graph(30)  # lambda_max 29: alpha 0.1 would not converge
    alpha = katz_alpha(dense)
    assert alpha == pytest.approx(0.9 / 29)
    ours = compute(dense, "katz")
    assert ours == pytest.approx(nx.katz_centrality_numpy(dense, alpha=alpha), abs=1e-6)
    assert katz_alpha(nx.karate_club_graph()) == 0.1


def test_brokerage_counts_open_pairs_across_groups() -> None:
    g = nx.Graph([("x", "a"), ("x", "b"), ("x", "c"), ("x", "d"), ("a", "b")])
    groups = {"a": "OCG1", "b": "OCG2", "c": "OCG2", "d": None}
    # open pairs across groups: (a,c) only; (a,b) are tied, (b,c) same group, d has no group
    assert compute(g, "brokerage", groups=groups)["x"] == 1
    with pytest.raises(iom.network.centrality.UnknownCentrality, match="group"):
        compute(g, "brokerage")


def test_unknown_centrality_is_named() -> None:
    with pytest.raises(iom.network.centrality.UnknownCentrality, match="'closeness'"):
        compute(nx.path_graph(3), "closeness")


def test_tie_break_natural_order_then_higher_score() -> None:
    kite = nx.krackhardt_kite_graph()
    order = rank_nodes(compute(kite, "betweenness"))
    assert order[:4] == [7, 5, 6, 8]  # Fernando (5) and Garth (6) tie: lower id first
    assert rank_nodes({"P10": 2.0, "P2": 2.0, "P1": 1.0 + 1e-12, "P0": 1.0}) == [
        "P2",
        "P10",
        "P0",
        "P1",
    ]


def test_key_players_list_values_and_a_reason() -> None:
    names = {n: f"Person {n}" for n in range(10)}
    players = key_players(nx.krackhardt_kite_graph(), "betweenness", top=3, names=names)
    assert [p.id for p in players] == [7, 5, 6]
    first = players[0]
    assert first.name == "Person 7"
    assert first.values["betweenness"] == pytest.approx(14 / 36)
    assert set(first.values) >= {"degree", "pagerank", "katz", "collective-influence"}
    assert first.reason.startswith("Betweenness 0.389 (1st of 10): lies on many shortest")
    assert "\n" not in first.reason


def test_key_players_with_groups_name_the_bridged_groups() -> None:
    g = nx.Graph([("x", "a"), ("x", "b"), ("a", "a2"), ("b", "b2")])
    groups = {"a": "OCG1", "a2": "OCG1", "b": "OCG2", "b2": "OCG2"}
    top = key_players(g, "brokerage", top=1, groups=groups)[0]
    assert top.id == "x"
    assert top.values["brokerage"] == 1
    assert "tied into 2 groups (OCG1, OCG2)" in top.reason


def test_every_centrality_has_a_label_and_meaning() -> None:
    for c in CENTRALITIES.values():
        assert c.label and c.meaning
