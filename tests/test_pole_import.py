"""Importing a Neo4j POLE export: what maps, what is reported, all or nothing, then analysis."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csv_files import write_texts
from iom.cli import main
from iom.errors import ImportValidationError
from iom.ingest.pole import import_pole, parse_uk_date
from iom.network.projection import project
from iom.security.access import Actor
from iom.store import Store
from pole_sample import SAMPLE

ACTOR = Actor(user="analyst", role="ANALYST", purpose="testing POLE import")


def test_uk_dates() -> None:
    assert parse_uk_date("24/08/2017") == "2017-08-24"
    assert parse_uk_date("3/8/2017") == "2017-08-03"
    assert parse_uk_date("2017-08-03") == "2017-08-03"
    with pytest.raises(ValueError):
        parse_uk_date("08/24/2017")


def test_pole_maps_into_the_model_and_reports_the_rest(store: Store, tmp_path: Path) -> None:
    conv, report = import_pole(store, write_texts(tmp_path / "pole", SAMPLE), ACTOR)
    counts = {label: c.rows for label, c in report.nodes.items()}
    assert counts == {
        "Household": 1,
        "Offence": 2,
        "Person": 5,
        "Phone": 2,
        "PhoneCall": 1,
    }
    assert report.relationships["SUSPECT_IN"] == 4
    assert report.relationships["ASSOCIATES_WITH"] == 3  # KNOWS both ways + KNOWS_SN: 3 pairs
    assert report.relationships["RELATED_TO"] == 2  # the sibling tie, stored both ways
    assert conv.not_mapped_lines() == [
        "1 Crime with type 'Bicycle theft' (no offence type)",
        "1 Location without a resident (crime scenes: no place in the model)",
        "1 OCCURRED_AT relationship (no such relationship in the model)",
        "1 PARTY_TO relationship to a record that was not imported",
        "1 Vehicle node (no such record in the model)",
        "Crime columns not in the model (not kept): id",
        "Location columns not in the model (not kept): latitude, longitude",
        "Person columns not in the model (not kept): age, nhs_no",
    ]
    offences = store.read("people/offences", {"id": "POLE-1"})
    assert [(o["committed_on"], o["offence_type"]) for o in offences] == [
        ("2017-08-24", "DRUG_POSSESSION")
    ]
    net = project(store, ACTOR, ties="co-offending,association,family,household,phone")
    ties = net.graph["POLE-1"]
    assert net.graph["POLE-1"]["POLE-3"]["ties"] == {"co-offending": 1, "association": 1}
    assert ties["POLE-2"]["ties"] == {"family": 1, "household": 1}
    assert net.graph["POLE-1"]["POLE-4"]["ties"] == {"phone": 1}
    sn = project(store, ACTOR, ties="association").graph["POLE-3"]["POLE-4"]
    assert sn["detail"]["association"]["sources"] == ["SOCIAL_MEDIA"]  # KNOWS_SN wins over KNOWS


def test_a_bad_row_writes_nothing(store: Store, tmp_path: Path) -> None:
    bad = dict(SAMPLE)
    bad["crime-investigation.nodes.Crime.csv"] = SAMPLE[
        "crime-investigation.nodes.Crime.csv"
    ].replace("03/08/2017", "31/02/2017")
    bad["crime-investigation.relationships.KNOWS.csv"] += "1,99,KNOWS\n"
    with pytest.raises(ImportValidationError) as caught:
        import_pole(store, write_texts(tmp_path / "pole", bad), ACTOR)
    assert caught.value.problems == [
        "crime-investigation.nodes.Crime.csv:3:date: '31/02/2017' is not a date",
        "crime-investigation.relationships.KNOWS.csv:6: id '99' is in no node file",
    ]
    assert store.read("stats/label_counts") == []


def test_cli_import_then_key_players(tmp_path: Path) -> None:
    data = tmp_path / "data"
    runner = CliRunner()
    try:
        folder = write_texts(tmp_path / "pole", SAMPLE)
        imported = runner.invoke(main, ["--data-dir", str(data), "import", "pole", str(folder)])
        assert imported.exit_code == 0, imported.output
        assert "Person: 5" in imported.stdout
        assert "  1 Vehicle node (no such record in the model)" in imported.stdout
        players = runner.invoke(
            main,
            ["--data-dir", str(data), "network", "keyplayers", "--centrality", "betweenness",
             "--top", "10", "--ties", "co-offending,association,family,household,phone"],
        )  # fmt: skip
        assert players.exit_code == 0, players.output
        lines = players.stdout.splitlines()
        assert lines[1].startswith("  1. Amy Ross (POLE-1)  betweenness=0.5")
        assert "Betweenness 0.5 (1st of 5): lies on many shortest paths" in lines[2]
        missing = runner.invoke(main, ["--data-dir", str(data), "import", "pole", "nowhere"])
        assert missing.exit_code == 1 and missing.stderr.strip() == "Error: nowhere: no such folder"
    finally:
        runner.invoke(main, ["--data-dir", str(data), "down"])
