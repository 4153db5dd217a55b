"""The command line: load, stats, down, status, config and seed, through click's CliRunner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from iom.cli import main

GOOD = {
    "Person.csv": "id:ID(Person),first_name,last_name\nP1,Ann,Smith\nP2,Bob,Jones\n",
    "OCG.csv": "id:ID(OCG),name,threat\nG1,Red,FRAUD\n",
    "MEMBER_OF.csv": ":START_ID(Person),:END_ID(OCG),role\nP1,G1,PRINCIPAL\n",
}


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    """A data directory of its own; its embedded store is stopped at the end with `iom down`."""
    path = tmp_path / "data"
    yield path
    CliRunner().invoke(main, ["--data-dir", str(path), "down"])


@pytest.fixture(autouse=True)
def _no_neo4j(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_URI", "IOM_CONFIG_DIR", "IOM_GRAPH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IOM_USER", "cli.tester")


def iom(data_dir: Path, *args: str) -> Result:
    """Run `iom --data-dir DATA ARGS...`."""
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])


def folder(root: Path, files: dict[str, str]) -> Path:
    """Write CSV files under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_load_prints_a_summary_and_stats_counts_it(tmp_path: Path, data_dir: Path) -> None:
    result = iom(data_dir, "load", str(folder(tmp_path / "in", GOOD)))
    assert result.exit_code == 0, result.output
    assert "Loaded 3 file(s) from" in result.stdout
    assert ["Person", "2", "2", "0", "0"] in [line.split() for line in result.stdout.splitlines()]
    assert "Person.csv: 2 rows" in result.stderr  # progress goes to stderr
    stats = iom(data_dir, "stats", "--json")
    assert json.loads(stats.stdout) == {
        "labels": {"OCG": 1, "Person": 2},
        "relationships": {"MEMBER_OF": 1},
        "system": {"AuditEvent": 1},
    }
    text = iom(data_dir, "stats").stdout
    rows = [line.split() for line in text.splitlines()]
    assert ["Person", "2"] in rows and ["MEMBER_OF", "1"] in rows and ["AuditEvent", "1"] in rows


def test_load_with_errors_lists_them_and_exits_1(tmp_path: Path, data_dir: Path) -> None:
    bad = dict(GOOD, **{"Person.csv": "id:ID(Person),first_name,last_name\nP1,Ann,\n"})
    result = iom(data_dir, "load", str(folder(tmp_path / "in", bad)))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        "Person.csv:2:last_name: required value is missing",
        "Error: 1 problem(s) found; nothing was written to the store.",
    ]
    assert json.loads(iom(data_dir, "stats", "--json").stdout)["labels"] == {}


def test_dry_run_writes_nothing(tmp_path: Path, data_dir: Path) -> None:
    result = iom(data_dir, "load", "--dry-run", str(folder(tmp_path / "in", GOOD)))
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was written." in result.stdout
    assert json.loads(iom(data_dir, "stats", "--json").stdout)["labels"] == {}


def test_load_of_a_missing_folder_is_clicks_path_error(tmp_path: Path, data_dir: Path) -> None:
    result = iom(data_dir, "load", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_down_and_status(tmp_path: Path, data_dir: Path) -> None:
    assert iom(data_dir, "status").stdout.splitlines()[-1] == (
        "Not running: it starts when a command needs it."
    )
    iom(data_dir, "stats")
    assert "Running: pid " in iom(data_dir, "status").stdout
    assert iom(data_dir, "down").stdout == f"Stopped the embedded store in {data_dir}.\n"
    assert iom(data_dir, "down").stdout == f"The embedded store in {data_dir} is not running.\n"


def test_down_with_neo4j_configured_has_nothing_to_stop(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--store", "neo4j://db.example:7687", "down"])
    assert result.exit_code == 0
    assert "nothing to stop" in result.stdout
    status = CliRunner().invoke(main, ["--store", "neo4j://db.example:7687", "status"])
    assert "Store: Neo4j at neo4j://db.example:7687 (from --store)" in status.stdout


def test_config_init_copies_the_tables_and_show_says_where_they_are(
    tmp_path: Path, data_dir: Path
) -> None:
    result = iom(data_dir, "config", "init")
    target = data_dir / "config"
    assert result.stdout == (
        f"Copied harm_weights.csv, ocg_bands.yaml, cohort.yaml, ocg_disruption.yaml to {target}.\n"
    )
    assert (target / "harm_weights.csv").is_file()
    shown = iom(data_dir, "config", "show").stdout
    rows = [line.split() for line in shown.splitlines()]
    assert ["harm_weights.csv", str(target / "harm_weights.csv")] in rows
    assert ["ocg_disruption.yaml", str(target / "ocg_disruption.yaml")] in rows
    other = tmp_path / "force-config"
    again = iom(data_dir, "config", "init", str(other))
    assert f"set IOM_CONFIG_DIR={other} to use these." in again.stdout
    assert "Kept the existing" in iom(data_dir, "config", "init").stdout


def test_seed_generate_refuses_a_bad_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["seed", "generate", "--out", str(tmp_path), "--as-of", "2026-13-01"]
    )
    assert result.exit_code == 2
    assert "'2026-13-01' is not a date (expected YYYY-MM-DD)" in result.stderr


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


@pytest.mark.parametrize("path", _commands(main), ids=lambda p: " ".join(p) or "iom")
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert command.help and command.help.strip()
