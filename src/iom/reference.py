"""Force-editable reference tables: harm weights, OCG bands and statuses, cohort and disruption
configuration.

Defaults ship with the package; a force points IOM_CONFIG_DIR (or `<data dir>/config`) at
its own copies, made with `iom config init`.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from iom.errors import ConfigError
from iom.model import vocab_label
from iom.settings import Settings

__all__ = [
    "FILES",
    "HarmWeight",
    "Reference",
    "code_label",
    "copy_defaults",
    "labelled",
    "load_reference",
    "read_table",
    "reference_for",
]

FILES = (
    "harm_weights.csv",
    "ocg_bands.yaml",
    "cohort.yaml",
    "ocg_disruption.yaml",
)


@dataclass(frozen=True)
class HarmWeight:
    """Harm of one offence type: Cambridge CHI days and ONS Crime Severity Score weight."""

    offence_type: str
    description: str
    cchi_days: float
    css_weight: float
    neighbourhood_crime: str | None
    source: str


@dataclass(frozen=True)
class Reference:
    """All reference tables, loaded from one folder."""

    harm_weights: dict[str, HarmWeight]
    ocg_bands: dict[str, dict[str, Any]]
    ocg_statuses: dict[str, dict[str, Any]]
    folder: str
    disruption: dict[str, Any] = field(default_factory=dict)

    def label(self, table: str, code: str | None) -> str:
        """The human label of a code of a `config:` vocabulary (the code if none is known).

        Offence types are labelled by harm_weights.csv's `description`; bands and statuses by
        their `label` in ocg_bands.yaml where given, else by the code.
        """
        if code is None:
            return ""
        code = str(code)
        if table == "offence_types":
            weight = self.harm_weights.get(code)
            return weight.description if weight and weight.description else code
        entries = {"ocg_bands": self.ocg_bands, "ocg_statuses": self.ocg_statuses}
        if table not in entries:
            self.vocabulary(table)  # raises the unknown-table error
        entry = entries[table].get(code) or {}
        return str(entry.get("label") or code)

    def vocabulary(self, name: str) -> tuple[str, ...]:
        """Codes of a `config:` vocabulary named in the model."""
        tables = {
            "offence_types": tuple(self.harm_weights),
            "ocg_bands": tuple(self.ocg_bands),
            "ocg_statuses": tuple(self.ocg_statuses),
        }
        if name not in tables:
            raise ConfigError(f"unknown reference table {name!r}; known: {', '.join(tables)}")
        return tables[name]


def _read(folder: Path | None, name: str) -> tuple[str, str]:
    if folder is not None and (folder / name).is_file():
        path = folder / name
        return path.read_text(encoding="utf-8"), str(path)
    default = resources.files("iom.config").joinpath("defaults", name)
    return default.read_text(encoding="utf-8"), f"(default) {name}"


def read_table(folder: Path | None, name: str) -> tuple[str, str]:
    """The text of table `name` from `folder` if it has one, else the default; and where."""
    return _read(folder, name)


def _harm(text: str, where: str) -> dict[str, HarmWeight]:
    out: dict[str, HarmWeight] = {}
    for row_no, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            weight = HarmWeight(
                offence_type=row["offence_type"].strip(),
                description=row.get("description", "").strip(),
                cchi_days=float(row["cchi_days"]),
                css_weight=float(row["css_weight"]),
                neighbourhood_crime=(row.get("neighbourhood_crime") or "").strip() or None,
                source=row.get("source", "").strip(),
            )
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"{where}:{row_no}: not a valid harm weight row ({e})") from None
        if weight.offence_type in out:
            raise ConfigError(f"{where}:{row_no}:offence_type: duplicate {weight.offence_type!r}")
        out[weight.offence_type] = weight
    if not out:
        raise ConfigError(f"{where}: no offence types")
    return out


def _coded(items: Any, where: str, key: str) -> dict[str, dict[str, Any]]:
    if not isinstance(items, list) or not all(isinstance(i, dict) and "code" in i for i in items):
        raise ConfigError(f"{where}: `{key}` must be a list of entries with a `code`")
    return {str(i["code"]): i for i in items}


def _yaml(text: str, where: str) -> dict[str, Any]:
    """A reference table's YAML as a mapping, or a ConfigError naming the file and line."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{where}{at}: not valid YAML ({problem}); fix the file") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of settings, not {type(data).__name__}")
    return data


@lru_cache(maxsize=8)
def _load(folder: str | None) -> Reference:
    path = Path(folder) if folder else None
    harm_text, harm_where = _read(path, "harm_weights.csv")
    bands_text, bands_where = _read(path, "ocg_bands.yaml")
    disruption_text, disruption_where = _read(path, "ocg_disruption.yaml")
    bands = _yaml(bands_text, bands_where)
    disruption = _yaml(disruption_text, disruption_where)
    return Reference(
        harm_weights=_harm(harm_text, harm_where),
        ocg_bands=_coded(bands.get("bands"), bands_where, "bands"),
        ocg_statuses=_coded(bands.get("statuses"), bands_where, "statuses"),
        folder=str(path) if path else "(defaults)",
        disruption=disruption,
    )


def load_reference(folder: Path | None = None) -> Reference:
    """Reference tables from `folder` where it has a file, the packaged defaults otherwise."""
    return _load(str(folder) if folder else None)


def reference_for(settings: Settings | None = None) -> Reference:
    """The force's tables: IOM_CONFIG_DIR, else `<data dir>/config`, else the defaults."""
    settings = settings or Settings.from_env()
    if settings.config_dir is not None and not settings.config_dir.is_dir():
        raise ConfigError(
            f"IOM_CONFIG_DIR={settings.config_dir} is not a folder; create it with "
            f"`iom config init {settings.config_dir}`, or unset IOM_CONFIG_DIR."
        )
    return load_reference(settings.reference_dir)


def code_label(vocabulary: str, code: str | None, reference: Reference | None = None) -> str:
    """The human label of a stored code, from the model (`Outcome`) or a table (`config:...`).

    >>> code_label("IomCohort", "FIXED")
    'Fixed (neighbourhood crime)'
    >>> code_label("config:offence_types", "HOMICIDE")
    'Murder or manslaughter'
    """
    if vocabulary.startswith("config:"):
        return (reference or load_reference()).label(vocabulary.removeprefix("config:"), code)
    return vocab_label(vocabulary, code)


def labelled(
    rows: Iterable[Mapping[str, Any]],
    vocabularies: Mapping[str, str],
    reference: Reference | None = None,
) -> list[dict[str, Any]]:
    """Copies of `rows` with each column named in `vocabularies` shown as its label.

    >>> labelled([{"cohort": "FLEX", "id": "P1"}], {"cohort": "IomCohort"})
    [{'cohort': 'Flex (local priority: domestic abuse, violence)', 'id': 'P1'}]
    """
    return [
        {
            k: code_label(vocabularies[k], v, reference)
            if k in vocabularies and v is not None
            else v
            for k, v in row.items()
        }
        for row in rows
    ]


def copy_defaults(folder: Path) -> list[Path]:
    """Copy the default tables into `folder` for a force to edit; existing files are kept."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILES:
        target = folder / name
        if target.exists():
            continue
        with resources.as_file(resources.files("iom.config").joinpath("defaults", name)) as src:
            shutil.copyfile(src, target)
        written.append(target)
    return written
