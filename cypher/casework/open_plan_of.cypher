// Purpose: A person's open offender plan (one plan per nominal), if any.
// Parameters: $person_id
// Returns: id
MATCH (p:Person {id: $person_id})-[:HAS_PLAN]->(pl:Plan)
WHERE pl.plan_type = 'OFFENDER' AND pl.status = 'OPEN'
RETURN pl.id AS id
ORDER BY pl.opened_on DESC
