"""The library's exceptions (one root, a few subclasses named for the user's problem) and
the one message every interface shows for a store with nothing loaded yet."""

from __future__ import annotations

__all__ = [
    "EMPTY_STORE",
    "ConfigError",
    "EditConflict",
    "ImportValidationError",
    "InvalidInput",
    "IomError",
    "QueryError",
    "RecordNotFound",
    "StoreDamaged",
    "StoreError",
    "StoreUnavailable",
]

EMPTY_STORE = (
    "The store is empty: load data with `iom load DIR`, or start with `iom up`, which loads "
    "the fictional seed force."
)


class IomError(Exception):
    """Root of every error the library raises on purpose; the edges show its message."""


class ConfigError(IomError):
    """Configuration is wrong: a variable, a path or a reference table."""


class RecordNotFound(IomError):
    """A record asked for by id is not in the store (e.g. `no person with id 'X'`)."""


class StoreError(IomError):
    """The graph store refused or failed an operation."""


class StoreUnavailable(StoreError):
    """The graph store cannot be reached or started."""


class StoreDamaged(StoreUnavailable):
    """The store's files are damaged (missing, empty or cut short): it is refused, not emptied."""


class QueryError(StoreError):
    """A named query was called wrongly (unknown name, parameters that don't match, bad slot)."""


class ImportValidationError(IomError):
    """An import failed validation; `problems` holds every `file:row:field` message."""

    def __init__(self, problems: list[str], total: int | None = None) -> None:
        self.problems = problems
        self.total = total if total is not None else len(problems)
        count = self.total
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} found; nothing was written:\n" + "\n".join(problems))


class InvalidInput(IomError):
    """A form field or CLI argument is wrong; the message starts with the field's name."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class EditConflict(IomError):
    """Someone else changed a record since it was read; nothing was saved."""
