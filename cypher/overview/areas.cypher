// Purpose: The policing areas and their IOM hubs, for the home page's figures.
// Parameters: none
// Returns: id, name, hub, population
MATCH (a:Area)
RETURN a.id AS id, a.name AS name, a.hub_name AS hub, a.population AS population
ORDER BY id
