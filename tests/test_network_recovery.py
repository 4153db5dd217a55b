"""Recovery after disruption: reproducible by seed, ties grown by the documented rules."""

from __future__ import annotations

import networkx as nx

from iom.network import compare_strategies, recover


def test_recovery_is_reproducible_by_seed() -> None:
    g = nx.karate_club_graph()
    first = recover(g, [0, 33], steps=15, seed=7)
    again = recover(g, [0, 33], steps=15, seed=7)
    assert first.added == again.added
    assert first.after == again.after
    others = {tuple(recover(g, [0, 33], steps=15, seed=s).added) for s in range(5)}
    assert len(others) > 1  # the seed matters


def test_triadic_closure_joins_former_contacts_of_the_removed() -> None:
    g = nx.karate_club_graph()
    contacts = set(g[0]) | set(g[33])
    r = recover(g, [0, 33], steps=10, seed=1, triadic_share=1.0)
    assert len(r.added) == 10
    for a, b, kind in r.added:
        assert kind == "triadic"
        assert {a, b} <= contacts
        assert not g.has_edge(a, b)  # only new ties


def test_preferential_attachment_from_orphans() -> None:
    g = nx.star_graph(4)  # hub 0
    g.add_edge(5, 6)
    r = recover(g, [0], steps=3, seed=3, triadic_share=0.0)
    assert all(kind == "preferential" and a in {1, 2, 3, 4} for a, _, kind in r.added)
    assert r.before["lcc_size"] == 2 and r.after["lcc_size"] > 2


def test_recovery_regrows_a_star() -> None:
    r = recover(nx.star_graph(3), [0], steps=2, seed=1, triadic_share=1.0)
    assert (r.before["lcc_size"], r.after["lcc_size"]) == (1, 3)
    assert r.lcc_fraction_after == 3 / 4


def test_strategies_compared_net_of_recovery() -> None:
    g = nx.karate_club_graph()
    results = compare_strategies(
        g,
        [("degree", "sequential"), ("betweenness", "block")],
        k=4,
        steps=6,
        chosen={"panel choice": [10, 11, 12, 13]},
        seed=0,
        runs=3,
    )
    assert [r.strategy for r in results][-1] == "panel choice"  # peripheral people: least effect
    fractions = [r.lcc_fraction_recovered for r in results]
    assert fractions == sorted(fractions)
    for r in results:
        assert r.lcc_fraction_recovered >= r.lcc_fraction_attack - 1e-9  # recovery only adds ties
        assert r.net_reduction == 1 - r.lcc_fraction_recovered
    again = compare_strategies(g, [("degree", "sequential")], k=4, steps=6, seed=0, runs=3)
    assert (
        again[0].lcc_fraction_recovered
        == next(r for r in results if r.strategy == "degree (sequential)").lcc_fraction_recovered
    )
