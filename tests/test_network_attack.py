"""Disruption simulation: hand-checked attack curves in both modes, ties, CSV and chart."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from iom.network import AttackError, attack, remove_people
from iom.network.chart import write_chart


def two_stars() -> nx.Graph:
    """Hub A (leaves a1..a3) tied to hub B (leaves b1, b2): 7 people, one component."""
    return nx.Graph([("A", "a1"), ("A", "a2"), ("A", "a3"), ("A", "B"), ("B", "b1"), ("B", "b2")])


def summary(curve) -> list[tuple]:
    return [(s.k, s.removed, s.lcc_size, s.components, s.isolates) for s in curve.steps]


def test_sequential_degree_attack_by_hand() -> None:
    curve = attack(two_stars(), "degree", "sequential", k=2)
    assert summary(curve) == [
        (0, (), 7, 1, 0),
        (1, ("A",), 3, 4, 3),  # B-b1-b2 left, a1..a3 isolated
        (2, ("B",), 1, 5, 5),
    ]
    assert [s.lcc_fraction for s in curve.steps] == pytest.approx([1, 3 / 7, 1 / 7])


def test_sequential_and_block_differ_and_ties_go_to_natural_order() -> None:
    path = nx.path_graph(5)  # 0-1-2-3-4: 1, 2, 3 tie on degree 2
    seq = attack(path, "degree", "sequential", k=2)
    # removes 1 (tie, lowest id); then 3 is the only degree-2 node left in 2-3-4
    assert summary(seq) == [(0, (), 5, 1, 0), (1, (1,), 3, 2, 1), (2, (3,), 1, 3, 3)]
    block = attack(path, "degree", "block", k=2, block_size=2)
    # one block of the current top two: 1 and 2 (ties in id order), leaving 0 and 3-4
    assert summary(block) == [(0, (), 5, 1, 0), (2, (1, 2), 2, 2, 1)]
    assert block.final.lcc_fraction == pytest.approx(2 / 5)


def test_tie_uses_natural_not_string_order() -> None:
    g = nx.Graph([("P2", "x1"), ("P2", "x2"), ("P10", "y1"), ("P10", "y2")])
    assert attack(g, "degree", k=1).removed == ["P2"]  # string order would pick P10


def test_block_mode_cuts_the_last_block_short() -> None:
    curve = attack(nx.path_graph(9), "degree", "block", k=3, block_size=2)
    assert [s.k for s in curve.steps] == [0, 2, 3]
    assert curve.removed == [1, 2, 4]  # after 1, 2: 3 has degree 1, 4..7 tie on 2


def test_attack_stops_when_nobody_is_left() -> None:
    curve = attack(nx.path_graph(3), "betweenness", k=10)
    assert curve.steps[-1].nodes == 0
    assert curve.steps[-1].lcc_fraction == 0


def test_efficiency_falls_as_people_are_removed() -> None:
    curve = attack(nx.karate_club_graph(), "betweenness", k=3)
    assert curve.steps[0].efficiency == pytest.approx(nx.global_efficiency(nx.karate_club_graph()))
    effs = [s.efficiency for s in curve.steps]
    assert effs == sorted(effs, reverse=True)


def test_weighted_attack_uses_strength() -> None:
    g = nx.Graph()
    g.add_edge("a", "b", weight=10.0, distance=0.1)
    g.add_edge("c", "d", weight=1.0, distance=1.0)
    g.add_edge("c", "e", weight=1.0, distance=1.0)
    assert attack(g, "degree", k=1).removed == ["c"]  # most ties
    assert attack(g, "degree", k=1, weighted=True).removed == ["a"]  # strongest ties


def test_every_attack_centrality_runs_both_modes() -> None:
    g = nx.florentine_families_graph()
    for name in ("degree", "betweenness", "katz", "collective-influence", "pagerank"):
        for mode in ("sequential", "block"):
            curve = attack(g, name, mode, k=4, block_size=2)
            assert curve.final.k == 4
            assert curve.final.lcc_size < 15


def test_chosen_people_are_removed_in_order() -> None:
    curve = remove_people(two_stars(), ["B", "A"])
    assert summary(curve)[1:] == [(1, ("B",), 4, 3, 2), (2, ("A",), 1, 5, 5)]
    with pytest.raises(AttackError, match="not in the network: Z"):
        remove_people(two_stars(), ["Z"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"centrality": "closeness"}, "--centrality: 'closeness'"),
        ({"mode": "random"}, "--mode: 'random'"),
        ({"k": -1}, "--k:"),
        ({"block_size": 0}, "--block-size:"),
    ],
)
def test_bad_arguments_name_the_option(kwargs: dict, message: str) -> None:
    with pytest.raises(AttackError, match=message):
        attack(two_stars(), **kwargs)


def test_curve_csv_and_chart(tmp_path: Path) -> None:
    curve = attack(two_stars(), "degree", "sequential", k=2)
    out = curve.write_csv(tmp_path / "curve.csv")
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0])[:5] == ["k", "removed", "score", "lcc_size", "lcc_fraction"]
    assert [(r["k"], r["removed"], r["lcc_size"], r["components"]) for r in rows] == [
        ("0", "", "7", "1"),
        ("1", "A", "3", "4"),
        ("2", "B", "1", "5"),
    ]
    assert rows[1]["lcc_fraction"] == "0.428571"
    svg = write_chart([curve], tmp_path / "curve.svg", title="<b>kite</b>").read_text()
    assert svg.startswith("<svg") and "polyline" in svg and "&lt;b&gt;kite" in svg
    with pytest.raises(AttackError, match=r"--chart: curve\.png must end in \.svg or \.html"):
        write_chart([curve], tmp_path / "curve.png")
