"""What `pip install .` brings: every third-party module the package imports is a declared
dependency (a fresh machine has nothing else), so `iom up` cannot fail on a missing import."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "iom"


def _imported_top_level_modules() -> dict[str, str]:
    """Top-level module -> the first file importing it, over every module of the package."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(REPO)))
    return found


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_third_party_import_is_a_declared_dependency() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    declared = {
        _normalise(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0])
        for spec in project["dependencies"]
    }
    distributions = packages_distributions()
    # Installed with a declared dependency (pandas brings numpy; falkordb brings redis).
    brought_by_others = {"numpy", "redis"}
    missing = []
    for module, where in _imported_top_level_modules().items():
        if module == "iom" or module in sys.stdlib_module_names or module in brought_by_others:
            continue
        dists = {_normalise(d) for d in distributions.get(module, [module])}
        if not dists & declared:
            missing.append(f"{module} (imported in {where})")
    assert not missing, f"not declared in pyproject.toml dependencies: {missing}"
