"""Cohort benchmark: a full rescoring (read, score every cohort type, households, serial
perpetrators, network) at seed scale and on a larger generated force, stage by stage.

    python benchmarks/cohort.py                  # the committed seed force and 50,000 persons
    python benchmarks/cohort.py --persons 20000  # another size

Each force is loaded into a fresh graph on one embedded server (loading is not timed here:
see benchmarks/ingest.py). Beside the rescoring the same run times two references: the
bare named query that reads the offending (the store's floor) and one pandas group-by over
the same rows (the compute floor). Targets on the 2-core machine: <= 2 s at seed scale,
<= 20 s at 50,000 persons.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from iom.cohort import cohort_config_for, rank_people
from iom.ingest import load_directory
from iom.packaged import packaged
from iom.security.access import SYSTEM
from iom.seed import generate
from iom.settings import Settings
from iom.store import open_store

TARGETS = {"seed": 2.0, "large": 20.0}


def _latest_offence(folder: Path) -> date:
    offences = pd.read_csv(folder / "nodes" / "Offence.csv", usecols=["committed_on"])
    return date.fromisoformat(str(offences["committed_on"].max()))


def run(label: str, folder: Path, settings: Settings, graph: str, target: float) -> None:
    """Load `folder` into `graph`, then time a full rescoring and the references."""
    store = open_store(settings.with_graph(graph))
    started = time.perf_counter()
    load_directory(store, folder, SYSTEM)
    print(f"\n{label}: loaded in {time.perf_counter() - started:.1f} s (not part of the rescoring)")
    as_of = _latest_offence(folder)
    config = cohort_config_for(settings)
    since = as_of - timedelta(days=max(config.window_days, config.serial["window_days"]))
    started = time.perf_counter()
    rows = store.read("cohort/offending", {"since": since.isoformat(), "until": as_of.isoformat()})
    bare_read = time.perf_counter() - started
    frame = pd.DataFrame(rows)
    started = time.perf_counter()
    frame.groupby("person_id")["offence_id"].nunique()
    bare_compute = time.perf_counter() - started
    timings: dict[str, float] = {}
    started = time.perf_counter()
    scores = rank_people(store, SYSTEM, as_of=as_of, settings=settings, timings=timings)
    total = time.perf_counter() - started
    people = len(scores.data.people)
    ranked = len(scores.person_ids())
    print(
        f"  {people:,} persons, {len(rows):,} offence links in the window, {ranked:,} ranked; "
        f"{scores.network.method}"
    )
    for stage, seconds in timings.items():
        print(f"  {stage:<44} {seconds:7.2f} s")
    print(f"  {'full rescoring':<44} {total:7.2f} s  (target <= {target:g} s: "
          f"{'met' if total <= target else 'MISSED'})")  # fmt: skip
    print(f"  reference: bare offending query {bare_read:.2f} s; one pandas group-by "
          f"{bare_compute:.3f} s")  # fmt: skip
    slowest = max(timings, key=lambda k: timings[k])
    print(f"  dominated by: {slowest} ({timings[slowest] / total:.0%})")
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-seed", action="store_true", help="Only the generated force.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="iom-bench-cohort-"))
    try:
        settings = Settings(data_dir=work / "data")
        if not args.skip_seed:
            seed_folder = Path(str(packaged("seed_data")))
            run("Seed force", seed_folder, settings, "bench_seed", TARGETS["seed"])
        started = time.perf_counter()
        generate(work / "force", persons=args.persons, seed=args.seed)
        print(f"\nGenerated {args.persons:,} persons in {time.perf_counter() - started:.1f} s")
        run(f"{args.persons:,} persons", work / "force", settings, "bench_large", TARGETS["large"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
