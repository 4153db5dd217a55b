"""Disruption simulation: remove people and measure what is left, step by step.

Two ways to choose who goes:

- **targets**: a list of people chosen by the panel (arrest, remand, relocation), removed
  one at a time in the order given;
- **centrality attack**: the tool chooses by a centrality computed on the whole *current*
  network. Mode ``sequential`` recomputes it after every removal and removes the top one;
  mode ``block`` removes the current top b at once (block size b, default 5), then
  recomputes, and repeats; the last block is cut short so exactly k are removed.

Tie-break (deterministic, `iom.network.ordering`): higher centrality first; values equal
to 9 decimal places are tied, and ties go to the id first in natural order (``P2`` before
``P10``).

The curve has a row for k = 0 (the intact network), then one after each removal
(sequential, targets) or each block (block). ``lcc_fraction`` is the largest component's
size over the *intact* network's largest component.

>>> import networkx as nx
>>> curve = attack(nx.star_graph(3), "degree", k=1)
>>> [(s.k, s.removed, s.lcc_size, s.lcc_fraction) for s in curve.steps]
[(0, (), 4, 1.0), (1, (0,), 1, 0.25)]
"""

from __future__ import annotations

import csv
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from iom.errors import IomError
from iom.network.centrality import ATTACK_CENTRALITIES, compute
from iom.network.collective_influence import DEFAULT_RADIUS
from iom.network.measures import network_measures
from iom.network.ordering import rank_nodes
from iom.text import spreadsheet

__all__ = [
    "CURVE_COLUMNS",
    "DEFAULT_BLOCK_SIZE",
    "MODES",
    "AttackCurve",
    "AttackError",
    "AttackStep",
    "attack",
    "remove_people",
]

MODES = ("sequential", "block")
DEFAULT_BLOCK_SIZE = 5
CURVE_COLUMNS = [
    "k",
    "removed",
    "score",
    "lcc_size",
    "lcc_fraction",
    "components",
    "isolates",
    "efficiency",
    "nodes",
    "ties",
]


class AttackError(IomError):
    """A disruption simulation was asked for something it cannot do."""


@dataclass(frozen=True)
class AttackStep:
    """The network after k removals: who went in this step and what is left."""

    k: int
    removed: tuple
    scores: tuple
    lcc_size: int
    lcc_fraction: float
    components: int
    isolates: int
    efficiency: float | None
    nodes: int
    ties: int

    def row(self) -> dict:
        """The step as a CSV row (ids and scores `;`-joined)."""
        return {
            "k": self.k,
            "removed": ";".join(str(r) for r in self.removed),
            "score": ";".join(f"{s:.6g}" for s in self.scores),
            "lcc_size": self.lcc_size,
            "lcc_fraction": round(self.lcc_fraction, 6),
            "components": self.components,
            "isolates": self.isolates,
            "efficiency": "" if self.efficiency is None else round(self.efficiency, 6),
            "nodes": self.nodes,
            "ties": self.ties,
        }


@dataclass
class AttackCurve:
    """A whole simulation: how people were chosen and the measures after each step."""

    strategy: str
    mode: str
    weighted: bool
    steps: list[AttackStep] = field(default_factory=list)
    remaining: nx.Graph | None = None

    @property
    def removed(self) -> list:
        """Everyone removed, in order."""
        return [r for s in self.steps for r in s.removed]

    @property
    def final(self) -> AttackStep:
        """The last step (what is left at the end)."""
        return self.steps[-1]

    def rows(self) -> list[dict]:
        """The curve as CSV rows."""
        return [s.row() for s in self.steps]

    def write_csv(self, path: str | Path) -> Path:
        """Write the curve to `path` as CSV (columns `CURVE_COLUMNS`; no cell runs as a formula)."""
        out = Path(path)
        with out.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=CURVE_COLUMNS)
            writer.writeheader()
            writer.writerows({k: spreadsheet(v) for k, v in r.items()} for r in self.rows())
        return out


def _step(
    graph: nx.Graph,
    k: int,
    removed: Iterable[Hashable],
    scores: Iterable[float],
    intact_lcc: int,
    weighted: bool,
    efficiency: bool,
) -> AttackStep:
    m = network_measures(graph, weighted, efficiency)
    return AttackStep(
        k=k,
        removed=tuple(removed),
        scores=tuple(scores),
        lcc_size=m["lcc_size"],
        lcc_fraction=m["lcc_size"] / intact_lcc if intact_lcc else 0.0,
        components=m["components"],
        isolates=m["isolates"],
        efficiency=m.get("efficiency"),
        nodes=m["nodes"],
        ties=m["ties"],
    )


def attack(
    graph: nx.Graph,
    centrality: str = "degree",
    mode: str = "sequential",
    k: int = 10,
    *,
    block_size: int = DEFAULT_BLOCK_SIZE,
    weighted: bool = False,
    efficiency: bool = True,
    sample: int | None = None,
    seed: int | None = 0,
    radius: int = DEFAULT_RADIUS,
) -> AttackCurve:
    """Remove up to `k` people chosen by `centrality` (`mode` sequential or block)."""
    if centrality not in ATTACK_CENTRALITIES:
        raise AttackError(
            f"--centrality: {centrality!r} cannot drive an attack; one of "
            + ", ".join(ATTACK_CENTRALITIES)
        )
    if mode not in MODES:
        raise AttackError(f"--mode: {mode!r} is not a mode; one of {', '.join(MODES)}")
    if k < 0:
        raise AttackError("--k: the number of people to remove must be 0 or more")
    if block_size < 1:
        raise AttackError("--block-size: must be 1 or more")
    g = graph.copy()
    intact = _step(g, 0, (), (), 0, weighted, efficiency)
    intact_lcc = intact.lcc_size
    curve = AttackCurve(strategy=centrality, mode=mode, weighted=weighted)
    curve.steps.append(_step(g, 0, (), (), intact_lcc, weighted, efficiency))
    done = 0
    per_step = 1 if mode == "sequential" else block_size
    while done < k and g.number_of_nodes():
        scores = compute(g, centrality, weighted, sample=sample, seed=seed, radius=radius)
        take = rank_nodes(scores)[: min(per_step, k - done)]
        g.remove_nodes_from(take)
        done += len(take)
        curve.steps.append(
            _step(g, done, take, [scores[t] for t in take], intact_lcc, weighted, efficiency)
        )
    curve.remaining = g
    return curve


def remove_people(
    graph: nx.Graph,
    targets: Sequence[Hashable] | Iterable[Hashable],
    *,
    weighted: bool = False,
    efficiency: bool = True,
) -> AttackCurve:
    """Remove the chosen people one at a time, in the order given, measuring after each."""
    targets = list(dict.fromkeys(targets))
    missing = [t for t in targets if t not in graph]
    if missing:
        raise AttackError(f"not in the network: {', '.join(str(m) for m in missing)}")
    g = graph.copy()
    intact_lcc = network_measures(g, weighted, efficiency=False)["lcc_size"]
    curve = AttackCurve(strategy="chosen", mode="sequential", weighted=weighted)
    curve.steps.append(_step(g, 0, (), (), intact_lcc, weighted, efficiency))
    for i, person in enumerate(targets, start=1):
        g.remove_node(person)
        curve.steps.append(_step(g, i, (person,), (), intact_lcc, weighted, efficiency))
    curve.remaining = g
    return curve
