"""Ingest benchmark: `iom load` against a bare `UNWIND … CREATE` of the same rows, same run.

    python benchmarks/ingest.py --persons 20000

Generates a fictional force, then on one fresh embedded server: validates it, loads it with
`load_directory` (checks, MERGE, history, audit, one all-or-nothing transaction), reloads it
(idempotent: nothing changes), restarts the server, and loads the same validated rows into
another graph with bare UNWIND CREATE (the ceiling for batched Cypher writes). Prints rows/s
for each and iom's cost relative to the reference.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from iom.ingest import load_directory, validate_directory
from iom.security.access import SYSTEM
from iom.seed import generate
from iom.settings import Settings
from iom.store import EmbeddedServer, QueryLibrary, open_store
from iom.store.indexes import ensure_schema
from iom.store.queries import cypher_root

BUDGET = 4.0  # iom's load may take at most this many times the bare reference


def _timed(step: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    seconds = time.perf_counter() - started
    print(f"  {step:<36} {seconds:8.2f} s", flush=True)
    return result, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="iom-bench-"))
    try:
        print(f"Force of {args.persons:,} persons (seed {args.seed}) in {work}")
        _timed("generate", generate, work / "force", persons=args.persons, seed=args.seed)
        settings = Settings(data_dir=work / "data")
        store = open_store(settings.with_graph("bench_iom"))
        plan, validate_s = _timed("validate only", validate_directory, work / "force", store)
        rows = plan.rows
        _, load_s = _timed("iom load (first)", load_directory, store, work / "force", SYSTEM)
        _, reload_s = _timed(
            "iom load (again, no changes)", load_directory, store, work / "force", SYSTEM
        )
        server = EmbeddedServer(settings.data_dir)
        _timed("close (stops the server, compacts log)", store.close)
        _timed("restart", server.start)

        bare = open_store(settings.with_graph("bench_bare"))
        bare.queries = QueryLibrary(cypher_root(), Path(__file__).with_name("cypher"))
        ensure_schema(bare)
        started = time.perf_counter()
        for group in plan.nodes:
            for i in range(0, len(group.rows), 5000):
                bare.write(
                    "bare_create_nodes",
                    {"rows": group.rows[i : i + 5000]},
                    slots={"Label": group.label},
                )
        for rel in plan.relationships:
            slots = {"From": rel.start, "To": rel.end, "TYPE": rel.type}
            for i in range(0, len(rel.rows), 5000):
                bare.write(
                    "bare_create_relationships",
                    {"rows": rel.rows[i : i + 5000]},
                    slots=slots,
                )
        bare_s = time.perf_counter() - started
        print(f"  {'bare UNWIND CREATE (reference)':<36} {bare_s:8.2f} s")
        bare.close()
        server.stop()

        ratio = load_s / bare_s
        print(f"\n{rows:,} rows")
        print(f"  iom load    {rows / load_s:10,.0f} rows/s ({validate_s:.1f} s of it validation)")
        print(f"  iom reload  {rows / reload_s:10,.0f} rows/s")
        print(f"  bare UNWIND {rows / bare_s:10,.0f} rows/s")
        verdict = "within" if ratio <= BUDGET else "OVER"
        print(f"  iom load takes {ratio:.2f}x the reference ({verdict} the {BUDGET:.0f}x budget)")
        return 0 if ratio <= BUDGET else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
