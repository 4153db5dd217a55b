"""Meeting, OCG and nominal packs as HTML (and PDF through WeasyPrint), for police or partners.

The partner version leaves out the fields the force marks police-only in
`ocg_disruption.yaml` (`packs.police_only`): intelligence gradings, evidence references,
assessment notes, the co-ordinator's tactic advice and association ties. Key players (the
network package's betweenness ranking) are marked in the network picture; the partner
version ranks them on co-offending and co-membership ties only and lists members only.
Every value from data is HTML-escaped; producing a pack is audited as a disclosure.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from iom.disruption.common import DisruptionInputError, config
from iom.disruption.deconfliction import deconflict
from iom.disruption.ledger import list_disruptions
from iom.disruption.meetings import meeting_record
from iom.disruption.ocgs import ocg_profile
from iom.disruption.tactics import suggest_tactics
from iom.disruption.whatif import ocg_network
from iom.model import vocab_label
from iom.network.explorer import TIE_LABELS
from iom.people import person_profile
from iom.reference import Reference
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store

__all__ = ["AUDIENCES", "Pack", "meeting_pack", "ocg_pack", "person_pack", "write_pack"]

AUDIENCES = ("police", "partner")
SHARED_TIES = ("co-offending", "ocg")  # partner packs: key players without intelligence ties
ROLE_COLOURS = {"PRINCIPAL": "#b2182b", "SIGNIFICANT": "#ef8a62", "PERIPHERAL": "#67a9cf"}
_CSS = """
body { font-family: sans-serif; font-size: 11pt; margin: 1.5em; color: #222; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; } table { border-collapse: collapse; margin: .5em 0; width: 100%; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } .marking { font-weight: bold; color: #a00; }
.overdue { color: #a00; font-weight: bold; } .legend span { margin-right: 1em; }
section { page-break-inside: auto; }
"""


@dataclass(frozen=True)
class Pack:
    """A rendered pack: its title, audience and HTML."""

    title: str
    audience: str
    html: str


def _e(value: object) -> str:
    """Escape a value for HTML; None shows as a dash."""
    return "-" if value is None or value == "" else html.escape(str(value))


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    return f"<table><tr>{head}</tr>{body}</table>" if body else "<p>None recorded.</p>"


class _Gate:
    """Which fields this audience may see."""

    def __init__(self, audience: str, reference: Reference) -> None:
        if audience not in AUDIENCES:
            raise DisruptionInputError(
                f"audience: {audience!r} is not one of {', '.join(AUDIENCES)}"
            )
        self.audience = audience
        hidden = config(reference, "packs").get("police_only") or []
        self.hidden = set(hidden) if audience == "partner" else set()

    def shows(self, field: str) -> bool:
        return field not in self.hidden


def _network_svg(
    ocg: dict[str, Any],
    members: list[dict[str, Any]],
    ties: list[dict[str, Any]],
    keys: dict[str, int] | None = None,
    key_note: str = "",
) -> str:
    """A ring picture: the OCG in the middle, current members round it, coloured by role;
    key players (id -> rank) ringed in black and labelled [key N]."""
    keys = keys or {}
    current = [m for m in members if not m.get("until")]
    size, cx, cy, r = 420, 210, 200, 150
    pos = {}
    for n, m in enumerate(current):
        angle = 2 * math.pi * n / max(1, len(current)) - math.pi / 2
        pos[m["id"]] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}">']
    for m in current:
        x, y = pos[m["id"]]
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ccc"/>')
    for t in ties:
        if t["a"] in pos and t["b"] in pos:
            (x1, y1), (x2, y2) = pos[t["a"]], pos[t["b"]]
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                'stroke="#555" stroke-dasharray="4,3"/>'
            )
    parts.append(f'<circle cx="{cx}" cy="{cy}" r="16" fill="#333"/>')
    parts.append(
        f'<text x="{cx}" y="{cy + 30}" font-size="11" text-anchor="middle">'
        f"{_e(ocg.get('name'))}</text>"
    )
    for m in current:
        x, y = pos[m["id"]]
        colour = ROLE_COLOURS.get(m.get("role") or "", "#999")
        ring = ' stroke="#000" stroke-width="3"' if m["id"] in keys else ""
        label = m["name"] + (f" [key {keys[m['id']]}]" if m["id"] in keys else "")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="10" fill="{colour}"{ring}/>')
        parts.append(
            f'<text x="{x:.1f}" y="{y + 22:.1f}" font-size="10" text-anchor="middle">'
            f"{_e(label)}</text>"
        )
    parts.append("</svg>")
    legend = "".join(
        f'<span><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="{c}"/></svg> '
        f"{_e(vocab_label('OcgRole', role))}</span>"
        for role, c in ROLE_COLOURS.items()
    )
    legend += "<span>grey line: membership</span>"
    if ties:
        legend += "<span>dashed line: association (intelligence)</span>"
    legend += (
        '<span><svg width="12" height="12"><circle cx="6" cy="6" r="4" fill="#fff" '
        'stroke="#000" stroke-width="2"/></svg> black ring, [key N]: key player N '
        f"({_e(key_note)})</span>"
    )
    return "".join(parts) + f'<p class="legend">{legend}</p>'


def _timeline(p: dict[str, Any]) -> list[tuple[str, str, str]]:
    events = []
    for h in p["band"].history:
        events.append((str(h["assessed_on"]), "Assessment", f"band {h['band']}"))
    for d in p["ledger"]:
        tactics = ", ".join(t["name"] for t in d["tactics"])
        events.append(
            (
                str(d["occurred_on"]),
                "Disruption",
                f"{vocab_label('DisruptionImpact', d['impact'])}: {tactics}",
            )
        )
    for d in p["decisions"]:
        events.append((str(d["held_on"]), "Decision", d.get("decision") or ""))
    return sorted(events, reverse=True)


def _ocg_section(store: Store, actor: Actor, ocg_id: str, gate: _Gate, reference: Reference) -> str:
    p = ocg_profile(store, actor, ocg_id, reference=reference)
    d, band = p["details"], p["band"]
    ties = store.read("disruption/member_ties", {"ocg": ocg_id}) if gate.shows("associates") else []
    out = [f"<section><h2>{_e(d.get('name'))} ({_e(ocg_id)})</h2>"]
    out.append(
        _table(
            ["threat", "activity", "band", "status", "areas", "owner"],
            [
                [
                    vocab_label("SocThreat", d.get("threat")),
                    d.get("activity"),
                    d.get("band"),
                    d.get("status"),
                    ", ".join(p["areas"]),
                    ", ".join(o["name"] for o in p["owners"]),
                ]
            ],
        )
    )
    net = ocg_network(store, actor, ocg_id, ties=None if gate.shows("associates") else SHARED_TIES)
    tie_words = ", ".join(TIE_LABELS.get(t, t).lower() for t in net.projection.ties)
    key_note = f"{net.rule}; ties: {tie_words}"
    current = {m["id"]: m for m in p["members"] if not m.get("until")}
    shown = [k for k in net.key_players if gate.shows("associates") or k["id"] in current]
    out.append("<h3>Network</h3>" + _network_svg(d, p["members"], ties, net.ranks, key_note))
    out.append(
        "<h3>Key players</h3>"
        + (
            _table(
                ["key", "name", "OCG role", "betweenness", "why"],
                [[k["rank"], k["name"], k["role"], k["betweenness"], k["reason"]] for k in shown],
            )
            if shown
            else "<p>No key player: nobody lies between others in this network.</p>"
        )
        + f"<p>Key players: {_e(key_note)}.</p>"
    )
    member_cols = ["name", "role", "since"] + (["grading"] if gate.shows("intel_grading") else [])
    out.append(
        "<h3>Members</h3>"
        + _table(
            member_cols,
            [
                [m["name"], vocab_label("OcgRole", m.get("role")), m.get("since")]
                + ([m.get("grading")] if gate.shows("intel_grading") else [])
                for m in p["members"]
                if not m.get("until")
            ],
        )
    )
    if ties:
        names = {m["id"]: m["name"] for m in p["members"]}
        out.append(
            "<h3>Associations between members (intelligence)</h3>"
            + _table(
                ["between", "and", "source", "grading"],
                [
                    [
                        names.get(t["a"]),
                        names.get(t["b"]),
                        vocab_label("AssociationSource", t.get("source")),
                        t.get("grading"),
                    ]
                    for t in ties
                ],
            )
        )
    out.append(
        f"<h3>Band</h3><p>Band {_e(band.band)}, score {_e(band.score)}: {_e(band.note)}.</p>"
    )
    if band.parts:
        cols = ["attribute", "grade", "adds"] + (["note"] if gate.shows("assessment_notes") else [])
        out.append(
            _table(
                cols,
                [
                    [x["label"], x["grade_label"], x["contribution"]]
                    + ([x["note"]] if gate.shows("assessment_notes") else [])
                    for x in band.parts
                ],
            )
        )
    out.append(f"<p>Rule: {_e(band.rule)}</p>")
    out.append("<h3>Timeline</h3>" + _table(["date", "what", "detail"], _timeline(p)))
    rows = []
    for plan in p["plan"]["plans"]:
        for strand, actions in plan["strands"].items():
            for a in actions:
                rows.append(
                    [
                        vocab_label("FourP", strand),
                        a.get("objective"),
                        a["description"],
                        (a["owner"] or {}).get("name"),
                        a.get("due_on"),
                        vocab_label("ActionStatus", a.get("status"))
                        + (" (overdue)" if a["overdue"] else ""),
                    ]
                )
    out.append(
        "<h3>4P plan</h3>"
        + _table(["strand", "objective", "action", "owner", "due", "status"], rows)
    )
    ledger_cols = ["date", "4P", "tactics", "impact", "rationale", "lead partner", "approved by"]
    if gate.shows("evidence_refs"):
        ledger_cols.append("evidence")
    ledger_rows = []
    for x in p["ledger"]:
        row = [
            x["occurred_on"],
            vocab_label("FourP", x["four_p"]),
            ", ".join(t["name"] for t in x["tactics"]),
            vocab_label("DisruptionImpact", x["impact"]),
            x.get("impact_rationale"),
            x.get("partner_name"),
            x.get("approver_name") or x.get("approved_by"),
        ]
        if gate.shows("evidence_refs"):
            row.append("; ".join(x.get("evidence_refs") or []))
        ledger_rows.append(row)
    out.append("<h3>Disruptions</h3>" + _table(ledger_cols, ledger_rows))
    out.append(
        "<h3>Decisions</h3>"
        + _table(
            ["date", "meeting", "decision"],
            [[x["held_on"], x.get("title"), x.get("decision")] for x in p["decisions"]],
        )
    )
    suggestions, rule, advice = suggest_tactics(store, actor, ocg_id, reference=reference)
    if advice and gate.shows("tactic_advice"):
        advised = ", ".join(t["name"] for t in advice["tactics"])
        out.append(
            f"<h3>Co-ordinator's advice</h3><p>{_e(advice['given_on'])} "
            f"{_e(advice['officer_name'])}: {_e(advice['advice'])} ({_e(advised)})</p>"
        )
    out.append(
        "<h3>Suggested tactics</h3>"
        + _table(
            ["tactic", "area", "record"],
            [[s.name, vocab_label("TacticArea", s.tactic_area), s.reason] for s in suggestions[:5]],
        )
        + f"<p>{_e(rule)}</p></section>"
    )
    return "".join(out)


def _page(title: str, gate: _Gate, body: str) -> str:
    marking = (
        "OFFICIAL-SENSITIVE: police version, contains intelligence"
        if gate.audience == "police"
        else "OFFICIAL: partner version, police-only intelligence removed"
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{_e(title)}</title>"
        f"<style>{_CSS}</style></head><body><p class='marking'>{_e(marking)}</p>"
        f"<h1>{_e(title)}</h1><p>Produced {date.today().isoformat()}.</p>{body}</body></html>"
    )


def ocg_pack(
    store: Store, actor: Actor, ocg_id: str, *, audience: str, reference: Reference
) -> Pack:
    """One OCG's pack: network and legend, timeline, band, plan, ledger, decisions."""
    gate = _Gate(audience, reference)
    body = _ocg_section(store, actor, ocg_id, gate, reference)
    audit.record(store, actor, "DISCLOSURE", [ocg_id], f"OCG pack ({audience})")
    return Pack(f"OCG pack: {ocg_id}", audience, _page(f"OCG pack: {ocg_id}", gate, body))


def meeting_pack(
    store: Store, actor: Actor, meeting_id: str, *, audience: str, reference: Reference
) -> Pack:
    """A meeting's pack: agenda with reasons, each agenda OCG in full, decisions, minutes."""
    gate = _Gate(audience, reference)
    m = meeting_record(store, actor, meeting_id)
    d = m["details"]
    title = f"{d.get('title') or meeting_id} ({d.get('held_on')})"
    body = [
        "<h2>Agenda</h2>",
        _table(
            ["#", "OCG", "why"],
            [[a["position"], a["name"], "; ".join(a["reasons"] or [])] for a in m["agenda"]],
        ),
    ]
    minutes = m["minutes"] or {}
    if minutes:
        body.append(f"<h2>Minutes</h2><p>{_e(minutes.get('text'))}</p>")
    body.append(
        "<h2>Decisions and actions</h2>"
        + _table(
            ["OCG", "decision or action", "owner", "due"],
            [[x["subject_name"], x["text"], None, None] for x in m["decisions"]]
            + [[x["subject_name"], x["text"], x["owner_name"], x["due_on"]] for x in m["actions"]],
        )
    )
    if minutes.get("next_on"):
        body.append(f"<p>Next meeting: {_e(minutes['next_on'])}</p>")
    for a in m["agenda"]:
        body.append(_ocg_section(store, actor, a["ocg_id"], gate, reference))
    audit.record(
        store,
        actor,
        "DISCLOSURE",
        [a["ocg_id"] for a in m["agenda"]],
        f"meeting pack {meeting_id} ({audience})",
    )
    return Pack(title, audience, _page(title, gate, "".join(body)))


def person_pack(
    store: Store, actor: Actor, person_id: str, *, audience: str, reference: Reference
) -> Pack:
    """A nominal's pack: OCG links, IOM plan and 4P actions side by side, disruptions."""
    gate = _Gate(audience, reference)
    profile = person_profile(store, actor, person_id, reference=reference)
    body = ["<h2>OCG membership</h2>"]
    cols = ["OCG", "role", "since"] + (["grading"] if gate.shows("intel_grading") else [])
    body.append(
        _table(
            cols,
            [
                [g.get("name"), vocab_label("OcgRole", g.get("role")), g.get("since")]
                + ([g.get("grading")] if gate.shows("intel_grading") else [])
                for g in profile.ocgs
            ],
        )
    )
    for dc in deconflict(store, actor, reference=reference, person_id=person_id):
        body.append("<h2>IOM plan and 4P plans side by side</h2>")
        body.append(
            "<h3>IOM plan</h3>"
            + _table(
                ["action", "pathway", "owner", "due", "status"],
                [
                    [
                        a["description"],
                        vocab_label("Pathway", a.get("pathway")),
                        a.get("owner_name"),
                        a.get("due_on"),
                        vocab_label("ActionStatus", a.get("status")),
                    ]
                    for a in dc.iom_actions
                ],
            )
        )
        body.append(
            "<h3>4P actions aimed at this person or their home</h3>"
            + _table(
                ["OCG", "strand", "action", "owner", "due", "status"],
                [
                    [
                        a["ocg_id"],
                        vocab_label("FourP", a.get("four_p")),
                        a["description"],
                        a.get("owner_name"),
                        a.get("due_on"),
                        vocab_label("ActionStatus", a.get("status")),
                    ]
                    for a in dc.ocg_actions
                ],
            )
        )
        body.append(
            "<h3>Conflicts</h3>"
            + _table(["rule", "detail"], [[c.rule, c.detail] for c in dc.conflicts])
        )
    targeted = [
        x for x in list_disruptions(store, actor) if any(t["id"] == person_id for t in x["targets"])
    ]
    body.append(
        "<h2>Disruptions targeting this person</h2>"
        + _table(
            ["date", "OCG", "tactics", "impact"],
            [
                [
                    x["occurred_on"],
                    x["ocg_name"],
                    ", ".join(t["name"] for t in x["tactics"]),
                    vocab_label("DisruptionImpact", x["impact"]),
                ]
                for x in targeted
            ],
        )
    )
    if gate.shows("associates"):
        body.append(
            "<h2>Associates (intelligence)</h2>"
            + _table(
                ["name", "source", "grading"],
                [[a["name"], a.get("source"), a.get("grading")] for a in profile.associates],
            )
        )
    audit.record(store, actor, "DISCLOSURE", [person_id], f"nominal pack ({audience})")
    title = f"Nominal pack: {profile.name} ({person_id})"
    return Pack(title, audience, _page(title, gate, "".join(body)))


def write_pack(pack: Pack, path: Path) -> Path:
    """Write the pack as HTML, or as PDF (WeasyPrint) when the name ends in .pdf."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise DisruptionInputError(f"--out {path}: the file name must end in .html or .pdf")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        from weasyprint import HTML

        HTML(string=pack.html).write_pdf(str(path))
    else:
        path.write_text(pack.html, encoding="utf-8")
    return path
