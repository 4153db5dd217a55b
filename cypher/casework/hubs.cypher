// Purpose: The policing areas and their IOM hubs, for hub filters.
// Parameters: none
// Returns: id, name, hub_name
MATCH (a:Area)
RETURN a.id AS id, a.name AS name, a.hub_name AS hub_name
ORDER BY id
