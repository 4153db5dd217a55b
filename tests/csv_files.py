"""Write small import folders for tests, in the neo4j-admin CSV layout `iom load` reads."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path


def write_texts(folder: Path, files: Mapping[str, str]) -> Path:
    """Write CSV files given as text (name -> text) under `folder`."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def write_import(folder: Path, files: Mapping[str, list[list[str]]]) -> Path:
    """Write CSV files given as rows (header row first) under `folder`."""
    for name, rows in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    return folder
