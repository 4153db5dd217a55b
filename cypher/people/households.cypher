// Purpose: The households a person lives or lived at, with their area and the other residents.
// Parameters: $id (person id)
// Returns: id, address, postcode, from_on, to_on, area, residents (list of {id, name})
MATCH (p:Person {id: $id})-[r:LIVES_AT]->(h:Household)
OPTIONAL MATCH (h)-[:IN_AREA]->(a:Area)
OPTIONAL MATCH (h)<-[:LIVES_AT]-(other:Person)
WHERE other.id <> $id
WITH h, r, a, collect(DISTINCT other) AS others
RETURN h.id AS id, h.address AS address, h.postcode AS postcode,
       r.from_on AS from_on, r.to_on AS to_on, a.name AS area,
       [x IN others | {id: x.id, name: x.first_name + ' ' + x.last_name}] AS residents
ORDER BY from_on DESC, id
