"""A bare page drawing a synthetic network with the explorer's component (for network_view.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import networkx as nx
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from iom.network.edgelist import add_distances
from iom.network.explorer import network_view
from iom.network.projection import Projection
from iom.ui.network_graph import network_graph

n = int(os.environ.get("VIEW_NODES", "2000"))
g = add_distances(nx.barabasi_albert_graph(n, 2, seed=7))
g = nx.relabel_nodes(g, {v: f"P{v}" for v in g})
for _, _, d in g.edges(data=True):
    d["ties"] = {"co-offending": 1}
proj = Projection(graph=g, people={v: {"name": f"Person {v}"} for v in g})
view = network_view(proj, size_by="degree")
clicked = network_graph(view.data(), key="bench", layout_key=f"bench{n}")
st.text(f"clicked: {clicked}")
