"""A deterministic generator of a fictional police force, written as neo4j-admin import CSV.

>>> from pathlib import Path
>>> import tempfile
>>> from iom.seed import generate
>>> manifest = generate(Path(tempfile.mkdtemp()) / "force", persons=300)
>>> manifest["labels"]["Person"]
300
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from iom.errors import ConfigError
from iom.seed.casework import build_casework
from iom.seed.cohort import build_cohort, build_mappa_marac, cohort_size
from iom.seed.custody import build_custody
from iom.seed.disruption import build_disruption, build_meetings
from iom.seed.finish import write_households, write_people
from iom.seed.force import build_force
from iom.seed.networks import plan_networks
from iom.seed.ocgs import count_ocgs, plan_ocgs, write_ocgs
from iom.seed.offending import build_offending
from iom.seed.people import build_people
from iom.seed.phones import build_phones
from iom.seed.profile import profile_force, profile_table
from iom.seed.readme import planted_text, write_readme
from iom.seed.world import F, World
from iom.seed.writer import Writer, write_manifest

__all__ = [
    "GENERATOR_NAME",
    "GENERATOR_VERSION",
    "MAX_PERSONS",
    "MIN_PERSONS",
    "build_world",
    "generate",
]

GENERATOR_NAME = "iom.seed"
GENERATOR_VERSION = "3"  # bump when the output for the same arguments changes on purpose
MIN_PERSONS = 200
MAX_PERSONS = 5_000_000
PROFILE_UP_TO = 20_000  # larger forces leave the calibration table to `iom seed profile`


def _check(out_dir: Path, persons: Any, seed: Any, as_of: Any) -> None:
    if isinstance(persons, bool) or not isinstance(persons, int):
        raise ConfigError(f"persons must be a whole number, not {persons!r}")
    if persons < MIN_PERSONS:
        raise ConfigError(
            f"persons must be at least {MIN_PERSONS} (got {persons}): a smaller force "
            "cannot hold four areas, an IOM cohort and a set of OCGs"
        )
    if persons > MAX_PERSONS:
        raise ConfigError(f"persons must be at most {MAX_PERSONS:,} (got {persons:,})")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ConfigError(f"seed must be a whole number, not {seed!r}")
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        raise ConfigError(f"as_of must be a date, not {as_of!r}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError(f"cannot create the output folder {out_dir}: {e.strerror or e}") from None
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK | os.X_OK):
        raise ConfigError(f"the output folder {out_dir} is not a writable folder")
    probe = out_dir / ".iom-seed-write-test"
    try:
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as e:
        why = e.strerror or e
        raise ConfigError(f"cannot write in the output folder {out_dir}: {why}") from None


def _steps(w: World) -> list[tuple[str, Callable[[], Any]]]:
    n_ocgs, cohort = count_ocgs(w.n), cohort_size(w.n)
    return [
        ("areas, officers, partners, pathways and tactics", lambda: build_force(w, n_ocgs, cohort)),
        ("organised crime groups planned", lambda: plan_ocgs(w)),
        ("people and households", lambda: build_people(w)),
        ("networks planned", lambda: plan_networks(w)),
        ("offences", lambda: build_offending(w)),
        ("custody spells", lambda: build_custody(w)),
        ("OCG members, assessments and associations", lambda: write_ocgs(w)),
        ("IOM cohort and episodes", lambda: build_cohort(w)),
        ("MAPPA and MARAC cases", lambda: build_mappa_marac(w)),
        ("referrals, plans, actions and reviews", lambda: build_casework(w)),
        ("4P plans and disruptions", lambda: build_disruption(w)),
        ("meetings", lambda: build_meetings(w)),
        ("phones and calls", lambda: build_phones(w)),
        ("person and household rows", lambda: (write_people(w), write_households(w))),
    ]


def build_world(
    out_dir: Path,
    persons: int = 3000,
    seed: int = 7,
    as_of: date = date(2026, 11, 1),
    progress: Callable[[str], None] | None = None,
    upto: str | None = None,
) -> World:
    """Run the generator's steps (all, or up to and including the step named `upto`) writing
    into `out_dir`, and return the generator's working state: what tests of one piece inspect."""
    out_dir = Path(out_dir)
    _check(out_dir, persons, seed, as_of)
    w = World(Writer(out_dir), persons, seed, as_of, progress)
    collecting = gc.isenabled()
    gc.disable()  # millions of small objects and no cycles: collection passes only cost time
    try:
        for message, step in _steps(w):
            w.progress(message)
            step()
            if message == upto:
                break
    finally:
        w.files = w.out.close()
        if collecting:
            gc.enable()
    return w


def generate(
    out_dir: Path,
    persons: int = 3000,
    seed: int = 7,
    as_of: date = date(2026, 11, 1),
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Write a fictional force of `persons` people into `out_dir`; return its manifest.

    The same arguments always give byte-identical files. Existing `nodes/*.csv` and
    `relationships/*.csv` in `out_dir` are replaced.
    """
    out_dir = Path(out_dir)
    w = build_world(out_dir, persons, seed, as_of, progress)
    files = w.files
    extra = {"Nominal": 0, "Offender": 0, "Victim": 0, "Witness": 0}
    for p in w.people:
        extra["Nominal"] += bool(p.flags & F.NOMINAL)
        extra["Offender"] += bool(p.flags & F.SUSPECT)
        extra["Victim"] += bool(p.flags & F.VICTIM)
        extra["Witness"] += bool(p.flags & F.WITNESS)
    head = {
        "generator": {"name": GENERATOR_NAME, "version": GENERATOR_VERSION},
        "seed": seed,
        "persons": persons,
        "as_of": as_of.isoformat(),
        "fictional": True,
    }
    manifest = write_manifest(out_dir, head, files, extra)
    table = ""
    if persons <= PROFILE_UP_TO:
        w.progress("calibration profile")
        table = profile_table(profile_force(out_dir))
    write_readme(out_dir, manifest, [a.population for a in w.areas], planted_text(w), table)
    w.progress("done")
    return manifest
