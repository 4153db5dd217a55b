"""The panel's what-if on a hand-made OCG network: exact measures before and after a chosen
removal, key players, the ledger's record beside it, bad input, and `iom ocg whatif`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from csv_files import write_texts
from disruption_world import ACTOR, build
from iom.cli import main
from iom.disruption.common import DisruptionInputError
from iom.disruption.ledger import DisruptionEntry, record_disruption
from iom.disruption.whatif import ocg_network, ocg_whatif
from iom.errors import RecordNotFound
from iom.reference import load_reference
from iom.store import Store
from whatif_world import HISTORY, WHATIF_FILES

REF = load_reference()
TODAY = date(2026, 11, 30)


def _history(store: Store) -> None:
    for n, (ocg, tactic, impact) in enumerate(HISTORY):
        record_disruption(
            store,
            ACTOR,
            DisruptionEntry(ocg, f"2026-0{1 + n}-01", impact, f"outcome {n}", [tactic],
                            approver_id="O1"),
            today=TODAY,
        )  # fmt: skip


@pytest.fixture
def world(store: Store, tmp_path: Path) -> Store:
    build(store, tmp_path, WHATIF_FILES)
    _history(store)
    return store


def by_measure(rows: list[dict]) -> dict[str, tuple]:
    return {r["measure"]: (r["before"], r["after"], r["recovered"]) for r in rows}


def test_removing_the_bridge_splits_the_group_and_the_ledger_says_what_the_tactic_did(
    world: Store,
) -> None:
    w = ocg_whatif(world, ACTOR, "G1", ["P2"], reference=REF, tactic_id="T1", steps=0)
    assert (w.people, w.ties) == (5, 4)  # P7 - P1 - P2 - P4 - P5; P6 is 3 hops out
    m = by_measure(w.measures)
    assert m["lcc_size"] == (5, 2, 2)
    assert m["lcc_fraction"] == (1.0, 0.4, 0.4)
    assert m["components"] == (1, 2, 2)
    assert m["isolates"] == (0, 0, 0)
    assert w.removed == [{"id": "P2", "name": "Sam Two", "role": "Significant"}]
    assert w.summary.startswith(
        "Removing 1 of 5 people leaves a largest group of 2 (40% of 5) in 2 separate group(s)"
    )
    # P2 lies on 4 of the 6 shortest paths between the others; P1 and P4 on 3; ends on none
    assert [(k["id"], k["betweenness"]) for k in w.key_players] == [
        ("P2", 0.667),
        ("P1", 0.5),
        ("P4", 0.5),
    ]
    assert w.tactic == {"id": "T1", "name": "Drugs search warrant", "area": "Crime"}
    (t1,) = w.history
    assert (t1["tries"], t1["worked"], t1["share"]) == (2, 1, 0.5)  # G3 is fraud: not counted
    assert t1["record"] == "worked (major or moderate) 1 of 2 times (50%)"
    assert {e["ocg_id"] for e in t1["evidence"]} == {"G2"}
    assert "illegal drugs OCGs" in w.history_rule


def test_without_a_tactic_every_tactic_tried_is_shown_and_recovery_regrows_ties(
    world: Store,
) -> None:
    w = ocg_whatif(world, ACTOR, "G1", ["P2", "P1"], reference=REF, steps=3, seed=0)
    assert w.tactic is None
    assert [(h["tactic_id"], h["tries"], h["worked"]) for h in w.history] == [
        ("T1", 2, 1),
        ("T4", 1, 1),
    ]
    m = by_measure(w.measures)
    assert m["lcc_size"][:2] == (5, 2)  # P7 alone; P4 - P5
    assert m["lcc_size"][2] >= 2  # ties only ever come back
    assert w.removed_ids == ["P2", "P1"]


def test_key_players_of_a_network_with_no_broker_are_none(world: Store) -> None:
    net = ocg_network(world, ACTOR, "G3")
    assert net.projection.graph.number_of_nodes() == 1 and net.key_players == []


def test_bad_what_ifs_are_one_sentence(world: Store) -> None:
    with pytest.raises(DisruptionInputError, match="name at least one person"):
        ocg_whatif(world, ACTOR, "G1", [" "], reference=REF)
    with pytest.raises(DisruptionInputError, match=r"P6 not in the network of OCG Red Crew"):
        ocg_whatif(world, ACTOR, "G1", ["P2", "P6"], reference=REF)
    with pytest.raises(DisruptionInputError, match="--tactic: no tactic with id 'T9'"):
        ocg_whatif(world, ACTOR, "G1", ["P2"], reference=REF, tactic_id="T9")
    with pytest.raises(RecordNotFound, match="no OCG with id 'G9'"):
        ocg_whatif(world, ACTOR, "G9", ["P2"], reference=REF)


# --- iom ocg whatif ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("whatif")
    path = root / "data"
    world = write_texts(root / "world", WHATIF_FILES)
    result = CliRunner().invoke(main, ["--data-dir", str(path), "load", str(world)])
    assert result.exit_code == 0, result.output
    yield path
    CliRunner().invoke(main, ["--data-dir", str(path), "down"])


def iom(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR", "IOM_GRAPH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IOM_USER", "cli.tester")
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def test_cli_prints_the_predicted_effect_and_the_ledger_record(
    cli_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = iom(cli_dir, monkeypatch, "ocg", "whatif", "G1", "--remove", "P2", "--tactic", "T1")
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    row = next(line for line in lines if line.startswith("Largest connected group"))
    assert row.split()[-4:] == ["5", "2", "4", "2"]  # before, after, recovered (seed 0), top 1
    assert " 1. Sam Two (P2, Significant): Betweenness 0.667 (1st of 5)" in lines_text(lines)
    assert "Drugs search warrant: not yet tried against groups with this activity" in out.stdout
    bad = iom(cli_dir, monkeypatch, "ocg", "whatif", "G1", "--remove", "P2,P6")
    assert bad.exit_code == 1
    assert bad.stderr.splitlines() == [
        "Error: what-if: --remove: P6 not in the network of OCG Red Crew (G1), 2 hop(s)"
    ]


def lines_text(lines: list[str]) -> str:
    return "\n".join(lines)
