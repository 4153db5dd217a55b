"""The explorer's view and its standalone HTML export (the page: test_network_page/browser)."""

from __future__ import annotations

import networkx as nx

from iom.network.edgelist import add_distances
from iom.network.explorer import NO_GROUP, REMOVED, network_view, standalone_html
from iom.network.projection import Projection


def projection() -> Projection:
    g = add_distances(nx.Graph([("a", "b"), ("b", "c"), ("c", "d")]))
    for _, _, d in g.edges(data=True):
        d["ties"] = {"co-offending": 1}
    g["c"]["d"]["ties"] = {"family": 1}
    return Projection(
        graph=g,
        people={"a": {"name": "<script>alert(1)</script>"}, "b": {"name": "Bo"}},
        memberships={"a": [{"ocg_id": "G1", "ocg_name": "Red <b>Crew</b>", "role": "PRINCIPAL"}]},
    )


def test_view_colours_sizes_filters_and_greys_out() -> None:
    view = network_view(projection(), size_by="degree", removed=["c"])
    nodes = {n["id"]: n for n in view.nodes}
    assert nodes["a"]["group"] == "Red <b>Crew</b>" and nodes["a"]["shape"] == "star"
    assert nodes["d"]["color"] == NO_GROUP and nodes["c"]["color"] == REMOVED
    assert nodes["b"]["size"] == 40 and nodes["a"]["size"] == 25  # degree 2 vs 1, max 40
    assert [e["dashes"] for e in view.edges] == [False, True, True]
    assert [i["label"] for i in view.legend][:3] == ["Red <b>Crew</b>", "No OCG",
                                                     "Removed (simulation)"]  # fmt: skip
    family_only = network_view(projection(), ties=["family"])
    assert [(e["from"], e["to"]) for e in family_only.edges] == [("c", "d")]
    by_role = network_view(projection(), colour_by="role")
    assert by_role.legend[0] == {"label": "Principal", "color": "#d62728"}


def test_standalone_html_is_offline_and_escaped() -> None:
    page = standalone_html(network_view(projection()), title="OCG <i>X</i>")
    assert "cdn.jsdelivr" not in page and "https://" not in page.split("<body>")[1][:2000]
    assert "vis.Network" in page  # the script is inline
    assert "<h3>OCG &lt;i&gt;X&lt;/i&gt;</h3>" in page
    assert "<script>alert(1)</script>" not in page
    assert "Red &lt;b&gt;Crew&lt;/b&gt;" in page
