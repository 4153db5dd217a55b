"""Moving a force's dates to today: every date field of every file moves by the same number of
days, and nothing else changes; `iom load --shift-dates-to-today` loads the moved copy."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from iom.cli import main
from iom.connection import ensure_seeded
from iom.errors import ConfigError
from iom.ingest.shift import as_of_of, moved_to_today, shift_folder
from iom.model import MODEL
from iom.security.access import SYSTEM
from iom.seed import generate
from iom.store import Store


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _model_dates(head: list[str], first_row: list[str]) -> set[int]:
    """The columns the model types as dates, worked out from the header independently."""
    key = head[0]
    if key.startswith("id:ID("):
        props = MODEL.labels[key[len("id:ID(") : -1]].properties
    else:
        props = MODEL.relationship(first_row[head.index(":TYPE")]).properties
    return {
        i
        for i, h in enumerate(head)
        if h in props
        and (props[h].type == "date" or (props[h].type == "string" and h.endswith("_at")))
    }


def test_the_shift_moves_every_date_field_of_every_file_and_nothing_else(tmp_path: Path) -> None:
    src, dst, days = tmp_path / "force", tmp_path / "moved", 400
    generate(src, persons=300, seed=5)
    shift_folder(src, dst, days)
    files = sorted(p.relative_to(src) for p in src.rglob("*.csv"))
    assert files == sorted(p.relative_to(dst) for p in dst.rglob("*.csv"))
    moved_columns = 0
    for name in files:
        before, after = _read(src / name), _read(dst / name)
        assert before[0] == after[0] and len(before) == len(after), name
        if len(before) < 2:
            continue
        dated = _model_dates(before[0], before[1])
        moved_columns += len(dated)
        for old, new in zip(before[1:], after[1:], strict=True):
            for i, (a, b) in enumerate(zip(old, new, strict=True)):
                if i in dated and a and (len(a) == 10 or a[10:11] == "T"):
                    # a date, or a timestamp whose date part moves (its time stays)
                    assert a[10:] == b[10:], name
                    moved = date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])
                    assert moved == timedelta(days), name
                else:
                    assert a == b, f"{name} column {before[0][i]} changed: {a!r} -> {b!r}"
    assert moved_columns >= 30  # every dated column of the model the generator writes
    assert as_of_of(dst) == as_of_of(src) + timedelta(days)
    manifest = json.loads((dst / "manifest.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in manifest.items() if k != "as_of"} == {
        k: v
        for k, v in json.loads((src / "manifest.json").read_text(encoding="utf-8")).items()
        if k != "as_of"
    }


def test_moved_to_today_uses_the_manifest_and_cleans_up(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "seed_data"
    with moved_to_today(seed, today=date(2027, 3, 1)) as folder:
        assert as_of_of(folder) == date(2027, 3, 1)
        spells = _read(folder / "nodes" / "CustodySpell.csv")
        assert spells[1][2] == str(
            date.fromisoformat(_read(seed / "nodes" / "CustodySpell.csv")[1][2]) + timedelta(120)
        )
    assert not folder.exists()
    with pytest.raises(ConfigError, match=r"no manifest\.json"), moved_to_today(tmp_path):
        pass


def test_load_can_shift_dates_to_today(tmp_path: Path, data_dir: Path) -> None:
    src = tmp_path / "force"
    generate(src, persons=300, seed=5)
    result = CliRunner().invoke(
        main, ["--data-dir", str(data_dir), "load", "--dry-run", "--shift-dates-to-today", str(src)]
    )
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was written" in result.output
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "Area.csv").write_text("id:ID(Area),name\nA1,North\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--data-dir", str(data_dir), "load", "--shift-dates-to-today", str(bare)]
    )
    assert result.exit_code == 1
    assert "has no manifest.json: its as-of date is needed" in result.output


def test_first_start_loads_the_seed_force_as_of_today(store: Store) -> None:
    today = date(2027, 6, 15)
    report = ensure_seeded(store, SYSTEM, today=today)
    assert report is not None and report.rows > 40_000
    window = {"since": "2000-01-01", "until": "2100-01-01"}
    days = sorted(r["committed_on"] for r in store.read("cohort/offending", window))
    assert days[-1] < today.isoformat() and days[-1] >= (today - timedelta(30)).isoformat()
    seed = Path(__file__).resolve().parents[1] / "seed_data"
    moved = (today - as_of_of(seed)).days
    first = min(r[2] for r in _read(seed / "nodes" / "Offence.csv")[1:])
    assert days[0] == (date.fromisoformat(first) + timedelta(moved)).isoformat()
    assert ensure_seeded(store, SYSTEM, today=today) is None  # not an empty store any more
