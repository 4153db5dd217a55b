"""Network analytics benchmark: key players and attacks on the seed force, sampled betweenness
at 100k nodes / 500k edges, each beside a reference measured in the same run.

    python benchmarks/network.py                 # seed force + 100k/500k (a few minutes)
    python benchmarks/network.py --nodes 20000   # quicker synthetic part

Part 1 loads the committed seed force into a fresh embedded store, projects the 2-hop
network around an OCG, ranks key players on every measure and runs a 10-step sequential
betweenness attack; the reference is the cost of the centralities alone (NetworkX called
directly on the same graph). Part 2 builds a preferential-attachment graph (n nodes, 5 ties
each: 100,000 / ~500,000), times `iom.network` sampled betweenness from k sources against
igraph (if installed) from the same k sources, and states the top-100 agreement of sampled
with exact betweenness on a 10,000-node subgraph (exact by igraph if installed, else NetworkX).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from iom.ingest import load_directory  # noqa: E402
from iom.network import attack, key_players  # noqa: E402
from iom.network.betweenness import betweenness  # noqa: E402
from iom.network.katz import katz_alpha  # noqa: E402
from iom.network.projection import project  # noqa: E402
from iom.security.access import SYSTEM  # noqa: E402
from iom.settings import Settings  # noqa: E402
from iom.store import EmbeddedServer, open_store  # noqa: E402

try:
    import igraph
except ImportError:  # the reference falls back to NetworkX
    igraph = None


def clock(func, *args, **kwargs):
    """Run `func` and return (result, seconds)."""
    start = time.perf_counter()
    out = func(*args, **kwargs)
    return out, time.perf_counter() - start


def seed_force(ocg: str) -> None:
    """Part 1: the seed force's OCG neighbourhood."""
    folder = Path(tempfile.mkdtemp(prefix="iom-bench-net-"))
    try:
        store = open_store(Settings(data_dir=folder))
        load_directory(store, REPO / "seed_data", SYSTEM)
        proj, t_proj = clock(project, store, SYSTEM, ocg=ocg)
        g = proj.graph
        print(f"seed force, 2 hops around {ocg}: {g.number_of_nodes()} people, "
              f"{g.number_of_edges()} ties; projection {t_proj:.2f} s")  # fmt: skip
        _, t_key = clock(key_players, g, "betweenness", 10, groups=proj.ocg_of())
        ref_key = 0.0
        for f in (nx.degree_centrality, nx.betweenness_centrality, nx.pagerank):
            ref_key += clock(f, g)[1]
        ref_key += clock(nx.katz_centrality, g, alpha=katz_alpha(g), max_iter=1000, weight=None)[1]
        print(
            f"  key players (6 measures + reasons): {t_key:.3f} s; "
            f"reference, NetworkX degree+betweenness+PageRank+Katz alone: {ref_key:.3f} s"
        )
        curve, t_att = clock(attack, g, "betweenness", "sequential", 10)
        h, ref_att = g.copy(), 0.0
        for _ in range(10):
            scores, t = clock(nx.betweenness_centrality, h)
            ref_att += t
            h.remove_node(max(scores, key=scores.get))
        print(
            f"  10-step sequential betweenness attack: {t_att:.3f} s "
            f"(LCC {curve.steps[0].lcc_size} -> {curve.final.lcc_size}); reference, "
            f"10 NetworkX betweenness runs alone: {ref_att:.3f} s"
        )
        store.close()
    finally:
        EmbeddedServer(folder).stop()
        shutil.rmtree(folder, ignore_errors=True)


def top(scores: dict, n: int = 100) -> set:
    return set(sorted(scores, key=lambda v: (-scores[v], v))[:n])


def synthetic(nodes: int, k: int, sub_nodes: int, sub_k: int, seed: int) -> None:
    """Part 2: sampled betweenness at scale, and its accuracy on a subgraph."""
    g, t_build = clock(nx.barabasi_albert_graph, nodes, 5, seed=seed)
    print(f"\npreferential attachment: {nodes:,} nodes, {g.number_of_edges():,} edges "
          f"(built in {t_build:.1f} s)")  # fmt: skip
    _, t_ours = clock(betweenness, g, sample=k, seed=seed)
    line = f"  sampled betweenness, k={k} sources: iom.network (NetworkX) {t_ours:.1f} s"
    if igraph is not None:
        ig = igraph.Graph(n=nodes, edges=list(g.edges()))
        sources = random.Random(seed).sample(range(nodes), k)
        _, t_ig = clock(ig.betweenness, directed=False, sources=sources)
        line += f"; reference igraph {igraph.__version__}, same k: {t_ig:.1f} s"
    print(line)
    sub = g.subgraph(range(sub_nodes)).copy()  # the oldest nodes: one connected core
    sampled, t_s = clock(betweenness, sub, sample=sub_k, seed=seed)
    if igraph is not None:
        ig = igraph.Graph(n=sub_nodes, edges=list(sub.edges()))
        values, t_exact = clock(ig.betweenness, directed=False)
        exact = dict(enumerate(values))
        how = f"igraph exact {t_exact:.1f} s"
    else:
        exact, t_exact = clock(nx.betweenness_centrality, sub)
        how = f"NetworkX exact {t_exact:.1f} s"
    agree = len(top(sampled) & top(exact))
    print(f"  {sub_nodes:,}-node subgraph ({sub.number_of_edges():,} edges): sampled k={sub_k} "
          f"{t_s:.1f} s vs {how}; top-100 agreement {agree}/100")  # fmt: skip


def main() -> None:
    """Parse arguments and run both parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocg", default="OCG001", help="seed-force OCG to centre on")
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--k", type=int, default=32, help="sources for sampled betweenness")
    parser.add_argument("--sub-nodes", type=int, default=10_000)
    parser.add_argument("--sub-k", type=int, default=256)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-seed-force", action="store_true")
    args = parser.parse_args()
    if not args.skip_seed_force:
        seed_force(args.ocg)
    synthetic(args.nodes, args.k, min(args.sub_nodes, args.nodes), args.sub_k, args.seed)


if __name__ == "__main__":
    main()
