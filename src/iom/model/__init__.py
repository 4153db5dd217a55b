"""The graph model as data: labels, relationship types, properties and vocabularies.

Loaded once from `model.yaml`; allow-lists, import validation, form choices and
docs/model.md all derive from it.

>>> from iom.model import MODEL
>>> "Person" in MODEL.labels and "MEMBER_OF" in MODEL.relationships
True
>>> MODEL.vocabularies["FourP"].values
('PURSUE', 'PREVENT', 'PROTECT', 'PREPARE')
"""

from __future__ import annotations

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
]

MODEL: Model = load_model()
