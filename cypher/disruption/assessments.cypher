// Purpose: OCG assessments, oldest first, with their attribute grades: one OCG's, or every OCG's when $ocg is null.
// Parameters: $ocg (OCG id or null)
// Returns: ocg_id, id, assessed_on, band, score, assessed_by, rationale, grades (list of {attribute, grade, note})
MATCH (g:OCG)-[:ASSESSED_AS]->(s:OCGAssessment)
WHERE $ocg IS NULL OR g.id = $ocg
OPTIONAL MATCH (s)-[:GRADED]->(ag:AssessmentGrade)
WITH g, s, collect({attribute: ag.attribute, grade: ag.grade, note: ag.note}) AS grades
RETURN g.id AS ocg_id, s.id AS id, s.assessed_on AS assessed_on, s.band AS band, s.score AS score,
       s.assessed_by AS assessed_by, s.rationale AS rationale, grades
ORDER BY ocg_id, assessed_on, id
