"""The network drawing: a `st.components.v2` component running pyvis's bundled vis-network.

The script is the vis-network file pyvis ships (no CDN), added to the page once. Nodes and
ties arrive as `data`; labels are drawn on a canvas and the legend is built with
`textContent`, so a name containing markup shows as text. Physics runs until the layout
settles (views of over 300 people: drawn at once, physics for at most 1.2 s), then is
switched off; positions are kept in the browser per view key, so a rerun
(a new size or colour, a filter) redraws the same layout. A click on a person sends their
id back as the trigger value `clicked`. "Download PNG" saves the canvas.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from iom.network.explorer import vis_js

__all__ = ["network_graph"]

_CSS = """
.iom-legend { font: 13px sans-serif; margin: 0 0 6px 0; }
.iom-legend span.item { margin-right: 14px; white-space: nowrap; }
.iom-legend span.dot { display: inline-block; width: 11px; height: 11px; border-radius: 6px;
  margin-right: 4px; vertical-align: middle; }
.iom-net { width: 100%; border: 1px solid #ddd; border-radius: 4px; background: #fff; }
.iom-tools { margin-top: 4px; font: 13px sans-serif; }
"""

_JS = """
const VIS_SRC = __VIS_SRC__;
function loadVis() {
  if (!(globalThis.vis && globalThis.vis.Network)) {
    const s = document.createElement('script');
    s.textContent = VIS_SRC;
    document.head.appendChild(s);
  }
  return globalThis.vis;
}
const LARGE = 300;
const BUDGET = 1200;
const POSITIONS = (globalThis.__iomPositions = globalThis.__iomPositions || new Map());

export default function(component) {
  const { data, parentElement, setTriggerValue } = component;
  const vis = loadVis();
  parentElement.querySelectorAll('.iom-wrap').forEach((e) => e.remove());
  const wrap = document.createElement('div');
  wrap.className = 'iom-wrap';
  const legend = document.createElement('div');
  legend.className = 'iom-legend';
  for (const item of data.legend) {
    const span = document.createElement('span');
    span.className = 'item';
    if (item.color) {
      const dot = document.createElement('span');
      dot.className = 'dot';
      dot.style.background = item.color;
      span.appendChild(dot);
    }
    span.appendChild(document.createTextNode(item.label));
    legend.appendChild(span);
  }
  const box = document.createElement('div');
  box.className = 'iom-net';
  box.style.height = data.height + 'px';
  const tools = document.createElement('div');
  tools.className = 'iom-tools';
  const png = document.createElement('button');
  png.textContent = 'Download PNG';
  png.className = 'iom-png';
  tools.appendChild(png);
  wrap.append(legend, box, tools);
  parentElement.appendChild(wrap);

  const known = POSITIONS.get(data.key) || {};
  const nodes = data.nodes.map((n) => {
    const node = {
      id: n.id, label: n.label, color: n.color, size: n.size, shape: n.shape,
      font: { color: n.removed ? '#aaaaaa' : '#222222' },
    };
    const p = known[n.id];
    if (p) { node.x = p.x; node.y = p.y; }
    return node;
  });
  const settled = nodes.length > 0 && nodes.every((n) => n.x !== undefined);
  const edges = data.edges.map((e, i) => ({
    id: i, from: e.from, to: e.to, width: e.width, dashes: e.dashes, color: { color: e.color },
  }));
  const graph = { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) };
  // Small views: stabilise before the first draw. Large ones (over LARGE people): draw at
  // once and let physics run visibly for at most BUDGET ms, so the view answers within 3 s.
  const large = nodes.length > LARGE;
  const network = new vis.Network(box, graph, {
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: {
      enabled: !settled, solver: 'barnesHut',
      stabilization: large ? { enabled: false } : { iterations: 250, updateInterval: 50 },
    },
    interaction: { hover: true, tooltipDelay: 150 },
    nodes: { font: { size: 12 } },
  });
  const save = () => POSITIONS.set(data.key, { ...known, ...network.getPositions() });
  globalThis.__iomNetwork = network;
  globalThis.__iomSettled = settled;
  let done = settled;
  const settle = () => {
    if (done) return;
    done = true;
    network.setOptions({ physics: false });
    save();
    globalThis.__iomSettled = true;
  };
  if (!settled) {
    network.once(large ? 'stabilized' : 'stabilizationIterationsDone', settle);
    if (large) setTimeout(settle, BUDGET);
  }
  network.on('dragEnd', save);
  network.on('click', (params) => {
    if (params.nodes.length) setTriggerValue('clicked', String(params.nodes[0]));
  });
  png.onclick = () => {
    const canvas = box.querySelector('canvas');
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = (data.filename || 'network') + '.png';
    a.click();
  };
  return () => { done = true; network.destroy(); };
}
"""

_component: Any = None


def _renderer() -> Any:
    global _component
    if _component is None:
        js = _JS.replace("__VIS_SRC__", json.dumps(vis_js()))
        _component = st.components.v2.component("iom_network_graph", css=_CSS, js=js)
    return _component


def network_graph(
    data: dict[str, Any], *, key: str, layout_key: str, height: int = 620, filename: str = ""
) -> str | None:
    """Draw the view `data`; returns the id of a person just clicked, else None."""
    payload = {**data, "key": layout_key, "height": height, "filename": filename or "network"}
    result = _renderer()(data=payload, key=key, height=height + 70, on_clicked_change=lambda: None)
    return getattr(result, "clicked", None)
