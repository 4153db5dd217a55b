"""The cohort score's network component on the network package's projection."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from csv_files import write_texts
from iom.cohort.config import load_cohort_config
from iom.cohort.data import CohortData
from iom.cohort.network_position import network_position
from iom.cohort.priority import rank_people
from iom.ingest import load_directory
from iom.network.pagerank import pagerank
from iom.security.access import SYSTEM, Actor
from iom.store import Store

AS_OF = date(2025, 6, 1)
PANEL = Actor(user="ds.panel", role="IOM_SUPERVISOR", purpose="IOM selection panel")

# P1 and P2 offended together; P2 and P3 are associates; P3 and P4 live together now;
# P1 lived with P4 until 2024 (read by the window, dropped: not together on the day); P5, P6
# offended together before the scoring window (not a tie either).
FORCE = {
    "nodes/Person.csv": (
        "id:ID(Person),first_name,last_name\n"
        + "".join(f"P{i},Pat,Number{i}\n" for i in range(1, 7))
    ),
    "nodes/Offence.csv": (
        "id:ID(Offence),offence_type,committed_on,outcome\n"
        "O1,RESIDENTIAL_BURGLARY,2025-05-01,CONVICTED\n"
        "O2,RESIDENTIAL_BURGLARY,2020-05-01,CONVICTED\n"
        "O3,RESIDENTIAL_BURGLARY,2025-04-01,CONVICTED\n"
    ),
    "relationships/CONVICTED_OF.csv": (
        ":START_ID(Person),:END_ID(Offence)\nP1,O1\nP2,O1\nP5,O2\nP6,O2\nP3,O3\n"
    ),
    "relationships/ASSOCIATES_WITH.csv": (
        ":START_ID(Person),:END_ID(Person),source,last_seen\nP2,P3,STOP_SEARCH,2025-01-01\n"
    ),
    "nodes/Household.csv": "id:ID(Household),address\nH1,1 Mill Lane\n",
    "relationships/LIVES_AT.csv": (
        ":START_ID(Person),:END_ID(Household),from_on,to_on\n"
        "P3,H1,2020-01-01,\n"
        "P4,H1,2023-01-01,\n"
        "P1,H1,2022-01-01,2024-01-01\n"
    ),
}


@pytest.fixture
def force(store: Store, tmp_path: Path) -> Store:
    """A fresh store holding the small force above."""
    load_directory(store, write_texts(tmp_path / "force", FORCE), SYSTEM)
    return store


def test_the_network_component_is_pagerank_on_the_network_packages_ties(force: Store) -> None:
    position = rank_people(force, PANEL, as_of=AS_OF).network
    assert position.method == (
        "PageRank over 4 people and 3 ties (co-offending, association, family, household)"
    )
    path = nx.Graph([("P1", "P2"), ("P2", "P3"), ("P3", "P4")])
    expected = {pid: value * 4 for pid, value in pagerank(path).items()}
    assert position.values.to_dict() == pytest.approx(expected)
    assert position.values["P2"] > position.values["P1"]  # the middle of the chain


def test_configured_tie_types_and_sampled_betweenness_say_so(force: Store) -> None:
    config = load_cohort_config()
    only = replace(config, projections=("co-offending",))
    position = rank_people(force, PANEL, as_of=AS_OF, config=only).network
    assert position.method == "PageRank over 2 people and 1 ties (co-offending)"
    ties = pd.DataFrame(
        {"a": [f"n{i}" for i in range(9)], "b": [f"n{i + 1}" for i in range(9)], "kind": "family"}
    )
    sampled = network_position(ties, ["family"], "betweenness", sample=4, seed=1)
    assert sampled.method == (
        "betweenness (sampled from 4 of 10 people) over 10 people and 9 ties (family), "
        "scaled to the highest"
    )
    assert sampled.values.max() == 1.0
    exact = network_position(ties, ["family"], "betweenness", sample=1000)
    assert exact.method.startswith("betweenness (exact) over 10 people")
    assert exact.values["n4"] == exact.values["n5"] == 1.0 and exact.values["n0"] == 0.0


def test_a_backtest_does_not_see_ties_first_made_later() -> None:
    ties = pd.DataFrame(
        {
            "a": ["P1", "P1", "P2"],
            "b": ["P2", "P3", "P3"],
            "kind": ["co-offending", "co-offending", "family"],
            "first_on": ["2024-01-01", "2025-03-01", None],
        }
    )
    known = CohortData.build(ties=ties).until(date(2025, 1, 1))
    assert known.ties[["a", "b"]].values.tolist() == [["P1", "P2"], ["P2", "P3"]]
