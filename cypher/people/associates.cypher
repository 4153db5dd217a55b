// Purpose: A person's associates, whichever way the ASSOCIATES_WITH link was recorded.
// Parameters: $id (person id)
// Returns: id, first_name, last_name, date_of_birth, source, grading, last_seen
MATCH (p:Person {id: $id})-[r:ASSOCIATES_WITH]-(q:Person)
RETURN q.id AS id, q.first_name AS first_name, q.last_name AS last_name,
       q.date_of_birth AS date_of_birth, r.source AS source, r.grading AS grading,
       r.last_seen AS last_seen
ORDER BY last_seen DESC, id
