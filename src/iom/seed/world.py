"""The generator's working state: people, households and the shared random stream."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import Any, TypeVar

from iom.seed.names import Namer
from iom.seed.writer import Writer

__all__ = ["Area", "F", "Household", "Ocg", "Person", "World"]

T = TypeVar("T")


class F:
    """Bit flags on a person, set as the force is built."""

    SUSPECT = 1
    CONVICTED = 2
    VICTIM = 4
    WITNESS = 8
    NOMINAL = 16
    OCG = 32
    OUTSTANDING = 64
    CHARGED = 128
    INVESTIGATION = 256


class Person:
    """One person, kept small: a million of these must fit in memory."""

    __slots__ = (
        "area",
        "charged_n",
        "dob",
        "first",
        "first_off",
        "flags",
        "gender",
        "harm_12m",
        "home",
        "idx",
        "kind",
        "last",
        "last_off",
        "n_off",
        "nbh_12m",
        "off_12m",
    )

    def __init__(
        self,
        idx: int,
        first: str,
        last: str,
        dob: int,
        gender: str,
        area: int,
        home: int,
        kind: str,
    ) -> None:
        self.idx = idx
        self.first = first
        self.last = last
        self.dob = dob
        self.gender = gender
        self.area = area
        self.home = home
        self.kind = kind
        self.flags = 0
        self.n_off = 0
        self.first_off = 0
        self.last_off = 0
        self.off_12m = 0
        self.nbh_12m = 0
        self.harm_12m = 0.0
        self.charged_n = 0

    def age(self, on: int) -> int:
        """Whole years of age on the day with ordinal `on`."""
        return int((on - self.dob) / 365.25)


class Household:
    """An address in an area."""

    __slots__ = ("address", "area", "idx", "postcode")

    def __init__(self, idx: int, address: str, postcode: str, area: int) -> None:
        self.idx = idx
        self.address = address
        self.postcode = postcode
        self.area = area


@dataclass
class Area:
    """A policing area with its hub and the officers and partners based there."""

    no: int
    id: str
    name: str
    hub: str
    population: int
    officers: dict[str, list[str]] = field(default_factory=dict)
    partners: dict[str, list[str]] = field(default_factory=dict)
    localities: list[str] = field(default_factory=list)
    streets: list[list[object]] = field(default_factory=list)


@dataclass
class Ocg:
    """An OCG as planned before its members exist."""

    no: int
    id: str
    name: str
    threat: str
    activity: str
    mix: tuple[tuple[str, float], ...]
    areas: list[int]
    status: str
    mapped_on: int
    roles: list[str]
    family: bool
    members: list[tuple[int, str]] = field(default_factory=list)
    lieutenants: list[int] = field(default_factory=list)
    ties: list[tuple[int, int]] = field(default_factory=list)
    bands: list[tuple[int, str, float]] = field(default_factory=list)
    owner: str = ""
    active_until: int = 0
    plan: str = ""
    actions: list[tuple[str, str, str]] = field(default_factory=list)  # (id, strand, tactic)
    uses: list[tuple[str, str]] = field(default_factory=list)  # (label, id) of businesses, vehicles


class World:
    """Everything the steps share: arguments, random stream, writer and the built force."""

    def __init__(
        self,
        out: Writer,
        persons: int,
        seed: int,
        as_of: date,
        progress: Callable[[str], None] | None,
    ) -> None:
        self.out = out
        self.n = persons
        self.seed = seed
        self.rng = random.Random(seed)
        # A second stream for the records added after the force was calibrated (grades,
        # minutes, action records, phones...), so they leave the calibrated draws unchanged.
        self.aux = random.Random(seed * 7919 + 104729)
        self.names = Namer(self.rng)
        self.as_of = as_of
        self.today = as_of.toordinal()
        self.window_start = self.today - 1095
        self.scale = persons / 3000
        self._progress = progress
        self.pwidth = max(6, len(str(persons)))
        self.areas: list[Area] = []
        self.people: list[Person] = []
        self.households: list[Household] = []
        self.officers: dict[str, dict[str, object]] = {}
        self.partners: dict[str, dict[str, object]] = {}
        self.pools: list[list[int]] = []  # per area: public adults, shuffled for victim picks
        self.pool_pos: list[int] = []
        self.adults: list[list[int]] = []  # per area: every adult, for the odd victim
        self.kinds: dict[str, list[int]] = {}
        self.ocgs: list[Ocg] = []
        self.da_links: dict[int, list[tuple[int, int]]] = {}  # perp -> (victim, separated)
        self.reserve = 0
        self.street_keys: set[str] = set()
        self.member_of: dict[int, tuple[int, str]] = {}  # person -> (ocg index, role)
        self.custody: dict[int, list[tuple[int, int]]] = {}  # person -> (start, release) days
        self.unmapped: list[list[int]] = []  # networks of offenders no OCG map holds
        self.planted: dict[str, list[tuple[int, int]]] = {}  # planted cases for later rules
        self.offence_days: dict[int, list[int]] = {}  # person -> days of offences as a suspect
        self.ties: list[tuple[int, int, str]] = []  # planned associations (a, b, source)
        self.unmapped_ties: list[list[tuple[int, int]]] = []
        self.facilitators: list[tuple[int, list[int]]] = []  # person -> OCG numbers served
        self.recorder: Any = None  # the offence Recorder, once offending is built
        self.marac_perps: set[int] = set()
        self.agreed: dict[str, set[str]] = {}  # meeting -> actions it agreed
        self.open_needs: dict[tuple[int, str], int] = {}  # (area, pathway) -> open plans' needs
        self.files: dict[str, int] = {}  # row counts by file, once the writer is closed
        self.in_custody: dict[int, list[tuple[int, int | None]]] = {}  # person -> (start, out)
        self.da_pairs: list[list[int]] = []  # [perp, victim, n, last_day, worst]
        self.cohort: dict[int, str] = {}
        self.episodes: list[dict[str, object]] = []
        self.mappa: dict[int, str] = {}  # person -> highest MAPPA level
        self.seen_pairs: set[int] = set()
        self.counters: dict[str, int] = {}
        self._cumulative: dict[tuple, tuple[list[str], list[float], float]] = {}
        self._pformat = f"P{{:0{self.pwidth}d}}".format
        self._hformat = f"HH{{:0{self.pwidth}d}}".format

    def progress(self, message: str) -> None:
        """Report a step to the caller's callback, if any."""
        if self._progress is not None:
            self._progress(message)

    def next_id(self, prefix: str, width: int = 6) -> str:
        """The next readable id with a prefix, e.g. OCG0007."""
        n = self.counters.get(prefix, 0) + 1
        self.counters[prefix] = n
        return f"{prefix}{n:0{width}d}"

    def pid(self, idx: int) -> str:
        """A person's id."""
        return self._pformat(idx + 1)

    def hid(self, idx: int) -> str:
        """A household's id."""
        return self._hformat(idx + 1)

    def scaled(self, per_3000: float, minimum: int = 1) -> int:
        """A count given for a force of 3,000 people, scaled to this one."""
        return max(minimum, round(per_3000 * self.scale))

    def pick(self, seq: Sequence[T]) -> T:
        """A random element of a non-empty sequence."""
        return seq[int(self.rng.random() * len(seq))]

    def weighted(self, options: tuple[tuple[str, float], ...]) -> str:
        """A random choice from (value, weight) pairs (cumulative weights are cached)."""
        table = self._cumulative.get(options)
        if table is None:
            values = [v for v, _ in options]
            cum = list(accumulate(wt for _, wt in options))
            table = self._cumulative[options] = (values, cum, cum[-1])
        values, cum, total = table
        return values[min(len(values) - 1, bisect_right(cum, self.rng.random() * total))]

    def randint(self, lo: int, hi: int) -> int:
        """A random whole number in [lo, hi]: random.randint's range, at a fraction of its cost."""
        return lo + int(self.rng.random() * (hi - lo + 1))

    def day_between(self, lo: int, hi: int) -> int:
        """A random day ordinal in [lo, hi] (hi is raised to lo if below it)."""
        return lo + int(self.rng.random() * (max(lo, hi) - lo + 1))

    def write_tie(self, a: int, b: int, source: str, grading: str, last_seen: int) -> None:
        """Write one ASSOCIATES_WITH between two people (check `pair_new` first: once per pair)."""
        self.out.rel(
            "ASSOCIATES_WITH",
            "Person",
            self.pid(a),
            "Person",
            self.pid(b),
            {"source": source, "grading": grading, "last_seen": last_seen},
        )

    def pair_new(self, kind: int, a: int, b: int) -> bool:
        """True the first time an unordered pair of people is seen for `kind` (0 or 1)."""
        lo, hi = (a, b) if a < b else (b, a)
        key = (lo * (self.n + 1) + hi) * 2 + kind
        if key in self.seen_pairs:
            return False
        self.seen_pairs.add(key)
        return True

    def officer_name(self, oid: str) -> str:
        """Rank and name of an officer, as a form would show the approver."""
        o = self.officers[oid]
        return f"{o['rank']} {o['name']}"
