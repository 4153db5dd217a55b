// Purpose: Every dated needs assessment made under a plan, newest first.
// Parameters: $id (plan id)
// Returns: id, pathway, severity, status, assessed_on, assessed_by, notes
MATCH (pl:Plan {id: $id})-[:HAS_ASSESSMENT]->(n:NeedAssessment)
RETURN n.id AS id, n.pathway AS pathway, n.severity AS severity, n.status AS status,
       n.assessed_on AS assessed_on, n.assessed_by AS assessed_by, n.notes AS notes
ORDER BY n.assessed_on DESC, n.id DESC
