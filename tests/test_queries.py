"""The query files: headers, use, names from the model, documented variants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iom.errors import QueryError
from iom.model import MODEL
from iom.store.queries import QueryLibrary, library, parse_query

REPO = Path(__file__).resolve().parents[1]
CYPHER = REPO / "cypher"
SOURCES = [
    *REPO.joinpath("src", "iom").rglob("*.py"),
    *REPO.joinpath("benchmarks").glob("*.py"),
    REPO / "streamlit_app.py",
]
_LABEL_RE = re.compile(r"\(\s*\w*\s*((?::\s*`?[A-Za-z_]\w*`?)+)")
_TYPE_RE = re.compile(r"\[\s*\w*\s*:\s*([A-Z_|:]+)")


def _files() -> list[Path]:
    return sorted(CYPHER.rglob("*.cypher"))


def _code(path: Path) -> str:
    return "\n".join(ln for ln in path.read_text().splitlines() if not ln.strip().startswith("//"))


def test_every_file_loads_with_a_complete_header() -> None:
    lib = QueryLibrary(CYPHER)
    assert len(_files()) >= 5
    for path in _files():
        name = str(path.relative_to(CYPHER)).removesuffix(".cypher").split(".")[0]
        assert name in lib.names


def test_every_query_is_used_by_the_library() -> None:
    text = "\n".join(p.read_text() for p in SOURCES if p.exists())
    unused = sorted(name for name in library().names if f'"{name}"' not in text)
    assert unused == [], f"query files nothing calls: {unused}"


def test_labels_and_types_in_queries_come_from_the_model() -> None:
    slots = {
        "__Label__",
        "__Labels__",
        "__Extra__",
        "__From__",
        "__To__",
        "__TYPE__",
        "__Start__",
        "__End__",
    }
    unknown = []
    for path in _files():
        code = _code(path)
        for group in _LABEL_RE.findall(code):
            for label in re.findall(r"[A-Za-z_]\w*", group):
                if label not in MODEL.all_label_names and label not in slots:
                    unknown.append(f"{path.name}: label {label}")
        for group in _TYPE_RE.findall(code):
            for rel in filter(None, re.split(r"[|:]", group)):
                if rel not in MODEL.relationships and f"__{rel.strip('_')}__" not in slots:
                    unknown.append(f"{path.name}: type {rel}")
    assert unknown == []


def test_readme_lists_every_backend_variant() -> None:
    readme = (CYPHER / "README.md").read_text()
    for name, backend in library().variants():
        assert f"| `{name}` | {backend} |" in readme, f"{name} ({backend}) not in cypher/README.md"


def test_header_is_required() -> None:
    with pytest.raises(QueryError, match="Purpose"):
        parse_query("x", "any", "MATCH (n) RETURN n.id AS id", "x.cypher")
    with pytest.raises(QueryError, match="Returns"):
        parse_query("x", "any", "// Purpose: p\n// Parameters: none\nRETURN 1", "x.cypher")


def test_undeclared_slot_is_refused() -> None:
    text = (
        "// Purpose: p\n// Parameters: none\n// Returns: id\nMATCH (n:__Label__) RETURN n.id AS id"
    )
    with pytest.raises(QueryError, match="slots used"):
        parse_query("x", "any", text, "x.cypher")


def test_parameters_in_comments_and_strings_are_not_counted() -> None:
    text = (
        "// Purpose: p\n// Parameters: $a\n// Returns: v\n"
        "MATCH (n) WHERE n.note = '$not_a_param' AND n.id = $a RETURN n.id AS v // $nor_this"
    )
    assert parse_query("x", "any", text, "x.cypher").params == frozenset({"a"})


def test_a_labels_slot_takes_several_model_labels_and_nothing_else() -> None:
    query = library().get("ingest/create_nodes", "falkordb")
    assert "CREATE (n:`Person`:`Nominal`:`Offender`)" in query.render(
        {"Labels": ["Person", "Nominal", "Offender"]}
    )
    for bad in (["Person", "Nominal) DETACH DELETE (m"], [], ["Person", 1]):
        with pytest.raises(QueryError, match="is not a known labels"):
            query.render({"Labels": bad})
