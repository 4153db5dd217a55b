"""Render the model declaration as Markdown, so docs/model.md can't drift from model.yaml.

Regenerate with `python -m iom.model.docs > docs/model.md`; a test fails when they differ.
"""

from __future__ import annotations

from iom.model import MODEL, Label, Model, Property

__all__ = ["render_markdown"]

INTRO = """\
# The iom graph model

This page is generated from `src/iom/model/model.yaml`, the one declaration of the model:
the allow-lists used to build queries, import validation and form choices all come from it.
Regenerate with `python -m iom.model.docs > docs/model.md` (a test fails when they differ).

- Every node label is keyed on `id`, a string unique within the label.
- Dates are ISO-8601 strings (`YYYY-MM-DD`); date arithmetic is done in Python.
- `config:NAME` vocabularies are force-editable reference tables (see `iom config init`):
  `offence_types` from `harm_weights.csv`, `ocg_bands` and `ocg_statuses` from `ocg_bands.yaml`.
- Labels marked *personal data* are read and written only through library functions that are
  told who is acting and why, and those reads and writes are audited.
"""


def _prop_rows(props: dict[str, Property]) -> list[str]:
    rows = ["| property | type | required | vocabulary |", "|---|---|---|---|"]
    for p in props.values():
        kind = p.type + (", not after the as-of date" if p.past else "")
        kind += f", at least {p.minimum:g}" if p.minimum is not None else ""
        rows.append(f"| `{p.name}` | {kind} | {'yes' if p.required else ''} | {p.vocab or ''} |")
    return rows


def _label_section(label: Label) -> list[str]:
    lines = [f"### {label.name}", "", label.description, ""]
    if label.personal_data:
        lines += ["*Personal data.*", ""]
    if label.extra_labels:
        extras = ", ".join(f"`{x}`" for x in label.extra_labels)
        lines += [f"Extra labels a node may also carry: {extras}.", ""]
    return lines + _prop_rows(label.properties) + [""]


def render_markdown(model: Model = MODEL) -> str:
    """The whole model as Markdown: labels, relationship types, vocabularies."""
    lines = [INTRO, "## Node labels", ""]
    for label in model.labels.values():
        lines += _label_section(label)
    lines += ["## Relationship types", ""]
    for rel in model.relationships.values():
        start, end = "\\|".join(rel.start), "\\|".join(rel.end)
        lines += [f"### {rel.name}", "", f"`({start})-[:{rel.name}]->({end})`", ""]
        lines += [rel.description, ""]
        if rel.properties:
            lines += [*_prop_rows(rel.properties), ""]
    lines += ["## Written by the library only", ""]
    for label in model.system_labels.values():
        lines += _label_section(label)
    lines += ["## Vocabularies", "", "| name | values | source |", "|---|---|---|"]
    for vocab in model.vocabularies.values():
        values = "; ".join(f"`{code}` {vocab.label(code)}" for code in vocab.values)
        lines.append(f"| {vocab.name} | {values} | {vocab.source} |")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render_markdown(), end="")
