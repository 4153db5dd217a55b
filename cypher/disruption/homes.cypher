// Purpose: The households a person lives or lived at, with the dates.
// Parameters: $person (person id)
// Returns: id, address, from_on, to_on
MATCH (p:Person {id: $person})-[r:LIVES_AT]->(h:Household)
RETURN h.id AS id, h.address AS address, r.from_on AS from_on, r.to_on AS to_on
ORDER BY from_on, id
