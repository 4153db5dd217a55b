// Purpose: Whether a person is held, and their name, before explaining or recording a decision about them.
// Parameters: $id (person id)
// Returns: id, first_name, last_name; no row when unknown
MATCH (p:Person {id: $id})
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name
