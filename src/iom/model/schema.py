"""Typed view of model.yaml and the checks that keep it consistent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from iom.errors import ConfigError

__all__ = [
    "PROPERTY_TYPES",
    "Label",
    "Model",
    "Property",
    "Relationship",
    "Vocabulary",
    "load_model",
]

PROPERTY_TYPES = ("string", "int", "float", "bool", "date", "string[]")
_LABEL_RE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_PROP_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Vocabulary:
    """A fixed list of codes from a national standard, each with a human label.

    Codes are what is stored; labels (and optional one-line descriptions) are what people see.

    >>> v = Vocabulary("Outcome", ("NFA",), labels={"NFA": "No further action"})
    >>> v.label("NFA"), v.label("UNKNOWN_CODE")
    ('No further action', 'UNKNOWN_CODE')
    """

    name: str
    values: tuple[str, ...]
    source: str = ""
    labels: dict[str, str] = field(default_factory=dict, compare=False)
    descriptions: dict[str, str] = field(default_factory=dict, compare=False)

    def label(self, code: str | None) -> str:
        """The human label of `code`; the code itself if it is not in this vocabulary."""
        if code is None:
            return ""
        return self.labels.get(str(code), str(code))

    def description(self, code: str) -> str:
        """The one-line description of `code`, or an empty string."""
        return self.descriptions.get(str(code), "")


@dataclass(frozen=True)
class Property:
    """A property of a label or relationship type: its type, whether required, its vocabulary."""

    name: str
    type: str = "string"
    required: bool = False
    vocab: str | None = None
    past: bool = False  # a date that cannot be after the import's as-of date (birth, offence)
    minimum: float | None = None  # the smallest value a number may take (0 for counts)


@dataclass(frozen=True)
class Label:
    """A node label keyed on `id`, with the extra labels a node of it may also carry."""

    name: str
    description: str
    properties: dict[str, Property]
    extra_labels: tuple[str, ...] = ()
    personal_data: bool = False
    system: bool = False

    @property
    def required(self) -> tuple[str, ...]:
        """Names of the required properties."""
        return tuple(p.name for p in self.properties.values() if p.required)


@dataclass(frozen=True)
class Relationship:
    """A relationship type with the labels allowed at each end."""

    name: str
    description: str
    start: tuple[str, ...]
    end: tuple[str, ...]
    properties: dict[str, Property] = field(default_factory=dict)


@dataclass(frozen=True)
class Model:
    """The whole declaration, with allow-list helpers."""

    labels: dict[str, Label]
    relationships: dict[str, Relationship]
    vocabularies: dict[str, Vocabulary]
    system_labels: dict[str, Label]

    @property
    def extra_labels(self) -> frozenset[str]:
        """Secondary labels such as Nominal or Victim."""
        return frozenset(x for lab in self.labels.values() for x in lab.extra_labels)

    @property
    def all_label_names(self) -> frozenset[str]:
        """Every label a query may name: primary, secondary and system labels."""
        return frozenset(self.labels) | self.extra_labels | frozenset(self.system_labels)

    def label(self, name: str) -> Label:
        """The importable or system label called `name`, or a ConfigError."""
        if name in self.labels:
            return self.labels[name]
        if name in self.system_labels:
            return self.system_labels[name]
        raise ConfigError(f"unknown label {name!r}; known: {', '.join(sorted(self.labels))}")

    def relationship(self, name: str) -> Relationship:
        """The relationship type called `name`, or a ConfigError."""
        try:
            return self.relationships[name]
        except KeyError:
            known = ", ".join(sorted(self.relationships))
            raise ConfigError(f"unknown relationship type {name!r}; known: {known}") from None


def _properties(raw: dict[str, Any] | None, where: str, vocabs: dict[str, Vocabulary]) -> dict:
    props: dict[str, Property] = {}
    for name, spec in (raw or {}).items():
        spec = spec or {}
        prop = Property(
            name,
            spec.get("type", "string"),
            bool(spec.get("required")),
            spec.get("vocab"),
            past=bool(spec.get("past")),
            minimum=spec.get("min"),
        )
        if not _PROP_RE.match(name):
            raise ConfigError(f"model: {where}.{name}: property names are snake_case")
        if prop.type not in PROPERTY_TYPES:
            raise ConfigError(f"model: {where}.{name}: unknown type {prop.type!r}")
        if prop.vocab and not prop.vocab.startswith("config:") and prop.vocab not in vocabs:
            raise ConfigError(f"model: {where}.{name}: unknown vocabulary {prop.vocab!r}")
        props[name] = prop
    return props


def _label(name: str, spec: dict[str, Any], vocabs: dict, system: bool) -> Label:
    if not _LABEL_RE.match(name):
        raise ConfigError(f"model: label {name!r} must be PascalCase")
    props = _properties(spec.get("properties"), name, vocabs)
    if "id" not in props or not props["id"].required:
        raise ConfigError(f"model: label {name} must declare a required `id`")
    return Label(
        name=name,
        description=spec.get("description", ""),
        properties=props,
        extra_labels=tuple(spec.get("extra_labels", ())),
        personal_data=bool(spec.get("personal_data")),
        system=system,
    )


def _vocabulary(name: str, spec: dict[str, Any]) -> Vocabulary:
    """A vocabulary from `values: {CODE: "Label"}` or `{CODE: {label: ..., description: ...}}`."""
    values = spec.get("values")
    if not isinstance(values, dict) or not values:
        raise ConfigError(
            f"model: vocabulary {name!r}: values must map each code to its label "
            '(CODE: "Human label")'
        )
    labels: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for code, entry in values.items():
        if isinstance(entry, dict):
            label, description = entry.get("label"), entry.get("description", "")
        else:
            label, description = entry, ""
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(f"model: vocabulary {name!r}: code {code!r} has no label")
        labels[str(code)] = label
        if description:
            descriptions[str(code)] = str(description)
    return Vocabulary(name, tuple(labels), spec.get("source", ""), labels, descriptions)


def load_model(text: str | None = None) -> Model:
    """Parse and check the model declaration (the packaged model.yaml by default)."""
    if text is None:
        text = resources.files("iom.model").joinpath("model.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    vocabs = {name: _vocabulary(name, spec) for name, spec in raw["vocabularies"].items()}
    labels = {n: _label(n, s, vocabs, False) for n, s in raw["labels"].items()}
    system = {n: _label(n, s, vocabs, True) for n, s in raw.get("system_labels", {}).items()}
    rels: dict[str, Relationship] = {}
    for name, spec in raw["relationships"].items():
        if not _TYPE_RE.match(name):
            raise ConfigError(f"model: relationship type {name!r} must be UPPER_SNAKE")
        start, end = tuple(spec["from"]), tuple(spec["to"])
        for lab in start + end:
            if lab not in labels:
                raise ConfigError(f"model: {name} names unknown label {lab!r}")
        rels[name] = Relationship(
            name,
            spec.get("description", ""),
            start,
            end,
            _properties(spec.get("properties"), name, vocabs),
        )
    return Model(labels, rels, vocabs, system)
