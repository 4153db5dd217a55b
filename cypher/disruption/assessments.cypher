// Purpose: OCG assessments, oldest first: one OCG's, or every OCG's when $ocg is null.
// Parameters: $ocg (OCG id or null)
// Returns: ocg_id, id, assessed_on, band, score, assessed_by, rationale, attributes, grades, notes, next_due
MATCH (g:OCG)-[:ASSESSED_AS]->(s:OCGAssessment)
WHERE $ocg IS NULL OR g.id = $ocg
RETURN g.id AS ocg_id, s.id AS id, s.assessed_on AS assessed_on, s.band AS band, s.score AS score,
       s.assessed_by AS assessed_by, s.rationale AS rationale, s.attributes AS attributes,
       s.grades AS grades, s.notes AS notes, s.next_due AS next_due
ORDER BY ocg_id, assessed_on, id
