"""The network pictures pages share: the explorer's drawing of a projection (with its HTML
download), and the panel's view of an OCG's network: key players marked, and a what-if
(pick the people a tactic would remove; see the predicted effect beside the ledger's record).

Used by the Network explorer, the OCG profile and meeting mode. Everything shown is computed
by the library (`iom.network.explorer`, `iom.disruption.whatif`); names reach the page as
dataframe cells, canvas labels or escaped text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
import streamlit as st

from iom.connection import Store
from iom.disruption import choices
from iom.disruption.common import DisruptionInputError
from iom.disruption.whatif import KEY_CENTRALITY, OcgNetwork, WhatIf, ocg_network, ocg_whatif
from iom.errors import RecordNotFound
from iom.network.explorer import network_view, standalone_html
from iom.network.projection import Projection
from iom.reference import Reference
from iom.ui.app import page
from iom.ui.network_graph import network_graph
from iom.ui.state import actor, guard
from iom.ui.text import escape

__all__ = ["draw_network", "ocg_network_panel"]


def draw_network(
    proj: Projection,
    *,
    key: str,
    layout_key: str,
    filename: str,
    size_by: str = "betweenness",
    colour_by: str = "ocg",
    removed: Iterable[str] = (),
    key_players: Mapping[str, int] | None = None,
    key_rule: str = "",
    height: int = 620,
) -> str | None:
    """Draw `proj` (legend, colours, sizes, removed greyed, key players marked) with a
    standalone-HTML download; returns the id of a person just clicked, else None."""
    view = network_view(
        proj,
        size_by=size_by,
        colour_by=colour_by,
        removed=removed,
        key_players=key_players,
        key_rule=key_rule,
    )
    clicked = network_graph(
        view.data(), key=key, layout_key=layout_key, filename=filename, height=height
    )
    st.download_button(
        "Download as standalone HTML",
        lambda: standalone_html(view, title=f"Network: {proj.scope}"),
        file_name=f"{filename}.html",
        mime="text/html",
        key=f"{key}_html",
    )
    return clicked


def _key_players(net: OcgNetwork) -> None:
    st.markdown("**Key players**")
    if net.key_players:
        frame = pd.DataFrame(net.key_players).rename(
            columns={
                "rank": "Key",
                "id": "Id",
                "name": "Name",
                "role": "OCG role",
                "betweenness": "Betweenness",
                "reason": "Why",
            }
        )
        st.dataframe(frame, hide_index=True, width="stretch")
    else:
        st.caption("Nobody lies between others in this network: no key player is marked.")
    st.text(f"Key players: {net.rule}.")


def _whatif_result(w: WhatIf) -> None:
    st.markdown("**Predicted effect on the group**")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Measure": m["label"],
                    "Before": m["before"],
                    "After removal": m["after"],
                    f"After {w.steps} recovery steps": m["recovered"],
                    f"Top {len(w.removed)} by betweenness instead": m["by_centrality"],
                }
                for m in w.measures
            ]
        ),
        hide_index=True,
        width="stretch",
        key=f"whatif_measures_{w.ocg_id}",
    )
    st.text(w.summary)
    what = f"the tactic {w.tactic['name']}" if w.tactic else "every tactic tried"
    st.markdown(f"**What similar disruptions achieved** ({escape(what)}, the ledger)")
    if w.history:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Tactic": h["tactic"],
                        "Area": h["area"],
                        "Tried": h["tries"],
                        "Worked": h["worked"],
                        "Record": h["record"],
                    }
                    for h in w.history
                ]
            ),
            hide_index=True,
            width="stretch",
            key=f"whatif_history_{w.ocg_id}",
        )
        evidence = [
            {
                "Tactic": h["tactic"],
                "Date": e["occurred_on"],
                "OCG": e["ocg_name"],
                "Impact": e["impact_label"],
                "Rationale": e["rationale"],
            }
            for h in w.history
            for e in h["evidence"]
        ]
        if evidence:
            with st.expander("The disruptions behind these figures"):
                st.dataframe(pd.DataFrame(evidence), hide_index=True, width="stretch")
    else:
        st.caption("No disruption is recorded against OCGs of this threat yet.")
    st.text(f"Rule: {w.history_rule}.")


def ocg_network_panel(
    store: Store, ocg_id: str, *, purpose: str, key: str, reference: Reference
) -> None:
    """An OCG's network with key players marked, a link to the explorer, and the what-if."""
    with guard():
        net = ocg_network(store, actor(purpose), ocg_id)
        tactics = choices.tactics(store)
    proj = net.projection
    graph, names = proj.graph, proj.names()
    st.caption(f"{graph.number_of_nodes()} people, {graph.number_of_edges()} ties")
    st.text(f"Scope: {proj.scope}")
    st.page_link(
        page("network"),
        label="Open in the network explorer",
        icon=":material/hub:",
        query_params={"ocg": ocg_id},
    )
    if graph.number_of_nodes() == 0:
        st.caption("No current member is recorded: no network to draw or simulate.")
        return
    slot = st.container()
    _key_players(net)
    st.markdown("**What if**")
    with st.form(f"{key}_whatif_form_{ocg_id}"):
        remove = st.multiselect(
            "People the tactic would remove (arrest, remand, relocation)",
            sorted(graph.nodes, key=lambda n: (names.get(n, n), n)),
            format_func=lambda n: f"{names.get(n, n)} ({n})",
            key=f"{key}_remove_{ocg_id}",
        )
        tactic = st.selectbox(
            "Proposed tactic (optional: its record against same-threat OCGs)",
            list(tactics),
            index=None,
            format_func=lambda t: tactics.get(t, t),
            key=f"{key}_tactic_{ocg_id}",
        )
        go = st.form_submit_button("Predict the effect", key=f"{key}_whatif_submit_{ocg_id}")
    state = f"{key}_whatif"
    if go:
        try:
            st.session_state[state] = ocg_whatif(
                store, actor(purpose), ocg_id, remove, reference=reference, tactic_id=tactic
            )
        except (DisruptionInputError, RecordNotFound) as e:
            st.session_state.pop(state, None)
            st.error(escape(e))
    result = st.session_state.get(state)
    if result is not None and result.ocg_id != ocg_id:
        result = None
    with slot:
        draw_network(
            proj,
            key=f"{key}_graph",
            layout_key=f"{key}|{ocg_id}",
            filename=f"network-{ocg_id}",
            removed=result.removed_ids if result else (),
            key_players=net.ranks,
            key_rule=f"by {KEY_CENTRALITY}; table below",
            height=480,
        )
    if result is not None:
        _whatif_result(result)
