// Purpose: Whether a person id exists, to seed a neighbourhood around them.
// Parameters: $id (person id)
// Returns: id
MATCH (p:Person {id: $id})
RETURN p.id AS id
