// Purpose: Every offender plan of a person, newest first.
// Parameters: $person_id
// Returns: id, status, opened_on, closed_on
MATCH (p:Person {id: $person_id})-[:HAS_PLAN]->(pl:Plan)
WHERE pl.plan_type = 'OFFENDER'
RETURN pl.id AS id, pl.status AS status, pl.opened_on AS opened_on, pl.closed_on AS closed_on
ORDER BY pl.opened_on DESC, pl.id DESC
