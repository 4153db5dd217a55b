"""Home: key figures for the force and each policing area, and which store is in use."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from iom.casework.outstanding import KINDS, outstanding
from iom.overview import COHORTS, COUNTING_RULES, FIGURE_HELP, FIGURE_LABELS, overview_figures
from iom.text import escape
from iom.ui.state import actor, get_store, guard, require_data, store_key


@st.cache_data(ttl=60, show_spinner=False)
def _figures(key: str, as_of: date) -> tuple[pd.DataFrame, dict[str, int]]:
    """Counts only (no personal record is shown), so caching them bypasses no audit."""
    overview = overview_figures(get_store(), actor("home page: force and area figures"), as_of)
    return overview.areas, overview.totals


st.title("Integrated offender management")
today = date.today()

with guard():
    store = get_store()
    summary = require_data(store)
    areas, totals = _figures(store_key(), today)

if summary.seed_force:
    st.info(
        "This is the fictional seed force: every person, address, group and event in it is "
        "invented for demonstration and testing.",
        icon=":material/theater_comedy:",
    )
elif summary.fictional:
    st.info(f"{summary.fictional} of {summary.people} people are marked fictional.")

st.caption(
    f"Figures as of {today:%d %B %Y} · {summary.people:,} people and "
    f"{summary.offences:,} offences in the {summary.description}"
)

st.subheader("Force")
columns = st.columns(len(FIGURE_LABELS))
for column, (name, label) in zip(columns, FIGURE_LABELS.items(), strict=True):
    column.metric(label, f"{totals.get(name, 0):,}", help=FIGURE_HELP.get(name))

st.subheader("Policing areas")
if areas.empty:
    st.info("No policing areas are recorded yet (Area records): load them with `iom load DIR`.")
else:
    rows = list(areas.itertuples())
    for start in range(0, len(rows), 4):
        for column, row in zip(st.columns(4), rows[start : start + 4], strict=False):
            with column.container(border=True):
                hub = f"IOM hub: {row.hub or '-'}"
                st.metric(escape(f"{row.area} cohort"), f"{row.cohort:,}", help=escape(hub))
                st.caption(" · ".join(f"{FIGURE_LABELS[c]} {getattr(row, c)}" for c in COHORTS))
                st.caption(f"OCGs {row.ocgs} · open plans {row.open_plans}")
                st.caption(f"Reviews due {row.reviews_due} · overdue {row.reviews_overdue}")
    table = areas.drop(columns=["area_id"]).rename(
        columns={"area": "Area", "hub": "IOM hub", "population": "Population", **FIGURE_LABELS}
    )
    st.dataframe(table, hide_index=True, width="stretch")

st.subheader("Outstanding suspects, failed to answer bail, wanted")
with guard():
    sought = outstanding(store, actor("home page: outstanding suspects and wanted people"))
if not sought.counts:
    st.info("No named suspect is outstanding and no one is flagged wanted or failed to appear.")
else:
    st.dataframe(
        pd.DataFrame(
            [{"Area": c["area_name"], **{KINDS[k]: c[k] for k in KINDS}} for c in sought.counts]
        ),
        hide_index=True,
        width="stretch",
    )
    with st.expander(f"The {len(sought.people)} people behind these counts"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Area": p["area_name"],
                        "Why": p["kind_label"],
                        "Person": p["person_id"],
                        "Name": p["name"],
                        "Offences": ", ".join(p["offences"]),
                        "Since": p.get("since"),
                    }
                    for p in sought.people
                ]
            ),
            hide_index=True,
            width="stretch",
        )

with st.expander("How these figures are counted"):
    st.markdown("\n".join(f"- {rule}" for rule in COUNTING_RULES))
