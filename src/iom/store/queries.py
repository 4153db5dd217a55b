"""Named Cypher queries, one per file in cypher/, loaded by name and checked before they run.

A file starts with a header comment: `// Purpose:`, `// Parameters:`, `// Returns:` and, for
templates, `// Slots:`. A slot is a `__Name__` token standing for a label or relationship
type; it is filled only with a name from the model's allow-list, backtick-escaped. Values are
never put into query text: they travel as `$parameters`, and a call whose parameters differ
from the file's `$names` is refused before it reaches the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable

from iom.errors import QueryError
from iom.model import MODEL
from iom.packaged import packaged

__all__ = ["BACKENDS", "Query", "QueryLibrary", "cypher_root", "library"]

BACKENDS = ("falkordb", "neo4j")
# Which graph of the embedded store a query runs on: the records ("main", swapped whole by an
# import) or the audit trail ("audit", a graph of its own that no import swaps or rolls back).
GRAPHS = ("main", "audit")
SLOT_KINDS = ("label", "labels", "relationship")
_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_SLOT_RE = re.compile(r"\b__([A-Za-z][A-Za-z0-9]*)__\b")
_STRIP_RE = re.compile(r"//[^\n]*|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_SLOT_DECL_RE = re.compile(r"__([A-Za-z][A-Za-z0-9]*)__\s*\((labels|label|relationship)\)")


@dataclass(frozen=True)
class Query:
    """One named query for one backend: its text, `$parameters`, slots and header."""

    name: str
    backend: str
    text: str
    params: frozenset[str]
    slots: Mapping[str, str]
    purpose: str
    source: str
    graph: str = "main"

    def render(self, slots: Mapping[str, str | Sequence[str]] | None = None) -> str:
        """The text with every slot filled from the model's allow-lists.

        A `label` or `relationship` slot takes one name; a `labels` slot takes one or more
        labels and becomes `Label1`:`Label2` (so a node is created with all its labels at once).
        """
        given = dict(slots or {})
        if set(given) != set(self.slots):
            raise QueryError(
                f"query {self.name}: slots {sorted(self.slots)} expected, got {sorted(given)}"
            )
        text = self.text
        for slot, value in given.items():
            kind = self.slots[slot]
            names: list[str] = (
                [value] if isinstance(value, str) or kind != "labels" else list(value)  # type: ignore[list-item]
            )
            allowed = MODEL.relationships if kind == "relationship" else MODEL.all_label_names
            if not names or any(not isinstance(n, str) or n not in allowed for n in names):
                raise QueryError(f"query {self.name}: {value!r} is not a known {kind}")
            filled = ":".join("`" + n.replace("`", "``") + "`" for n in names)
            text = re.sub(rf"\b__{slot}__\b", filled, text)
        return text

    def check_params(self, params: Mapping[str, object]) -> None:
        """Refuse a call whose parameters differ from the `$names` in the file."""
        given = set(params)
        missing, unexpected = self.params - given, given - self.params
        if missing or unexpected:
            parts = []
            if missing:
                parts.append("missing " + ", ".join(f"${p}" for p in sorted(missing)))
            if unexpected:
                parts.append("unexpected " + ", ".join(f"${p}" for p in sorted(unexpected)))
            raise QueryError(f"query {self.name}: " + "; ".join(parts))


def _header(text: str, key: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        body = stripped[2:].strip()
        if body.lower().startswith(key.lower() + ":"):
            return body.split(":", 1)[1].strip()
    return ""


def parse_query(name: str, backend: str, text: str, source: str) -> Query:
    """Build a Query from a file's text, checking its header and slot declarations."""
    purpose = _header(text, "Purpose")
    if not purpose:
        raise QueryError(f"{source}: the header must start with '// Purpose: ...'")
    for key in ("Parameters", "Returns"):
        if not any(
            ln.strip()[2:].strip().lower().startswith(key.lower() + ":")
            for ln in text.splitlines()
            if ln.strip().startswith("//")
        ):
            raise QueryError(f"{source}: the header needs a '// {key}:' line")
    code = _STRIP_RE.sub(lambda m: "" if m.group(0).startswith("//") else "''", text)
    declared = dict(_SLOT_DECL_RE.findall(_header(text, "Slots")))
    used = set(_SLOT_RE.findall(code))
    if used != set(declared):
        raise QueryError(
            f"{source}: slots used {sorted(used)} but declared {sorted(declared)} "
            "(declare as '// Slots: __Label__ (label), __Labels__ (labels), "
            "__TYPE__ (relationship)')"
        )
    graph = _header(text, "Graph") or "main"
    if graph not in GRAPHS:
        raise QueryError(f"{source}: '// Graph: {graph}' must be one of {', '.join(GRAPHS)}")
    return Query(
        graph=graph,
        name=name,
        backend=backend,
        text=text,
        params=frozenset(_PARAM_RE.findall(code)),
        slots=declared,
        purpose=purpose,
        source=source,
    )


def cypher_root() -> Traversable:
    """The cypher/ folder: inside the installed package, or the checkout's top level."""
    return packaged("cypher")


def _walk(folder: Traversable, prefix: str = "") -> Iterable[tuple[str, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _walk(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".cypher"):
            yield prefix + entry.name[: -len(".cypher")], entry


class QueryLibrary:
    """Every query file, parsed once, looked up by name and backend."""

    def __init__(self, *roots: Traversable) -> None:
        """Parse every file under `roots` (the shipped cypher/ first; later roots add names)."""
        self._queries: dict[tuple[str, str], Query] = {}
        generic: dict[str, Query] = {}
        for stem, entry in (found for root in roots for found in _walk(root)):
            name, _, variant = stem.partition(".")
            text = entry.read_text(encoding="utf-8")
            if variant and variant not in BACKENDS:
                raise QueryError(f"{entry.name}: unknown backend variant {variant!r}")
            query = parse_query(name, variant or "any", text, f"cypher/{stem}.cypher")
            if variant:
                self._queries[(name, variant)] = query
            else:
                generic[name] = query
        for name, query in generic.items():
            for backend in BACKENDS:
                self._queries.setdefault((name, backend), query)
        self.names = frozenset(name for name, _ in self._queries)

    def get(self, name: str, backend: str) -> Query:
        """The query called `name` for `backend` (its variant where one exists)."""
        try:
            return self._queries[(name, backend)]
        except KeyError:
            raise QueryError(f"no query named {name!r} in cypher/") from None

    def variants(self) -> list[tuple[str, str]]:
        """(name, backend) pairs that have a backend-specific file."""
        return sorted(k for k, q in self._queries.items() if q.backend != "any")


@lru_cache(maxsize=1)
def library() -> QueryLibrary:
    """The query library of this installation, loaded once."""
    return QueryLibrary(cypher_root())
