// Purpose: The OCGs a person is (or was) a member of, with the role recorded.
// Parameters: $id (person id)
// Returns: id, name, threat, band, status, role, since, until, grading
MATCH (p:Person {id: $id})-[m:MEMBER_OF]->(g:OCG)
RETURN g.id AS id, g.name AS name, g.threat AS threat, g.band AS band, g.status AS status,
       m.role AS role, m.since AS since, m.until AS until, m.grading AS grading
ORDER BY since DESC, id
