// Purpose: Record a dated assessment of an OCG with its attribute grades, and set the OCG's current band.
// Parameters: $ocg, $id, $assessed_on, $band, $score, $assessed_by, $rationale, $grades (list of {id, attribute, grade, note})
// Returns: id
MATCH (g:OCG {id: $ocg})
CREATE (g)-[:ASSESSED_AS]->(s:OCGAssessment {
  id: $id, assessed_on: $assessed_on, band: $band, score: $score, assessed_by: $assessed_by,
  rationale: $rationale
})
SET g.band = $band
WITH s
UNWIND $grades AS row
CREATE (s)-[:GRADED]->(:AssessmentGrade {id: row.id, attribute: row.attribute, grade: row.grade, note: row.note})
RETURN DISTINCT s.id AS id
