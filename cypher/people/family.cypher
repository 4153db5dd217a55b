// Purpose: A person's relatives in either direction, with the OCGs each relative belongs to.
// Parameters: $id (person id)
// Returns: id, first_name, last_name, date_of_birth, relation (as recorded: start is the <relation> of end), person_is_start (bool), ocgs (list of OCG names)
MATCH (p:Person {id: $id})-[r:RELATED_TO]-(q:Person)
OPTIONAL MATCH (q)-[:MEMBER_OF]->(g:OCG)
WITH q, r, startNode(r).id = $id AS person_is_start, collect(DISTINCT g.name) AS ocgs
RETURN q.id AS id, q.first_name AS first_name, q.last_name AS last_name,
       q.date_of_birth AS date_of_birth, r.relation AS relation,
       person_is_start, ocgs
ORDER BY id
