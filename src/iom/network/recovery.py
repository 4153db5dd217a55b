"""Recovery after a disruption: the network re-forming for T steps, and strategies compared.

Model (one new tie per step, drawn with ``random.Random(seed)``):

- the *orphans* are the surviving former contacts of the removed people;
- with probability `triadic_share` (default 0.5) a step is **triadic closure**: two orphans
  who shared a removed contact, and are not yet tied, form a tie (the pair drawn uniformly
  from all such open pairs);
- otherwise it is **preferential attachment**: an orphan (drawn uniformly) ties to another
  surviving person not yet tied to them, drawn with probability proportional to degree + 1;
- when no triadic pair is open the step is preferential; when nothing is possible the
  recovery stops early. Candidates are listed in natural id order before drawing, so the
  same `seed` always gives the same new ties.

`compare_strategies` runs each strategy's attack, then `runs` recoveries (seeds
seed, seed+1, ...), and ranks strategies by the LCC fraction left *after* recovery (lower
is better: the disruption that the network does not repair), then by the LCC fraction right
after the attack, then by name.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from statistics import mean

import networkx as nx

from iom.network.attack import DEFAULT_BLOCK_SIZE, AttackCurve, attack, remove_people
from iom.network.measures import network_measures
from iom.network.ordering import natural_key

__all__ = [
    "DEFAULT_STEPS",
    "Recovery",
    "StrategyResult",
    "compare_strategies",
    "recover",
]

DEFAULT_STEPS = 10
DEFAULT_TRIADIC_SHARE = 0.5
DEFAULT_STRATEGIES = (("degree", "sequential"), ("betweenness", "sequential"))


@dataclass
class Recovery:
    """The re-formed network, the ties it grew (with how), and its measures."""

    graph: nx.Graph
    added: list[tuple[Hashable, Hashable, str]] = field(default_factory=list)
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    intact_lcc: int = 0

    @property
    def lcc_fraction_after(self) -> float:
        """LCC after recovery over the intact network's LCC."""
        return self.after["lcc_size"] / self.intact_lcc if self.intact_lcc else 0.0


def _sorted(nodes: Iterable[Hashable]) -> list:
    return sorted(nodes, key=lambda n: (natural_key(n), str(n)))


def recover(
    original: nx.Graph,
    removed: Iterable[Hashable],
    steps: int = DEFAULT_STEPS,
    *,
    seed: int | None = 0,
    triadic_share: float = DEFAULT_TRIADIC_SHARE,
    weighted: bool = False,
    efficiency: bool = True,
) -> Recovery:
    """Grow `steps` new ties on `original` minus `removed` (see the module's model).

    >>> import networkx as nx
    >>> r = recover(nx.star_graph(3), [0], steps=2, seed=1)
    >>> r.before["lcc_size"], r.after["lcc_size"], [kind for *_, kind in r.added]
    (1, 3, ['triadic', 'triadic'])
    """
    removed = set(removed)
    g = original.copy()
    g.remove_nodes_from(removed)
    rng = random.Random(seed)
    intact_lcc = network_measures(original, efficiency=False)["lcc_size"]
    orphans = _sorted({n for r in removed if r in original for n in original[r]} - removed)
    triads: list[tuple] = []
    seen = set()
    for r in _sorted(x for x in removed if x in original):
        contacts = _sorted(n for n in original[r] if n not in removed)
        for a, b in combinations(contacts, 2):
            if frozenset((a, b)) not in seen:
                seen.add(frozenset((a, b)))
                triads.append((a, b))
    result = Recovery(graph=g, before=network_measures(g, weighted, efficiency))
    result.intact_lcc = intact_lcc
    people = _sorted(g.nodes)
    for _ in range(steps):
        open_triads = [(a, b) for a, b in triads if not g.has_edge(a, b)]
        if open_triads and rng.random() < triadic_share:
            a, b = open_triads[rng.randrange(len(open_triads))]
            kind = "triadic"
        else:
            sources = orphans or people
            if not sources:
                break
            a = sources[rng.randrange(len(sources))]
            candidates = [v for v in people if v != a and not g.has_edge(a, v)]
            if not candidates:
                if not open_triads:
                    break
                a, b = open_triads[rng.randrange(len(open_triads))]
                kind = "triadic"
            else:
                weights = [g.degree(v) + 1 for v in candidates]
                b = rng.choices(candidates, weights=weights, k=1)[0]
                kind = "preferential"
        g.add_edge(a, b, weight=1.0, distance=1.0)
        result.added.append((a, b, kind))
    result.after = network_measures(g, weighted, efficiency)
    return result


@dataclass
class StrategyResult:
    """One strategy's effect: right after the disruption, and net of recovery."""

    strategy: str
    removed: list
    lcc_fraction_attack: float
    lcc_fraction_recovered: float
    components_attack: int
    components_recovered: float
    efficiency_attack: float | None
    efficiency_recovered: float | None
    runs: int

    @property
    def net_reduction(self) -> float:
        """Share of the intact LCC still broken off after recovery (higher is better)."""
        return 1.0 - self.lcc_fraction_recovered


def _result(
    name: str,
    curve: AttackCurve,
    graph: nx.Graph,
    steps: int,
    seed: int | None,
    runs: int,
    weighted: bool,
    efficiency: bool,
) -> StrategyResult:
    removed = curve.removed
    recs = [
        recover(graph, removed, steps, seed=None if seed is None else seed + i,
                weighted=weighted, efficiency=efficiency)
        for i in range(runs)
    ]  # fmt: skip
    eff = [float(r.after["efficiency"]) for r in recs if r.after.get("efficiency") is not None]
    return StrategyResult(
        strategy=name,
        removed=removed,
        lcc_fraction_attack=curve.final.lcc_fraction,
        lcc_fraction_recovered=mean(r.lcc_fraction_after for r in recs),
        components_attack=curve.final.components,
        components_recovered=mean(r.after["components"] for r in recs),
        efficiency_attack=curve.final.efficiency,
        efficiency_recovered=mean(eff) if efficiency and len(eff) == len(recs) else None,
        runs=runs,
    )


def compare_strategies(
    graph: nx.Graph,
    strategies: Sequence[tuple[str, str]] = DEFAULT_STRATEGIES,
    k: int = 5,
    steps: int = DEFAULT_STEPS,
    *,
    chosen: Mapping[str, Sequence[Hashable]] | None = None,
    block_size: int = DEFAULT_BLOCK_SIZE,
    seed: int | None = 0,
    runs: int = 5,
    weighted: bool = False,
    efficiency: bool = True,
) -> list[StrategyResult]:
    """Attack with each (centrality, mode) and each named chosen list, recover, and rank."""
    out = []
    for centrality, mode in strategies:
        curve = attack(graph, centrality, mode, k, block_size=block_size, weighted=weighted,
                       efficiency=efficiency, seed=seed)  # fmt: skip
        name = f"{centrality} ({mode})"
        out.append(_result(name, curve, graph, steps, seed, runs, weighted, efficiency))
    for name, people in (chosen or {}).items():
        curve = remove_people(graph, people, weighted=weighted, efficiency=efficiency)
        out.append(_result(name, curve, graph, steps, seed, runs, weighted, efficiency))
    return sorted(out, key=lambda r: (r.lcc_fraction_recovered, r.lcc_fraction_attack, r.strategy))
