"""Network explorer: the ego network of a person or an OCG, coloured, sized, filtered, with a
disruption simulation. Opened from a link: /network?person=ID or /network?ocg=ID."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from iom.network.centrality import ATTACK_CENTRALITIES, CENTRALITIES
from iom.network.explorer import TIE_LABELS
from iom.network.projection import TIE_TYPES, expand, ocg_choices, project
from iom.network.simulation import compare_removal
from iom.ui.app import page
from iom.ui.network_panel import draw_network
from iom.ui.state import actor, get_store, guard, require_data

PURPOSE = "OCG network analysis: network explorer for the disruption panel"
CLICK = {"profile": "Open the profile", "expand": "Expand neighbours", "remove": "Mark removed"}

st.title("Network explorer")

pending = st.session_state.pop("_net_pending_remove", None)
if pending:
    st.session_state["net_removed"] = [*st.session_state.get("net_removed", []), pending]

with guard():
    store = get_store()
    require_data(store)
    person = st.query_params.get("person")
    ocg = st.query_params.get("ocg")
    if not person and not ocg:
        ocgs = {o["id"]: o["name"] for o in ocg_choices(store)}
        chosen = st.selectbox("Centre on an OCG", list(ocgs), index=None,
                              format_func=lambda i: f"{ocgs.get(i, i)} ({i})",
                              placeholder="Choose an OCG, or open /network?person=ID")  # fmt: skip
        if not chosen:
            st.stop()
        st.query_params["ocg"] = chosen
        ocg = chosen

    left, mid, right = st.columns(3)
    ties = left.multiselect("Tie types", list(TIE_TYPES), default=list(TIE_TYPES),
                            format_func=lambda t: TIE_LABELS.get(t, t), key="net_ties")  # fmt: skip
    hops = left.slider("Hops around", 1, 3, 2 if ocg else 1, key="net_hops")
    since = mid.date_input("Ties from", value=None, key="net_since")
    until = mid.date_input("Ties until", value=None, key="net_until")
    size_choices = [c for c in CENTRALITIES if c != "brokerage"]
    size_by = right.selectbox("Size by", size_choices, index=1, key="net_size",
                              format_func=lambda c: CENTRALITIES[c].label)  # fmt: skip
    colour_by = right.radio("Colour by", ["ocg", "role"], horizontal=True, key="net_colour",
                            format_func={"ocg": "OCG", "role": "OCG role"}.get)  # fmt: skip
    on_click = right.radio("Click on a person", list(CLICK), format_func=CLICK.get,
                           horizontal=True, key="net_click")  # fmt: skip
    if not ties:
        st.info("Choose at least one tie type.")
        st.stop()
    proj = project(
        store,
        actor(PURPOSE),
        ocg=ocg,
        around=person,
        ties=ties,
        since=since if isinstance(since, date) else None,
        until=until if isinstance(until, date) else None,
        hops=hops,
    )
    for extra in st.session_state.get("net_expanded", []):
        if extra in proj.graph:
            proj = expand(store, actor(PURPOSE), proj, extra)

names = proj.names()
g = proj.graph
st.caption(f"{g.number_of_nodes()} people, {g.number_of_edges()} ties")
st.text(f"Scope: {proj.scope}")
graph_slot = st.container()
st.subheader("Simulation")
removed = st.multiselect(
    "Remove people (arrest, remand, relocation)",
    sorted(g.nodes, key=lambda n: names.get(n, n)),
    format_func=lambda n: f"{names.get(n, n)} ({n})",
    key="net_removed",
)
layout_key = f"{ocg or ''}|{person or ''}|{hops}|{','.join(sorted(ties))}"
with graph_slot:
    clicked = draw_network(proj, key="net_graph", layout_key=layout_key, size_by=size_by,
                           colour_by=colour_by, removed=removed,
                           filename=f"network-{ocg or person}")  # fmt: skip
if clicked:
    if on_click == "profile":
        st.session_state["person_id"] = clicked
        st.switch_page(page("person"), query_params={"id": clicked})
    elif on_click == "expand":
        st.session_state["net_expanded"] = [*st.session_state.get("net_expanded", []), clicked]
        st.rerun()
    elif clicked not in removed:
        st.session_state["_net_pending_remove"] = clicked
        st.rerun()

if not removed:
    st.caption("Pick people to remove above (or click them with 'Mark removed').")
else:
    result = compare_removal(g, removed)
    st.dataframe(pd.DataFrame(result.rows), hide_index=True, width="stretch")
    st.text(result.summary)
st.caption(
    "Attacks by centrality and recovery over time: `iom network attack --ocg ID` "
    f"(centralities: {', '.join(ATTACK_CENTRALITIES)})."
)
