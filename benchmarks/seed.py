"""Seed generator benchmark: `iom seed generate` against writing the same rows bare, same run.

    python benchmarks/seed.py --persons 50000
    python benchmarks/seed.py --persons 1000000   # minutes on 2 cores: run it rarely

Generates a fictional force of each size, then writes the same number of rows with a bare
`csv.writer` loop (the ceiling for producing CSV text in Python) and prints both, rows/s and the
generator's cost relative to the reference. Targets (issue 7): 50,000 persons in under 30 s and
1,000,000 in under 5 minutes on the 2-core development machine. Exits non-zero if a target is
missed.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import tempfile
import time
from pathlib import Path

from iom.seed import generate

TARGETS = {50_000: 30.0, 1_000_000: 300.0}  # persons -> seconds


def _bare(out: Path, rows: int, width: int = 6) -> float:
    """Seconds to write `rows` rows of `width` short cells with csv.writer (the reference)."""
    row = ["P0000001", "2026-11-01", "VIOLENCE_WITH_INJURY", "REPORTED", "true", "x"][:width]
    started = time.perf_counter()
    with (out / "bare.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for i in range(rows):
            row[0] = str(i)
            writer.writerow(row)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[50_000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    failed = False
    for persons in args.persons:
        work = Path(tempfile.mkdtemp(prefix="iom-seed-bench-"))
        try:
            started = time.perf_counter()
            manifest = generate(work / "force", persons=persons, seed=args.seed)
            seconds = time.perf_counter() - started
            rows = manifest["totals"]["nodes"] + manifest["totals"]["relationships"]
            bare = _bare(work, rows)
            target = TARGETS.get(persons)
            verdict = ""
            if target is not None:
                ok = seconds < target
                failed |= not ok
                verdict = f"  target < {target:.0f} s: {'met' if ok else 'MISSED'}"
            print(
                f"{persons:>9,} persons: {seconds:7.1f} s, {rows:,} rows "
                f"({rows / seconds:,.0f} rows/s); bare csv.writer {bare:5.1f} s "
                f"({rows / bare:,.0f} rows/s); generator / reference {seconds / bare:4.1f}x"
                f"{verdict}",
                flush=True,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
