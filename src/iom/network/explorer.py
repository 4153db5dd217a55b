"""The network explorer's view: nodes, ties, colours, sizes and legend of a projection, as
plain data for the dashboard's vis-network component, and a standalone HTML export (pyvis).

Colour is by OCG (the person's first current OCG; "No OCG" otherwise) or by OCG role; size
grows with the chosen centrality (10 to 40 pixels, linear in the value over the maximum);
people removed in a simulation are grey and their ties dashed; key players (given as
id -> rank) are diamonds labelled "[key N]". Labels are plain text: the page draws them on a
canvas and the HTML export escapes them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from iom.model import vocab_label
from iom.network.centrality import compute
from iom.network.projection import Projection

__all__ = ["COLOUR_BY", "PALETTE", "NetworkView", "network_view", "standalone_html", "vis_js"]

PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#17becf", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
]  # fmt: skip
NO_GROUP = "#b0b0b0"
REMOVED = "#e0e0e0"
ROLE_COLOURS = {"PRINCIPAL": "#d62728", "SIGNIFICANT": "#ff7f0e", "PERIPHERAL": "#1f77b4"}
COLOUR_BY = ("ocg", "role")
TIE_LABELS = {
    "co-offending": "Co-offending",
    "association": "Association",
    "family": "Family",
    "household": "Household",
    "ocg": "OCG co-membership",
    "phone": "Phone contact",
}


@dataclass
class NetworkView:
    """What the explorer draws, as JSON-ready data."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, str]] = field(default_factory=list)
    size_by: str = "degree"

    def data(self) -> dict[str, Any]:
        """The component's `data`: nodes, edges and legend."""
        return {"nodes": self.nodes, "edges": self.edges, "legend": self.legend}


def _sizes(graph: nx.Graph, centrality: str, weighted: bool) -> dict:
    if graph.number_of_nodes() == 0:
        return {}
    values = compute(graph, centrality, weighted)
    top = max(values.values(), default=0) or 1
    return {n: 10 + 30 * max(0.0, float(v)) / top for n, v in values.items()}


def network_view(
    proj: Projection,
    *,
    size_by: str = "degree",
    colour_by: str = "ocg",
    removed: Iterable[str] = (),
    ties: Iterable[str] | None = None,
    key_players: Mapping[str, int] | None = None,
    key_rule: str = "",
) -> NetworkView:
    """The drawable view of `proj` (only ties of types in `ties`, when given).

    `key_players` maps a person's id to their rank as a key player; `key_rule` says how they
    were chosen (shown in the legend).
    """
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour by one of {', '.join(COLOUR_BY)}")
    keep = set(ties) if ties is not None else None
    graph = nx.Graph()
    graph.add_nodes_from(proj.graph.nodes)
    for a, b, data in proj.graph.edges(data=True):
        kinds = {t: c for t, c in data.get("ties", {}).items() if keep is None or t in keep}
        if kinds:
            graph.add_edge(a, b, ties=kinds, weight=data.get("weight", 1.0),
                           distance=data.get("distance", 1.0))  # fmt: skip
    gone = set(removed)
    keys = dict(key_players or {})
    sizes = _sizes(graph, size_by, proj.weighted)
    ocg_of = proj.ocg_of()
    groups = sorted({g for g in ocg_of.values() if g})
    colours = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
    view = NetworkView(size_by=size_by)
    for node in sorted(graph.nodes, key=str):
        person = proj.people.get(node, {})
        rows = proj.memberships.get(node) or []
        role = rows[0].get("role") if rows else None
        if colour_by == "ocg":
            colour = colours.get(ocg_of.get(node) or "", NO_GROUP)
        else:
            colour = ROLE_COLOURS.get(role or "", NO_GROUP)
        if node in gone:
            colour = REMOVED
        label = person.get("name", str(node))
        shape = "star" if role == "PRINCIPAL" else "dot"
        if node in keys:
            label, shape = f"{label} [key {keys[node]}]", "diamond"
        view.nodes.append({
            "id": str(node),
            "label": label,
            "group": ocg_of.get(node) or "No OCG",
            "role": vocab_label("OcgRole", role) if role else "",
            "color": colour,
            "size": round(sizes.get(node, 10.0), 2),
            "removed": node in gone,
            "key_player": keys.get(node),
            "shape": shape,
        })  # fmt: skip
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        view.edges.append({
            "from": str(a),
            "to": str(b),
            "ties": sorted(data["ties"]),
            "width": min(6.0, 1.0 + float(data.get("weight", 1.0)) / 2),
            "dashes": a in gone or b in gone,
            "color": REMOVED if (a in gone or b in gone) else "#999999",
        })  # fmt: skip
    if colour_by == "ocg":
        view.legend = [{"label": g, "color": colours[g]} for g in groups]
        view.legend.append({"label": "No OCG", "color": NO_GROUP})
    else:
        view.legend = [
            {"label": vocab_label("OcgRole", r), "color": c} for r, c in ROLE_COLOURS.items()
        ]
        view.legend.append({"label": "Not in an OCG", "color": NO_GROUP})
    if gone:
        view.legend.append({"label": "Removed (simulation)", "color": REMOVED})
    if keys:
        rule = f" ({key_rule})" if key_rule else ""
        view.legend.append({"label": f"Diamond, [key N]: key player N{rule}", "color": ""})
    view.legend.append({"label": f"Size: {size_by}; star: principal member", "color": ""})
    return view


def vis_js() -> str:
    """The vis-network script pyvis ships (no CDN): its text."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib"
    found = sorted(lib.glob("vis-*/vis-network.min.js"))
    if not found:
        raise FileNotFoundError("pyvis ships no vis-network.min.js")
    return found[-1].read_text(encoding="utf-8")


_CDN = re.compile(r"<(link|script)[^>]+(https?:)?//[^>]+>(\s*</script>)?", re.I)


def standalone_html(view: NetworkView, title: str = "Network") -> str:
    """A self-contained HTML page of the view (pyvis, scripts inline, no CDN links)."""
    from pyvis.network import Network

    net = Network(height="800px", width="100%", cdn_resources="in_line", heading="")
    for n in view.nodes:
        net.add_node(n["id"], label=n["label"], color=n["color"], size=n["size"],
                     shape=n["shape"],
                     title=html.escape(f"{n['label']} ({n['id']}), {n['group']}"))  # fmt: skip
    for e in view.edges:
        kinds = ", ".join(TIE_LABELS.get(t, t) for t in e["ties"])
        # appended directly: pyvis's add_edge scans every edge (quadratic); ours are unique
        net.edges.append({"from": e["from"], "to": e["to"], "width": e["width"],
                          "dashes": e["dashes"], "color": e["color"],
                          "title": html.escape(kinds)})  # fmt: skip
    net.toggle_physics(True)
    page = net.generate_html()
    page = _CDN.sub("", page)  # pyvis still links Bootstrap from a CDN: not offline, not needed
    legend = "".join(
        f'<span style="margin-right:1em"><span style="color:{html.escape(i["color"] or "#000")}">'
        f"&#9679;</span> {html.escape(i['label'])}</span>"
        for i in view.legend
    )
    head = f"<h3>{html.escape(title)}</h3><div>{legend}</div>"
    return page.replace("<body>", "<body>" + head, 1)
