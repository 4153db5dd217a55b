"""Files shipped inside the package (query files, seed data, the dashboard entry point).

`pip install .` copies them into the package (see pyproject's force-include); in a checkout
(an editable install) they are read from the repository's top level.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from iom.errors import ConfigError

__all__ = ["packaged"]

_CHECKOUT = Path(__file__).resolve().parents[2]
_NAMES = {"cypher": "_cypher", "seed_data": "_seed_data", "streamlit_app.py": "_streamlit_app.py"}


def packaged(name: str) -> Traversable:
    """The shipped copy of `name` (cypher, seed_data or streamlit_app.py)."""
    inside = resources.files("iom").joinpath(_NAMES[name])
    if inside.is_dir() or inside.is_file():
        return inside
    checkout = _CHECKOUT / name
    if checkout.exists():
        return checkout
    raise ConfigError(f"{name} is missing from this installation; reinstall iom (pip install .)")
