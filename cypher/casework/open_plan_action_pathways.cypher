// Purpose: Pathways on which each open offender plan has an unfinished or finished action.
// Parameters: none
// Returns: plan_id, pathway, status
MATCH (pl:Plan)-[:HAS_ACTION]->(a:Action)
WHERE pl.status = 'OPEN' AND pl.plan_type = 'OFFENDER' AND a.pathway IS NOT NULL
RETURN pl.id AS plan_id, a.pathway AS pathway, a.status AS status
