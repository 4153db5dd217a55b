"""Every cypher/**/*.cypher file must pass Neo4j's own Cypher linter (parser + semantics)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cypher_lint import Diagnostic, lint_files

pytestmark = pytest.mark.lint

REPO_ROOT = Path(__file__).resolve().parents[1]

# name -> (query text, 1-based line of the expected error, fragment of its message)
BAD_QUERIES: dict[str, tuple[str, int, str]] = {
    "syntax_error": ("// unclosed node\nMATCH (n RETURN n\n", 2, "Invalid input 'RETURN'"),
    "undefined_variable": ("MATCH (n)\nRETURN m\n", 2, "Variable `m` not defined"),
    "removed_exists_property": (
        "MATCH (n)\nWHERE exists(n.prop)\nRETURN n\n",
        2,
        "`... exists(variable.property)` is no longer supported",
    ),
    "removed_curly_parameter": ("MATCH (n)\nWHERE n.x = {param}\nRETURN n\n", 2, "Invalid input"),
    "removed_size_of_pattern": (
        "MATCH (n)\nRETURN size((n)-->())\n",
        2,
        "can no longer be used inside the function size()",
    ),
    "removed_periodic_commit": (
        "USING PERIODIC COMMIT 500\nLOAD CSV FROM 'f' AS l\nCREATE ()\n",
        1,
        "PERIODIC COMMIT query hint is no longer supported",
    ),
    "removed_create_index_on": (
        "CREATE INDEX ON :Person(name)\n",
        1,
        "use `CREATE INDEX FOR ...` instead",
    ),
    "removed_colon_rel_union": ("MATCH (a)-[r:A|:B]->(b)\nRETURN r\n", 1, "no longer supported"),
    "removed_distance_function": (
        "WITH point({x: 0, y: 0}) AS p\nRETURN distance(p, p)\n",
        2,
        "Function distance is not present",
    ),
    "unknown_procedure": (
        "CALL db.labelz() YIELD label\nRETURN label\n",
        1,
        "Procedure db.labelz is not present",
    ),
    "wrong_argument_count": ("RETURN toUpper('a', 'b')\n", 1, "Too many parameters"),
    "console_command": (":param x => 1\nRETURN $x\n", 1, "Console commands are unsupported"),
}

TEMPLATE_QUERY = """\
// Template slots (__Label__ etc.) are plain identifiers until filled in.
UNWIND $rows AS row
MERGE (n:__Label__ {id: row.id})
SET n += row.props;
UNWIND $rows AS row
MATCH (a:__From__ {id: row.from})
MATCH (b:__To__:__Extra__ {id: row.to})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props
"""


def _rel(path: str) -> str:
    """Show a path relative to the repository root when it lies inside it."""
    p = Path(path)
    return str(p.relative_to(REPO_ROOT)) if p.is_relative_to(REPO_ROOT) else path


def _errors(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Keep only error-severity diagnostics."""
    return [d for d in diags if d.is_error]


def _files_neo4j_runs() -> list[Path]:
    """Every cypher/**/*.cypher that Neo4j runs (see cypher/README.md on per-backend variants).

    NAME.falkordb.cypher is FalkorDB's alone, and NAME.cypher is FalkorDB's alone when a
    NAME.neo4j.cypher replaces it for Neo4j (e.g. `CALL db.indexes()`, which Neo4j 5 rejects).
    """
    files = []
    roots = (REPO_ROOT / "cypher", REPO_ROOT / "benchmarks" / "cypher")
    for path in sorted(p for root in roots for p in root.rglob("*.cypher")):
        neo4j_variant = path.with_name(path.name.removesuffix(".cypher") + ".neo4j.cypher")
        if path.name.endswith(".falkordb.cypher") or neo4j_variant.exists():
            continue
        files.append(path)
    return files


def test_every_query_file_passes_neo4j_linter() -> None:
    files = _files_neo4j_runs()
    assert files, "no cypher/**/*.cypher files found"
    results = lint_files(files)
    assert set(results) == {str(f) for f in files}
    errors = [d for diags in results.values() for d in _errors(diags)]
    assert not errors, "Neo4j's Cypher linter rejected:\n" + "\n".join(
        f"{_rel(d.path)}:{d.line}:{d.column}: {d.message}" for d in errors
    )


@pytest.fixture(scope="module")
def bad_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Diagnostic]]:
    """Lint all BAD_QUERIES (plus a warning-only query) in a single Node run."""
    root = tmp_path_factory.mktemp("bad_cypher")
    queries = {name: case[0] for name, case in BAD_QUERIES.items()}
    queries["deprecated_only"] = "MATCH (n)\nRETURN id(n) AS i\n"
    paths = []
    for name, text in queries.items():
        path = root / f"{name}.cypher"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return {Path(k).stem: v for k, v in lint_files(paths).items()}


@pytest.mark.parametrize("name", sorted(BAD_QUERIES))
def test_linter_catches_real_problems(name: str, bad_results: dict[str, list[Diagnostic]]) -> None:
    _, line, fragment = BAD_QUERIES[name]
    errors = _errors(bad_results[name])
    assert any(d.line == line and fragment in d.message for d in errors), (
        f"{name}: expected an error on line {line} containing {fragment!r}, got {errors}"
    )


def test_warnings_do_not_count_as_errors(bad_results: dict[str, list[Diagnostic]]) -> None:
    diags = bad_results["deprecated_only"]
    assert diags, "id(n) should draw a deprecation warning"
    assert all(d.severity == "warning" and "deprecated" in d.message for d in diags), diags


def test_template_slots_lint_clean(tmp_path: Path) -> None:
    path = tmp_path / "template.cypher"
    path.write_text(TEMPLATE_QUERY, encoding="utf-8")
    assert lint_files([path]) == {str(path): []}


def test_db_schema_gives_warnings_not_errors(tmp_path: Path) -> None:
    path = tmp_path / "schema.cypher"
    path.write_text("MATCH (p:Persn)-[:KNOWS]->(q:Person)\nRETURN p.nme, q.name\n", "utf-8")
    schema = {"labels": ["Person"], "relationshipTypes": ["KNOWS"], "propertyKeys": ["name"]}
    diags = lint_files([path], db_schema=schema)[str(path)]
    assert {d.severity for d in diags} == {"warning"}, diags
    messages = " ".join(d.message for d in diags)
    assert "Persn" in messages and "nme" in messages
