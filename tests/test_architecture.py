"""The shape of the package: one-way imports between packages, and thin interfaces.

The allowed-dependency table lives in docs/architecture.md; this test reads it, so the
document and the code cannot drift apart.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import iom

PACKAGE = Path(iom.__file__).resolve().parent
DOC = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"
INTERFACES = ("cli", "ui")
QUERY_METHODS = {"read", "write", "run", "run_batches"}
QUERY_NAME = re.compile(r"[a-z_]+(/[a-z_]+)+")  # a query's name: its path under cypher/


def _units() -> set[str]:
    """Top-level packages and modules of iom: `store`, `cohort`, `errors`, `__init__`..."""
    return {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }


def _unit_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _modules(under: Path = PACKAGE) -> Iterator[Path]:
    yield from sorted(under.rglob("*.py"))


def _interface_modules() -> Iterator[Path]:
    for name in INTERFACES:
        yield from _modules(PACKAGE / name)


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted module) of every `iom` import in a file, nested ones included."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "iom":
                for alias in node.names:
                    yield node.lineno, f"iom.{alias.name}"
            else:
                yield node.lineno, node.module


def _target(module: str, units: set[str]) -> str | None:
    parts = module.split(".")
    if parts[0] != "iom":
        return None
    if len(parts) == 1:
        return "__init__"
    return parts[1] if parts[1] in units else "__init__"


def allowed_table() -> dict[str, set[str]]:
    """package -> packages it may use, from the table in docs/architecture.md."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Which may use which", 1)[1].split("\n## ", 1)[0]
    table: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [c.strip().replace("\\_", "_") for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 2 or cells[0] in ("package", "---"):
            continue
        table[cells[0]] = {u for u in re.split(r"[,\s]+", cells[1]) if u}
    return table


def test_the_table_names_every_package() -> None:
    table = allowed_table()
    assert set(table) == _units(), (
        "docs/architecture.md must list exactly the packages of iom: "
        f"missing {sorted(_units() - set(table))}, stale {sorted(set(table) - _units())}"
    )


def test_imports_between_packages_go_one_way() -> None:
    table, units = allowed_table(), _units()
    wrong = []
    for path in _modules():
        unit = _unit_of(path)
        for line, module in _imports(path):
            target = _target(module, units)
            if target and target != unit and target not in table.get(unit, set()):
                wrong.append(f"{path.relative_to(PACKAGE)}:{line}: {unit} imports {module}")
    assert wrong == [], "imports the table in docs/architecture.md does not allow:\n" + "\n".join(
        wrong
    )


def test_no_circular_dependencies_in_the_table() -> None:
    table = allowed_table()

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in table.get(start, set()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    assert [u for u in table if reaches(u, u, set())] == []


def _store_imports(path: Path) -> list[str]:
    return [
        f"{path.name}:{line}: imports {module}"
        for line, module in _imports(path)
        if module == "iom.store" or module.startswith("iom.store.")
    ]


def _query_calls(path: Path) -> list[str]:
    """Calls like `x.read("people/details", ...)`: a named query run from this file."""
    return [
        f"{path.name}:{node.lineno}: .{node.func.attr}("
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in QUERY_METHODS
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and QUERY_NAME.fullmatch(str(node.args[0].value))
    ]


def test_interfaces_do_not_touch_the_store() -> None:
    offenders = [o for path in _interface_modules() for o in _store_imports(path)]
    assert offenders == [], "pages and commands get their store from iom.connection:\n" + "\n".join(
        offenders
    )


def test_interfaces_run_no_queries() -> None:
    offenders = [o for path in _interface_modules() for o in _query_calls(path)]
    assert offenders == [], "queries belong in the library:\n" + "\n".join(offenders)


def test_the_checks_catch_a_page_that_queries_the_store(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text(
        "import streamlit as st\n"
        "from iom.store.base import Store\n"
        "def show(store: Store) -> None:\n"
        '    st.write(store.read("stats/label_counts"))\n'
        '    st.write("Shown as text")\n'
        "    st.navigation([]).run()\n"
    )
    assert _store_imports(page) == ["page.py:2: imports iom.store.base"]
    assert _query_calls(page) == ["page.py:4: .read("]
