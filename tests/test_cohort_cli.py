"""`iom cohort ...` end to end: the seed force read-only, decisions on a small force."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from csv_files import write_texts
from iom.cli import main
from iom.errors import EMPTY_STORE
from iom.settings import Settings
from iom.store import Store
from test_cohort_store import FORCE

AS_OF = "2026-11-01"


def iom(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def seeded(
    warm_server: Store, seeded_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """The CLI pointed at the seed force (read-only use)."""
    _env(monkeypatch, seeded_settings)
    return seeded_settings


def _env(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setenv("IOM_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", settings.graph)
    monkeypatch.setenv("IOM_USER", "ds.panel")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("IOM_CONFIG_DIR", raising=False)


@pytest.fixture
def small(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Store:
    """The CLI pointed at a fresh store holding the small force of test_cohort_store."""
    from iom.ingest import load_directory
    from iom.security.access import SYSTEM

    load_directory(store, write_texts(tmp_path / "force", FORCE), SYSTEM)
    _env(monkeypatch, settings.with_graph(store.graph_name))  # type: ignore[attr-defined]
    return store


def test_rank_prints_the_table_ids_and_json(seeded: Settings, tmp_path: Path) -> None:
    code, out = iom("cohort", "rank", "--top", "5", "--as-of", AS_OF)
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == f"IOM cohort ranking as of {AS_OF} (each person's best cohort type), top 5:"
    assert lines[1].split()[:4] == ["Rank", "Person", "id", "Name"]
    assert [line.split()[0] for line in lines[2:7]] == ["1", "2", "3", "4", "5"]
    code, ids = iom("cohort", "rank", "--top", "3", "--ids", "--cohort-type", "FIXED",
                    "--as-of", AS_OF)  # fmt: skip
    assert code == 0 and len(ids.split()) == 3 and all(i.startswith("P") for i in ids.split())
    code, out = iom("cohort", "rank", "--top", "3", "--json", "--cohort-type", "FIXED",
                    "--as-of", AS_OF)  # fmt: skip
    data = json.loads(out)
    assert [r["id"] for r in data["rows"]] == ids.split()
    assert data["config_version"] == "2026.11-2"
    scores = [r["score"] for r in data["rows"]]
    assert scores == sorted(scores, reverse=True)
    target = tmp_path / "ranked.xlsx"
    code, _ = iom("cohort", "rank", "--top", "4", "--cohort-type", "FIXED", "--as-of", AS_OF,
                  "--export", str(target))  # fmt: skip
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["Rank", "Person id", "Name", "Cohort type", "Score (0-100)", "Band",
                          "Recommendation"]  # fmt: skip
    assert sheet.cell(row=2, column=4).value == "Fixed (neighbourhood crime)"  # a label, not FIXED
    assert sheet.max_row == 5


def test_explain_prints_the_parts_and_refuses_an_unknown_person(seeded: Settings) -> None:
    _, ids = iom("cohort", "rank", "--top", "1", "--ids", "--cohort-type", "FIXED",
                 "--as-of", AS_OF)  # fmt: skip
    code, out = iom("cohort", "explain", ids.strip(), "--cohort-type", "FIXED", "--as-of", AS_OF)
    assert code == 0, out
    assert "rank 1 of" in out.splitlines()[0]
    assert "- Harm: " in out and "  Total: " in out
    assert "What would take them below the selection threshold:" in out
    code, out = iom("cohort", "explain", "NOBODY")
    assert code == 1 and out == "Error: no person with id 'NOBODY'\n"


def test_households_serial_and_backtest(seeded: Settings) -> None:
    code, out = iom("cohort", "households", "--top", "3", "--as-of", AS_OF)
    assert code == 0 and out.startswith(f"High-impact households as of {AS_OF}, top 3:")
    first = out.splitlines()[2].split()[1]
    code, out = iom("cohort", "households", "--explain", first, "--as-of", AS_OF)
    assert out.startswith(f"Household {first} (")
    code, out = iom("cohort", "serial", "--as-of", AS_OF, "--json")
    data = json.loads(out)
    assert data["rule"].startswith("Serial perpetrator: suspect or offender")
    assert data["people"] and all(p["victims"] >= 2 for p in data["people"])
    code, out = iom("cohort", "backtest", "--as-of", "2025-06-01", "--json")
    methods = [m["method"] for m in json.loads(out)["metrics"]]
    assert code == 0 and methods == ["cohort score", "RFG alone", "most offences"]


def test_decide_records_and_history_shows_it(small: Store) -> None:
    code, out = iom("cohort", "decide", "P1", "--decision", "SELECT", "--cohort-type", "FIXED",
                    "--on", "2025-06-01")  # fmt: skip
    assert code == 1 and out == "Error: a decision needs a reason; nothing was saved\n"
    code, out = iom("cohort", "decide", "P3", "--decision", "SELECT", "--cohort-type", "FLEX",
                    "--reason", "violent robbery", "--on", "2025-06-01")  # fmt: skip
    assert code == 0, out
    assert out == (
        "Recorded: Select P3 for Flex (local priority: domestic abuse, violence) on 2025-06-01 "
        "by ds.panel: violent robbery (flag: already led by MAPPA level 2 or 3 "
        "(MAPPA case M1 (level 2)))\n"
    )
    code, out = iom("cohort", "history", "P3")
    assert "- 2025-06-01 Select for Flex" in out and "violent robbery" in out


def test_rank_on_an_empty_store_says_so(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch, settings.with_graph(store.graph_name))  # type: ignore[attr-defined]
    code, out = iom("cohort", "rank")
    assert code == 0 and out.strip() == EMPTY_STORE
