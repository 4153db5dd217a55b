"""Import problems: one `file:row:field: message` line each, collected before anything is written.

>>> problems = Problems()
>>> problems.add("Person.csv", 7, "last_name", "required value is missing")
>>> problems.lines()
['Person.csv:7:last_name: required value is missing']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LIMIT", "Problem", "Problems", "article", "rows_text"]

LIMIT = 200  # shown to the user; the rest are counted
_KEEP = 20 * LIMIT  # kept for sorting before the first LIMIT are chosen


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the import, at a file, a row (its line; 1 = header) and a column."""

    file: str
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        """The problem as one line: `file:row:field: message`."""
        return f"{self.file}:{self.row}:{self.field}: {self.message}"


class Problems:
    """Every problem found, in file order then row order, capped at LIMIT lines for the user."""

    def __init__(self) -> None:
        self._items: list[Problem] = []
        self._order: dict[str, int] = {}
        self.total = 0

    def __bool__(self) -> bool:
        return self.total > 0

    def order(self, files: list[str]) -> None:
        """Report problems of these files in this order (the rest after them, by name)."""
        self._order = {name: i for i, name in enumerate(files)}

    def add(self, file: str, row: int, field: str, message: str) -> None:
        """Record one problem."""
        self.extend([Problem(file, row, field, message)])

    def extend(self, problems: list[Problem]) -> None:
        """Record several problems."""
        self.total += len(problems)
        room = _KEEP - len(self._items)
        self._items.extend(problems[: max(room, 0)])

    def lines(self) -> list[str]:
        """At most LIMIT lines, sorted by file and row, then a line saying how many are left."""
        last = len(self._order)
        ordered = sorted(self._items, key=lambda p: (self._order.get(p.file, last), p.file, p.row))
        lines = [str(p) for p in ordered[:LIMIT]]
        if self.total > LIMIT:
            lines.append(f"... and {self.total - LIMIT:,} more; fix these first")
        return lines


def article(label: str) -> str:
    """`a Person`, `an OCG`, `an Offence`."""
    return ("an " if label[:1].upper() in "AEIOU" else "a ") + label


def rows_text(count: int) -> str:
    """`1 row`, `3,000 rows`."""
    return f"{count:,} row" + ("" if count == 1 else "s")
