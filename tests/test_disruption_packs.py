"""Packs: the HTML renders, converts to PDF, escapes data, and the partner version leaves out
every police-only field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disruption_world import ACTOR, FILES, build
from iom.disruption.assessment import AssessmentRule, record_assessment
from iom.disruption.common import DisruptionInputError
from iom.disruption.ledger import DisruptionEntry, record_disruption
from iom.disruption.meetings import plan_meeting, record_minutes
from iom.disruption.packs import meeting_pack, ocg_pack, person_pack, write_pack
from iom.disruption.tactics import record_advice
from iom.reference import load_reference
from iom.store import Store
from whatif_world import WHATIF_FILES

REF = load_reference()
SECRETS = {  # one marker per police-only field
    "intel_grading": "GRADESECRET",
    "evidence_refs": "EVIDENCESECRET",
    "assessment_notes": "NOTESECRET",
    "tactic_advice": "ADVICESECRET",
    "associates": "ASSOCSECRET",
}


def secret_world(store: Store, tmp_path: Path) -> None:
    members = FILES["relationships/MEMBER_OF.csv"].replace(
        "P1,G1,PRINCIPAL,B2", "P1,G1,PRINCIPAL,GRADESECRET"
    )
    build(
        store,
        tmp_path,
        {
            "relationships/MEMBER_OF.csv": members,
            "relationships/ASSOCIATES_WITH.csv": (
                ":START_ID(Person),:END_ID(Person),source,grading\nP1,P2,INTELLIGENCE,ASSOCSECRET\n"
            ),
            "nodes/OCG.csv": FILES["nodes/OCG.csv"].replace(
                "Red Crew", "Red <script>x</script> Crew"
            ),
        },
    )
    grades = {a.code: "HIGH" for a in AssessmentRule.from_reference(REF).attributes}
    record_assessment(
        store,
        ACTOR,
        "G1",
        grades,
        reference=REF,
        assessed_on="2026-05-01",
        notes={"CAPABILITY": "NOTESECRET"},
    )
    record_disruption(
        store,
        ACTOR,
        DisruptionEntry(
            "G1",
            "2026-05-05",
            "MAJOR",
            "Supply stopped for months",
            ["T1"],
            approver_id="O1",
            evidence_refs=["EVIDENCESECRET"],
            targets=[("Person", "P1")],
        ),
        today=date(2026, 6, 1),
    )
    record_advice(store, ACTOR, "G1", "OC", "ADVICESECRET: go after the phones", ["T4"])


@pytest.mark.parametrize("kind", ["ocg", "person", "meeting"])
def test_partner_version_has_none_of_the_police_only_fields(
    store: Store, tmp_path: Path, kind: str
) -> None:
    secret_world(store, tmp_path)
    if kind == "meeting":
        mid, _ = plan_meeting(store, ACTOR, "PARTNER_MEETING", date(2026, 6, 1), reference=REF)
        record_minutes(
            store, ACTOR, mid, minutes="Met.", decisions={"G1": "Keep going"}, reference=REF
        )
        make, record_id = meeting_pack, mid
    else:
        make, record_id = (ocg_pack, "G1") if kind == "ocg" else (person_pack, "P1")
    police = make(store, ACTOR, record_id, audience="police", reference=REF).html
    partner = make(store, ACTOR, record_id, audience="partner", reference=REF).html
    # what the person pack shows of the police-only fields: grading, associates
    expected = {
        "ocg": set(SECRETS),
        "meeting": set(SECRETS),
        "person": {"intel_grading", "associates"},
    }[kind]
    for field in expected:
        assert SECRETS[field] in police, field
    for field, marker in SECRETS.items():
        assert marker not in partner, field
    assert "police-only intelligence removed" in partner
    if kind != "person":
        assert "Supply stopped for months" in partner  # the shared ledger is still there
        assert "&lt;script&gt;" in partner and "<script>" not in partner


def test_pack_renders_html_and_converts_to_pdf(store: Store, tmp_path: Path) -> None:
    secret_world(store, tmp_path)
    made = ocg_pack(store, ACTOR, "G1", audience="partner", reference=REF)
    html_file = write_pack(made, tmp_path / "out" / "g1.html")
    text = html_file.read_text()
    assert text.startswith("<!DOCTYPE html>") and "<svg" in text and "Principal" in text
    pdf = write_pack(made, tmp_path / "out" / "g1.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    with pytest.raises(DisruptionInputError, match=r"must end in \.html or \.pdf"):
        write_pack(made, tmp_path / "g1.docx")
    with pytest.raises(DisruptionInputError, match="'press' is not one of police, partner"):
        ocg_pack(store, ACTOR, "G1", audience="press", reference=REF)
    events = store.read("security/audit/recent_events", {"subject_id": "G1", "limit": 50})
    assert any(e["operation"] == "DISCLOSURE" for e in events)


def test_the_network_picture_marks_key_players_with_a_legend(store: Store, tmp_path: Path) -> None:
    build(store, tmp_path, WHATIF_FILES)  # Red Crew: P7 - P1 - P2 - P4 - P5 (associations)
    police = ocg_pack(store, ACTOR, "G1", audience="police", reference=REF).html
    svg = police[police.index("<svg") : police.index("</svg>")]
    assert "Sam Two [key 1]" in svg and "Pat One [key 2]" in svg
    assert svg.count('stroke="#000" stroke-width="3"') == 2  # the two members among them
    assert "black ring, [key N]: key player N (top 5 by betweenness" in police
    keys = police[police.index("<h3>Key players") : police.index("<h3>Members")]
    assert "Kim Four" in keys  # key 3 is not a member: listed for the police
    # partners: key players from co-offending and co-membership ties only (no intelligence)
    partner = ocg_pack(store, ACTOR, "G1", audience="partner", reference=REF).html
    assert "[key 1]" not in partner and "Kim Four" not in partner
    assert "No key player" in partner and "ties: co-offending, ocg co-membership" in partner
