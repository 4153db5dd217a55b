"""The casework commands end to end: referral, plan, reviews, on a store loaded with `iom load`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from casework_world import WORLD
from csv_files import write_import
from ics_check import parse_ics
from iom.cli import main


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR", "IOM_GRAPH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IOM_USER", "alice")
    monkeypatch.setenv("IOM_ROLE", "IOM_OFFICER")
    path = tmp_path / "data"
    loaded = iom(path, "load", str(write_import(tmp_path / "world", WORLD)))
    assert loaded.exit_code == 0, loaded.output
    yield path
    CliRunner().invoke(main, ["--data-dir", str(path), "down"])


def iom(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def test_referral_commands(data_dir: Path) -> None:
    matched = iom(
        data_dir,
        "referral",
        "match",
        "--first-name",
        "Ash",
        "--last-name",
        "Ford",
        "--dob",
        "1991-01-01",
    )
    assert matched.exit_code == 0
    assert "P2  Ash Ford  born 1991-01-01  (matched on name and date of birth)" in matched.output
    refused = iom(
        data_dir,
        "referral",
        "add",
        "--source",
        "prison",
        "--reason",
        "Release",
        "--referrer",
        "HMP",
        "--first-name",
        "Ash",
        "--last-name",
        "Ford",
        "--dob",
        "1991-01-01",
    )
    assert refused.exit_code == 1
    assert refused.output.startswith("Error: person: already on record as P2 (Ash Ford")
    added = iom(
        data_dir,
        "referral",
        "add",
        "--source",
        "prison",
        "--reason",
        "Release",
        "--referrer",
        "HMP",
        "--person",
        "P1",
    )
    assert added.exit_code == 0, added.output
    assert "Note: already IOM Fixed (neighbourhood crime) since 2024-01-01" in added.output
    ref = re.search(r"Referral (REF-\w+) recorded", added.output).group(1)
    empty = iom(data_dir, "referral", "decide", ref, "--decision", "declined", "--reason", " ")
    assert empty.exit_code == 1 and empty.output == "Error: reason: required; it cannot be empty\n"
    decided = iom(
        data_dir,
        "referral",
        "decide",
        ref,
        "--decision",
        "declined",
        "--reason",
        "Managed under MAPPA level 2",
    )
    assert f"Referral {ref} declined by alice" in decided.output
    counts = iom(data_dir, "referral", "counts")
    assert re.search(r"Prison\s+Declined\s+1", counts.output), counts.output
    listed = iom(data_dir, "referral", "list")
    assert ref in listed.output and "Dean Marsh" in listed.output


def test_plan_and_review_commands(data_dir: Path, tmp_path: Path) -> None:
    opened_on = (date.today() - timedelta(weeks=6)).isoformat()
    opened = iom(data_dir, "plan", "open", "P1", "--owner", "OFF1", "--opened-on", opened_on)
    assert opened.exit_code == 0, opened.output
    plan_id = re.search(r"Plan (PLN-\w+) \(version 1\)", opened.output).group(1)
    bad = iom(
        data_dir,
        "plan",
        "action-add",
        plan_id,
        "--plan-version",
        "1",
        "--pathway",
        "housing",
        "--description",
        "x",
        "--owner",
        "PTN1",
        "--due",
        "2030-01-01",
    )
    assert bad.exit_code == 1 and bad.output.startswith("Error: pathway: 'housing' is not one of")
    ok = iom(
        data_dir,
        "plan",
        "action-add",
        plan_id,
        "--plan-version",
        "1",
        "--pathway",
        "ACCOMMODATION",
        "--description",
        "Referral to housing options",
        "--owner",
        "PTN1",
        "--due",
        (date.today() + timedelta(days=3)).isoformat(),
    )
    assert ok.exit_code == 0 and "(version 2)" in ok.output
    stale = iom(data_dir, "plan", "interval", plan_id, "4", "--plan-version", "1")
    assert stale.exit_code == 1
    assert "was changed by alice" in stale.output and "nothing was saved" in stale.output
    show = iom(data_dir, "plan", "show", "P1")
    assert "Referral to housing options" in show.output and "Drugs and alcohol" in show.output
    due = iom(data_dir, "reviews", "due")
    assert re.search(r"due\s+\S+\s+0\s+review\s+Olive Manager", due.output), due.output
    out = tmp_path / "digest"
    digest = iom(data_dir, "reviews", "digest", "--out", str(out))
    assert digest.exit_code == 0, digest.output
    assert "Olive Manager (OFF1): 1 items, 0 overdue -> OFF1.md, OFF1.ics" in digest.output
    assert len(parse_ics((out / "PTN1.ics").read_bytes())) == 1
    reviewed = iom(
        data_dir, "reviews", "record", plan_id, "--plan-version", "2", "--notes", "Engaging well"
    )
    assert reviewed.exit_code == 0, reviewed.output
    history = iom(data_dir, "plan", "history", plan_id)
    assert "alice  Action" in history.output and "status: None -> NOT_STARTED" in history.output


def test_search_command(data_dir: Path) -> None:
    opened = iom(data_dir, "plan", "open", "P1", "--owner", "OFF1")
    plan_id = re.search(r"Plan (PLN-\w+)", opened.output).group(1)
    iom(
        data_dir,
        "plan",
        "action-add",
        plan_id,
        "--plan-version",
        "1",
        "--pathway",
        "ACCOMMODATION",
        "--description",
        "Referral to housing options",
        "--owner",
        "PTN1",
        "--due",
        date.today().isoformat(),
    )
    found = iom(data_dir, "search", "housing")
    assert found.exit_code == 0, found.output
    assert "Referral to housing options" in found.output and "Dean Marsh" in found.output
    assert iom(data_dir, "search", "housing", "--worked").output == "Nothing found.\n"
    bad = iom(data_dir, "search", "housing", "--pathway", "moon")
    assert bad.exit_code == 1 and bad.output.startswith("Error: pathway: 'moon' is not one of")


def test_pathways_and_outstanding_commands(data_dir: Path) -> None:
    opened = iom(data_dir, "plan", "open", "P1", "--owner", "OFF1")
    assert opened.exit_code == 0
    declared = iom(data_dir, "pathways", "capacity", "PTN2", "drugs_alcohol", "0")
    assert declared.output == "Recovery Service: 0 places on Drugs and alcohol.\n"
    cover = iom(data_dir, "pathways", "coverage", "--no-scores")
    assert cover.exit_code == 0, cover.output
    assert re.search(r"Drugs and alcohol\s+0\s+0\s+0\s+0\s+0\s+1\s+1\s+0\s+OVER", cover.output)
    assert "Unmet needs:" in cover.output and "Dean Marsh" in cover.output
    sought = iom(data_dir, "outstanding", "--list")
    assert sought.exit_code == 0, sought.output
    assert re.search(r"Northmere\s+0\s+0\s+1", sought.output)
    assert "Ash Ford" in sought.output
