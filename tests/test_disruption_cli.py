"""`iom ocg`, `iom disruption`, `iom meeting` and `iom pack` end to end, with the exact
one-line messages for bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from csv_files import write_texts
from disruption_world import FILES
from iom.cli import main


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One data directory with the hand-made force loaded; stopped with `iom down`."""
    root = tmp_path_factory.mktemp("dcli")
    path = root / "data"
    world = write_texts(root / "world", FILES)
    result = CliRunner().invoke(main, ["--data-dir", str(path), "load", str(world)])
    assert result.exit_code == 0, result.output
    yield path
    CliRunner().invoke(main, ["--data-dir", str(path), "down"])


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR", "IOM_GRAPH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IOM_USER", "cli.tester")


def iom(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def test_ocg_list_json_and_table(data_dir: Path) -> None:
    rows = json.loads(iom(data_dir, "ocg", "list", "--json").stdout)
    assert [(r["id"], r["band"], r["owner"]) for r in rows][:3] == [
        ("G1", "2A", None),
        ("G2", "2B", "Ann Owner"),
        ("G3", "2C", "Bob Owner"),
    ]
    table = iom(data_dir, "ocg", "list").stdout
    assert "Illegal drugs" in table and "ILLEGAL_DRUGS" not in table


def test_assess_explain_and_a_bad_grade(data_dir: Path) -> None:
    bad = iom(data_dir, "ocg", "assess", "G2", "--grade", "CRIMINALITY_HARM=HUGE")
    assert bad.exit_code == 1
    assert bad.stderr.splitlines()[0].startswith(
        "Error: assessment not saved: Criminality and harm grade: 'HUGE' is not one of HIGH"
    )
    grades = [
        f"--grade={a}=HIGH"
        for a in ("CRIMINALITY_HARM", "CAPABILITY", "INTENT", "GEOGRAPHIC_REACH", "NETWORK")
    ]
    ok = iom(
        data_dir,
        "ocg",
        "assess",
        "G2",
        *grades,
        "--date",
        "2026-05-01",
        "--note",
        "INTENT=expanding",
    )
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.startswith("Recorded OCGA-") and "scores 100, band 1A" in ok.stdout
    explain = iom(data_dir, "ocg", "explain", "G2").stdout
    assert "G2: band 1A (score 100, assessed 2026-05-01)" in explain
    assert "expanding" in explain and "Rule: score = 100" in explain


def test_disruption_record_list_and_rollup(data_dir: Path) -> None:
    missing = iom(
        data_dir,
        "disruption",
        "record",
        "--ocg",
        "G3",
        "--impact",
        "MODERATE",
        "--tactic",
        "T2",
        "--date",
        "2026-04-01",
    )
    assert missing.exit_code == 1
    assert missing.stderr == (
        "Error: disruption not saved: rationale: an impact grade needs its rationale; "
        "approver: a moderate impact needs an approving officer\n"
    )
    ok = iom(
        data_dir,
        "disruption",
        "record",
        "--ocg",
        "G3",
        "--impact",
        "MODERATE",
        "--tactic",
        "T2",
        "--date",
        "2026-04-01",
        "--rationale",
        "stall closed",
        "--approver",
        "O2",
        "--partner",
        "PT1",
        "--target",
        "Person:P3",
        "--recovered",
        "1500",
    )
    assert ok.exit_code == 0, ok.output
    assert "Moderate disruption of G3 on 2026-04-01" in ok.stdout
    listed = json.loads(iom(data_dir, "disruption", "list", "--ocg", "G3", "--json").stdout)
    assert [(d["impact"], d["approver_id"], d["partner_id"]) for d in listed] == [
        ("MODERATE", "O2", "PT1")
    ]
    rollup = json.loads(iom(data_dir, "disruption", "rollup", "--by", "area", "--json").stdout)
    assert {r["key"]: r["total"] for r in rollup}["A2"] >= 1


def test_owners_tactics_actions_and_work_list(data_dir: Path) -> None:
    owners = iom(data_dir, "ocg", "owners", "G3").stdout
    assert owners.splitlines()[1].split()[:2] == ["1", "O2"]
    assign = iom(data_dir, "ocg", "owners", "G1", "--assign", "O3", "--reason", "in area")
    assert assign.stdout == "O3 now owns G1 (was nobody).\n"
    no_owner = iom(
        data_dir,
        "ocg",
        "action",
        "G1",
        "--strand",
        "PURSUE",
        "--description",
        "Warrant",
        "--due",
        "2026-12-01",
    )
    assert no_owner.stderr == (
        "Error: plan action not saved: owner: a plan action needs an owner (an officer or a "
        "partner agency)\n"
    )
    added = iom(
        data_dir,
        "ocg",
        "action",
        "G1",
        "--strand",
        "PURSUE",
        "--description",
        "Warrant",
        "--due",
        "2020-12-01",
        "--owner",
        "O3",
    )
    assert added.exit_code == 0, added.output
    assert "OVERDUE" in iom(data_dir, "ocg", "worklist", "O3").stdout
    tactics = iom(data_dir, "ocg", "tactics", "G3").stdout
    assert "Counterfeit seizure" in tactics and "Rule: ranked by" in tactics
    assert "Crime:" in iom(data_dir, "ocg", "library").stdout


def test_meeting_agenda_minutes_and_packs(data_dir: Path, tmp_path: Path) -> None:
    agenda = iom(data_dir, "meeting", "agenda", "--date", "2026-06-01")
    assert agenda.exit_code == 0, agenda.output
    mid = agenda.stdout.split()[1].rstrip(":")
    not_on = iom(data_dir, "meeting", "minutes", mid, "--minutes", "Met", "--decision", "G4=x")
    assert not_on.stderr == (
        f"Error: minutes not saved: decision on G4: it is not on the agenda of {mid}\n"
    )
    held = iom(
        data_dir,
        "meeting",
        "minutes",
        mid,
        "--minutes",
        "Met",
        "--decision",
        "G1=Continue",
        "--action",
        "G1|PREVENT|PT2|2026-07-01|School input",
    )
    assert held.stdout.endswith("Next meeting: 2026-07-13.\n"), held.output
    assert "Decision on G1: Continue" in iom(data_dir, "meeting", "show", mid).stdout
    for kind, rid in (("meeting", mid), ("ocg", "G1"), ("person", "P1")):
        out = tmp_path / f"{kind}.pdf"
        made = iom(data_dir, "pack", kind, rid, "--audience", "partner", "--out", str(out))
        assert made.exit_code == 0, made.output
        assert out.read_bytes().startswith(b"%PDF")
    html = tmp_path / "g1.html"
    assert iom(data_dir, "pack", "ocg", "G1", "--out", str(html)).exit_code == 0
    assert "OFFICIAL-SENSITIVE" in html.read_text()
    wrong = iom(data_dir, "pack", "ocg", "G1", "--out", str(tmp_path / "g1.doc"))
    assert wrong.exit_code == 2 and "must end in .html or .pdf" in wrong.stderr
    unknown = iom(data_dir, "pack", "ocg", "G9", "--out", str(html))
    assert unknown.stderr == "Error: no OCG with id 'G9'\n"
