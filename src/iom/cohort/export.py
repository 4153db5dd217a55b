"""The ranked list for people: human labels instead of codes, as a table, CSV or Excel.

Cells that a spreadsheet would run as a formula (starting with =, +, - or @) are prefixed
with an apostrophe in exports, so a name in the data can never become a formula.

>>> safe_cell("=HYPERLINK(1)"), safe_cell("Ann"), safe_cell(-3)
("'=HYPERLINK(1)", 'Ann', -3)
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import Any

import pandas as pd

from iom.errors import ConfigError
from iom.model import vocab_label
from iom.text import terminal

__all__ = ["COLUMNS", "export_bytes", "export_ranking", "labelled", "safe_cell"]

COLUMNS = {
    "rank": "Rank",
    "id": "Person id",
    "name": "Name",
    "cohort_type": "Cohort type",
    "score": "Score (0-100)",
    "band": "Band",
    "recommendation": "Recommendation",
    "reasons": "Why",
    "flags": "Flags",
    "lead": "Lead arrangement",
    "lead_owner": "Lead owner",
    "hub": "Hub",
    "age": "Age",
    "release_due": "Release due",
    "confidence": "Data completeness (%)",
    "harm_points": "Harm points",
    "frequency_points": "Frequency points",
    "da_victims_points": "DA victims points",
    "trend_points": "Rising offending points",
    "network_points": "Network points",
    "ocg_role_points": "OCG role points",
    "household_points": "Household points",
    "risk_markers_points": "Risk marker points",
    "harm": "Harm (CCHI days, outcome- and recency-weighted)",
    "harm_css": "Harm (CSS, not scored)",
    "frequency": "Offences per year at liberty",
    "liberty_days": "Days at liberty (last year)",
    "da_victims": "Domestic-abuse victims",
    "offences": "Offences in window",
    "nfa": "Ended in no further action",
    "last_offence_on": "Last counted offence",
}
_FORMULA = ("=", "+", "-", "@")


def safe_cell(value: Any) -> Any:
    """A text cell that cannot run as a spreadsheet formula and holds no control characters
    (a spreadsheet refuses them; a terminal would obey them); other values unchanged."""
    if not isinstance(value, str):
        return value
    value = terminal(value)
    if value.startswith(_FORMULA):
        return "'" + value
    return value


def labelled(frame: pd.DataFrame, cohort_type: str | None = None) -> pd.DataFrame:
    """The ranked rows with human labels for every code and readable column names."""
    out = frame.copy()
    if "cohort_type" not in out:
        out["cohort_type"] = cohort_type
    out["cohort_type"] = out["cohort_type"].map(lambda c: vocab_label("IomCohort", c))
    out["recommendation"] = out["recommendation"].map(
        lambda c: vocab_label("CohortRecommendation", c)
    )
    out["flags"] = out["flags"].map(
        lambda f: "; ".join(vocab_label("CohortFlag", c) for c in f) if isinstance(f, list) else ""
    )
    out["reasons"] = out["reasons"].map(lambda r: "; ".join(r) if isinstance(r, list) else "")
    out["lead"] = out["lead"].map(
        lambda c: vocab_label("LeadArrangement", c) if isinstance(c, str) else ""
    )
    for column in ("score", "confidence", "harm", "harm_css", "frequency"):
        out[column] = out[column].astype(float).round(1)
    for column in (c for c in COLUMNS if c.endswith("_points")):
        out[column] = out[column].astype(float).round(1)
    keep = [c for c in COLUMNS if c in out]
    return out[keep].rename(columns=COLUMNS)


def export_bytes(table: pd.DataFrame, kind: str) -> bytes:
    """A labelled table as CSV (UTF-8) or Excel bytes; formula-like text made safe."""
    safe = table.map(safe_cell)
    if kind == "csv":
        return safe.to_csv(index=False).encode("utf-8")
    if kind == "xlsx":
        if importlib.util.find_spec("openpyxl") is None:  # pragma: no cover - a dependency
            raise ConfigError("Excel export needs openpyxl: pip install openpyxl")
        buffer = io.BytesIO()
        safe.to_excel(buffer, index=False, sheet_name="Cohort ranking", engine="openpyxl")
        return buffer.getvalue()
    raise ConfigError(f"export format {kind!r} is not allowed; allowed: csv, xlsx")


def export_ranking(table: pd.DataFrame, path: Path) -> Path:
    """Write a labelled table to `path`, CSV or Excel by its suffix (.csv, .xlsx)."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("csv", "xlsx"):
        raise ConfigError(f"{path}: export to a .csv or .xlsx file, not {path.suffix or 'none'}")
    path.write_bytes(export_bytes(table, kind))
    return path
