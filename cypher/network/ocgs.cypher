// Purpose: Every OCG's id and name, for choosing one to centre the network explorer on.
// Parameters: none
// Returns: id, name
MATCH (g:OCG)
RETURN g.id AS id, g.name AS name
ORDER BY name, id
