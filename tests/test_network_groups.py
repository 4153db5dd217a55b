"""Emerging groups and relatives at risk on small hand-made networks."""

from __future__ import annotations

import networkx as nx
import pytest

from iom.network import PersonFacts, emerging_groups, relatives_at_risk


def cliques() -> nx.Graph:
    g = nx.Graph()
    for group in (["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i", "j"], ["y", "z"]):
        g.add_edges_from(
            (u, v, {"weight": 2.0}) for i, u in enumerate(group) for v in group[i + 1 :]
        )
    g.add_edge("c", "d", weight=1.0)
    return g


def test_emerging_groups_flag_unmapped_communities_ranked_by_harm() -> None:
    ocg = {"d": "OCG1", "e": "OCG1", "f": "OCG1", "g": "OCG2"}
    harm = {"a": 10, "b": 10, "c": 10, "g": 5, "h": 50, "i": 1, "j": 1, "y": 99}
    groups = emerging_groups(cliques(), ocg, harm, seed=1)
    assert [grp.members for grp in groups] == [("g", "h", "i", "j"), ("a", "b", "c")]
    first, second = groups
    assert first.harm == 57 and first.mapped == {"g": "OCG2"}
    assert first.reason.startswith("4 co-offenders, only 1 in a mapped OCG (OCG2)")
    assert second.reason.startswith("3 co-offenders, none in a mapped OCG")
    assert second.cohesion == 1.0 and second.shared_offences == 6
    # ("d","e","f") is a mapped OCG; ("y","z") is below the minimum size of 3
    assert emerging_groups(cliques(), ocg, harm, seed=1) == groups  # same seed, same answer


def people() -> dict[str, PersonFacts]:
    return {
        "A": PersonFacts("Alan Reed", 31, "MALE", 12),
        "B": PersonFacts("Billy Reed", 15, "MALE", 0),
        "C": PersonFacts("Cara Reed", 9, "FEMALE", 0),  # under the band
        "D": PersonFacts("Dean Reed", 19, "MALE", 4),  # too much offending
        "E": PersonFacts("Eve Ward", 22, "FEMALE", 1),
        "F": PersonFacts("Finn Ward", 40, "MALE", 3),
        "N": PersonFacts("Nia Cole", 28, "FEMALE", 20),
        "K": PersonFacts("Kai Cole", 17, "OTHER", 0),
    }


def test_relatives_at_risk_with_explaining_paths() -> None:
    anchors = {"A": "principal member of OCG Riverside", "N": "IOM nominal"}
    family = [
        ("B", "SIBLING", "A"),
        ("A", "SIBLING", "B"),  # stored both ways: said once
        ("C", "SIBLING", "A"),
        ("D", "SIBLING", "A"),
        ("K", "CHILD", "N"),
    ]
    households = {"H1": ["A", "B", "E", "F"], "H2": ["K"]}
    found = relatives_at_risk(people(), family, households, anchors)
    assert [r.id for r in found] == ["B", "E", "K"]
    billy = found[0]
    assert billy.sentence == (
        "younger brother of Alan Reed (principal member of OCG Riverside); "
        "lives at household H1 with 3 offenders: Alan Reed, Eve Ward, Finn Ward"
    )  # Eve has one offence: little offending, yet an offender in Billy's household
    assert found[1].sentence == ("lives at household H1 with 2 offenders: Alan Reed, Finn Ward")
    assert found[2].sentence == "child of Nia Cole (IOM nominal)"
    narrow = relatives_at_risk(people(), family, households, anchors, age_band=(10, 16))
    assert [r.id for r in narrow] == ["B"]
    strict = relatives_at_risk(people(), family, households, anchors, max_offences=0)
    assert [r.id for r in strict] == ["B", "K"]


def test_relatives_age_band_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="24–10"):
        relatives_at_risk(people(), [], {}, {}, age_band=(24, 10))
