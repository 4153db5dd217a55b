"""`iom network attack` on a plain edge list, through click's CliRunner (no store needed)."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from iom.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["network", *args])


def test_attack_writes_the_curve_and_chart(tmp_path: Path) -> None:
    edges = tmp_path / "edges.tsv"
    edges.write_text("A\ta1\nA\ta2\nA\ta3\nA\tB\nB\tb1\nB\tb2\nb2\tB\nb1\tb1\n")
    out, chart = tmp_path / "curve.csv", tmp_path / "curve.svg"
    result = run("attack", str(edges), "--centrality", "degree", "--k", "2", "--out", str(out),
                 "--chart", str(chart))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 self-loop row(s) dropped: rows 8" in result.stderr
    assert "1 reversed pair (same undirected tie) row(s) merged: rows 7" in result.stderr
    rows = list(csv.DictReader(out.open()))
    assert [(r["k"], r["removed"], r["lcc_size"], r["lcc_fraction"]) for r in rows] == [
        ("0", "", "7", "1.0"),
        ("1", "A", "3", "0.428571"),
        ("2", "B", "1", "0.142857"),
    ]
    assert chart.read_text().startswith("<svg")


def test_attack_block_mode_with_recovery(tmp_path: Path) -> None:
    edges = tmp_path / "edges.csv"
    edges.write_text("source,target,weight\n0,1,1\n1,2,1\n2,3,1\n3,4,1\n")
    result = run("attack", str(edges), "--mode", "block", "--block-size", "2", "--k", "2",
                 "--weighted", "--recover", "2", "--seed", "3")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2].split()[:2] == ["2", "2"] and lines[2].endswith("1, 2")
    assert "After 2 recovery steps (seed 3;" in result.stdout


def test_bad_input_is_one_line_naming_file_and_row(tmp_path: Path) -> None:
    edges = tmp_path / "edges.csv"
    edges.write_text("a,b,1\nb,c,lots\n")
    result = run("attack", str(edges))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {edges}:2: weight 'lots' is not a number"
    missing = run("attack", str(tmp_path / "none.csv"))
    assert missing.stderr.strip() == f"Error: {tmp_path / 'none.csv'}: no such file"
    chart = run("attack", str(tmp_path / "none.csv"), "--centrality", "closeness")
    assert "Invalid value for '--centrality'" in chart.stderr
    edges.write_text("a,b\n")
    png = run("attack", str(edges), "--chart", str(tmp_path / "c.png"))
    assert png.stderr.strip() == "Error: --chart: c.png must end in .svg or .html (SVG chart)"


def test_store_commands_on_a_loaded_force(tmp_path: Path) -> None:
    from csv_files import write_texts
    from test_network_store import FORCE

    data = tmp_path / "data"
    runner = CliRunner(env={"IOM_USER": "cli.tester", "IOM_ROLE": "ANALYST"})

    def iom(*args: str):
        return runner.invoke(main, ["--data-dir", str(data), *args])

    try:
        assert iom("load", str(write_texts(tmp_path / "force", FORCE))).exit_code == 0
        players = iom("network", "keyplayers", "--ocg", "G1", "--top", "2", "--json")
        assert players.exit_code == 0, players.output
        assert '"name": "Bo Hart"' in players.stdout
        curve = iom("network", "attack", "--ocg", "G1", "--k", "1", "--centrality", "betweenness")
        assert curve.exit_code == 0, curve.output
        assert curve.stdout.splitlines()[2].endswith("Bo Hart")
        emerging = iom("network", "emerging", "--seed", "1")
        assert emerging.stdout.startswith("  1. 3 co-offenders, none in a mapped OCG")
        relatives = iom("network", "relatives")
        assert relatives.stdout.startswith("Ian Reed (P9), ")
        assert "younger brother of Alan Reed (principal member of OCG Red Crew)" in relatives.stdout
        for args, message in [
            (("keyplayers", "--ocg", "G9"), "Error: --ocg: no OCG with id 'G9'"),
            (("keyplayers", "--ties", "friends"), "Error: --ties: unknown tie type 'friends'"),
            (("relatives", "--ages", "24-10"), "Error: --ages: '24-10': the lower age"),
            (("keyplayers", "--ocg", "G1", "--around", "P1"), "Error: --ocg and --around"),
        ]:
            bad = iom("network", *args)
            assert bad.exit_code == 1 and bad.stderr.startswith(message), bad.output
        assert len(bad.stderr.strip().splitlines()) == 1
    finally:
        iom("down")


def test_compare_strategies_net_of_recovery(tmp_path: Path) -> None:
    edges = tmp_path / "edges.csv"
    edges.write_text("a,b\nb,c\nc,d\nd,a\nc,e\ne,f\nf,g\ng,e\n")
    result = run("compare", str(edges), "--k", "1", "--steps", "0", "--runs", "1",
                 "--remove", "a")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1 removed, then 0 recovery steps (mean of 1 runs, seed 0)")
    assert lines[2].split() == ["betweenness", "(block)", "0.429", "0.429", "0.571"]  # c
    assert lines[-1].split() == ["chosen", "people", "0.857", "0.857", "0.143"]  # a: a leaf cut
