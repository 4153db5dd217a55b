// Purpose: The policing areas with their population (for disruptions per 1,000 population).
// Parameters: none
// Returns: id, name, population
MATCH (a:Area)
RETURN a.id AS id, a.name AS name, a.population AS population
ORDER BY id
