// Purpose: Add one dated needs assessment on a pathway to a plan (earlier ones are kept).
// Parameters: $plan_id, $id, $pathway, $severity, $status, $assessed_on, $assessed_by, $notes
// Returns: id
MATCH (pl:Plan {id: $plan_id})
CREATE (n:NeedAssessment {id: $id, pathway: $pathway, severity: $severity, status: $status,
                          assessed_on: $assessed_on, assessed_by: $assessed_by, notes: $notes})
CREATE (pl)-[:HAS_ASSESSMENT]->(n)
RETURN n.id AS id
