"""The model declaration: consistent, documented, and the source of every allow-list."""

from __future__ import annotations

from pathlib import Path

import pytest

from iom.errors import ConfigError
from iom.model import MODEL, load_model
from iom.model.docs import render_markdown
from iom.reference import load_reference

REPO = Path(__file__).resolve().parents[1]


def test_docs_model_md_is_in_step_with_the_declaration() -> None:
    committed = (REPO / "docs" / "model.md").read_text()
    assert committed == render_markdown(), (
        "docs/model.md is stale: run `python -m iom.model.docs > docs/model.md`"
    )


def test_domain_vocabularies_are_declared_with_exact_values() -> None:
    v = MODEL.vocabularies
    assert v["FourP"].values == ("PURSUE", "PREVENT", "PROTECT", "PREPARE")
    assert v["DisruptionImpact"].values == ("MAJOR", "MODERATE", "MINOR", "NONE", "NEGATIVE")
    assert v["TacticArea"].values == (
        "LIFESTYLE",
        "BEHAVIOUR",
        "VEHICLES",
        "TRAVEL",
        "BUSINESS",
        "CRIME",
    )
    assert v["IomCohort"].values == ("FIXED", "FLEX", "FREE")
    assert v["MappaLevel"].values == ("1", "2", "3")
    assert len(v["SocThreat"].values) == 10
    assert v["AuditOperation"].values[0] == "COLLECTION"
    for name in ("Pathway", "MaracCriterion", "ReferralSource", "OcgRole", "DataSubjectCategory"):
        assert v[name].values and v[name].source


def test_config_vocabularies_resolve_from_reference_tables() -> None:
    ref = load_reference()
    for label in [*MODEL.labels.values()]:
        for prop in label.properties.values():
            if prop.vocab and prop.vocab.startswith("config:"):
                assert ref.vocabulary(prop.vocab.removeprefix("config:"))


def test_disruptions_must_carry_rationale_and_an_approving_officer_link() -> None:
    # Issue 10: the approver is required for major and moderate only (the ledger enforces it,
    # tests/test_disruption_ledger.py); it is an Officer, linked by APPROVED_BY.
    assert {"impact", "impact_rationale"} <= set(MODEL.labels["Disruption"].required)
    approved = MODEL.relationships["APPROVED_BY"]
    assert (approved.start, approved.end) == (("Disruption",), ("Officer",))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("labels:\n  person:\n    properties: {id: {required: true}}", "PascalCase"),
        ("labels:\n  Person:\n    properties: {name: {}}", "required `id`"),
        ("labels:\n  Person:\n    properties: {id: {required: true, type: text}}", "unknown type"),
        ("labels:\n  Person:\n    properties: {id: {required: true, vocab: Nope}}", "vocabulary"),
    ],
)
def test_a_broken_declaration_is_refused_clearly(bad: str, message: str) -> None:
    text = "vocabularies: {}\nrelationships: {}\n" + bad
    with pytest.raises(ConfigError, match=message):
        load_model(text)


def test_relationship_ends_must_be_known_labels() -> None:
    text = (
        "vocabularies: {}\nlabels:\n  A:\n    properties: {id: {required: true}}\n"
        "relationships:\n  LINKS:\n    from: [A]\n    to: [B]\n"
    )
    with pytest.raises(ConfigError, match="unknown label 'B'"):
        load_model(text)


def test_every_vocabulary_value_has_a_human_label() -> None:
    """Pages and exports show labels, never raw codes: each code in model.yaml has one."""
    for vocab in MODEL.vocabularies.values():
        for code in vocab.values:
            label = vocab.label(code)
            assert label.strip(), f"{vocab.name}.{code} has no label"
            assert label != code, f"{vocab.name}.{code} has only its code as a label"


def test_a_vocabulary_without_labels_is_refused() -> None:
    text = "vocabularies:\n  FourP:\n    values: [PURSUE]\nlabels: {}\nrelationships: {}\n"
    with pytest.raises(ConfigError, match=r"FourP.*label"):
        load_model(text)
