"""Reading plain edge lists: separators, headers, weights, and every change reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from iom.network import EdgeListError, read_edge_list


def write(tmp_path: Path, text: str, name: str = "edges.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "text",
    [
        "source,target\na,b\nb,c\n",
        "a,b\nb,c\n",
        "a\tb\nb\tc\n",
        "a b\nb   c\n",
        "# a comment\n\n:START_ID,:END_ID\na,b\n\nb,c\n",
    ],
)
def test_separators_and_optional_header(tmp_path: Path, text: str) -> None:
    g, report = read_edge_list(write(tmp_path, text))
    assert sorted(map(sorted, g.edges())) == [["a", "b"], ["b", "c"]]
    assert report.rows == 2


def test_numeric_ids_without_header_are_data(tmp_path: Path) -> None:
    g, report = read_edge_list(write(tmp_path, "1 2\n2 3\n"))
    assert report.header is None and g.number_of_edges() == 2
    assert set(g) == {"1", "2", "3"}


def test_weights_self_loops_reversed_and_repeated_pairs_reported(tmp_path: Path) -> None:
    text = "from,to,weight\na,b,2\nb,a,1.5\na,b,1\nc,c,4\nb,c,3\n"
    g, report = read_edge_list(write(tmp_path, text))
    assert report.weighted and report.header == ["from", "to", "weight"]
    assert g["a"]["b"]["weight"] == 4.5  # 2 + 1.5 + 1: repeated rows summed
    assert g["a"]["b"]["distance"] == pytest.approx(1 / 4.5)
    assert report.reversed_pairs == [3] and report.repeated_pairs == [4]
    assert report.self_loops == [5] and not g.has_edge("c", "c")
    assert "c" in g  # the person of a self-loop is kept
    lines = report.lines()
    assert lines[0].endswith("5 rows read, 3 people, 2 ties (weighted)")
    assert "1 self-loop row(s) dropped: rows 5" in lines
    assert "1 reversed pair (same undirected tie) row(s) merged: rows 3" in lines
    assert "1 repeated pair (weights summed) row(s) merged: rows 4" in lines


def test_header_with_a_word_third_column(tmp_path: Path) -> None:
    g, report = read_edge_list(write(tmp_path, "p1;p2;strength\nx;y;2\n"))
    assert report.header == ["p1", "p2", "strength"] and g["x"]["y"]["weight"] == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a,b\nb,c,d,e\n",
            r"edges\.csv:2: expected 2 columns \(two ids and an optional weight\), found 4",
        ),
        ("a,b,1\nb,c\n", "edges.csv:2: expected 3 columns"),
        ("a,b,heavy\n", None),  # a word third column on line 1 is a header: then no edges
        ("a,b,1\nb,c,x\n", "edges.csv:2: weight 'x' is not a number"),
        ("a,b,1\nb,c,0\n", "edges.csv:2: weight '0' must be above 0"),
        ("a,b\n,c\n", "edges.csv:2: an id is empty"),
        ("\n# nothing\n", "edges.csv: no edges found"),
    ],
)
def test_bad_rows_name_file_and_row(tmp_path: Path, text: str, message: str | None) -> None:
    with pytest.raises(EdgeListError, match=message or "no edges found"):
        read_edge_list(write(tmp_path, text))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EdgeListError, match=r"nope\.csv: no such file"):
        read_edge_list(tmp_path / "nope.csv")
