"""The graph model as data: labels, relationship types, properties and vocabularies.

Loaded once from `model.yaml`; allow-lists, import validation, form choices and
docs/model.md all derive from it.

>>> from iom.model import MODEL
>>> "Person" in MODEL.labels and "MEMBER_OF" in MODEL.relationships
True
>>> MODEL.vocabularies["FourP"].values
('PURSUE', 'PREVENT', 'PROTECT', 'PREPARE')
>>> vocab_label("OffenceOutcome", "NO_FURTHER_ACTION")
'No further action'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iom.model.schema import (
    PROPERTY_TYPES,
    Label,
    Model,
    Property,
    Relationship,
    Vocabulary,
    load_model,
)

__all__ = [
    "MODEL",
    "PROPERTY_TYPES",
    "Label",
    "Model",
    "Property",
    "Relationship",
    "Vocabulary",
    "load_model",
    "person_name",
    "vocab_label",
]

MODEL: Model = load_model()


def vocab_label(vocabulary: str, code: str | None) -> str:
    """The human label of a stored code in one of the model's vocabularies (codes stay stored)."""
    return MODEL.vocabularies[vocabulary].label(code)


def person_name(row: Mapping[str, Any]) -> str:
    """A person's display name from a row's first_name and last_name (either may be missing).

    >>> person_name({"first_name": "Dean", "last_name": None})
    'Dean'
    """
    return f"{row.get('first_name') or ''} {row.get('last_name') or ''}".strip()
