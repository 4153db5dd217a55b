// Purpose: Record a dated attribute-based assessment of an OCG and set the OCG's current band.
// Parameters: $ocg, $id, $assessed_on, $band, $score, $assessed_by, $rationale, $attributes, $grades, $notes, $next_due
// Returns: id
MATCH (g:OCG {id: $ocg})
CREATE (g)-[:ASSESSED_AS]->(s:OCGAssessment {
  id: $id, assessed_on: $assessed_on, band: $band, score: $score, assessed_by: $assessed_by,
  rationale: $rationale, attributes: $attributes, grades: $grades, notes: $notes, next_due: $next_due
})
SET g.band = $band
RETURN s.id AS id
