// Purpose: Create one disruption and link it to the OCG it disrupted.
// Parameters: $ocg, $props (map of the disruption's properties, with id)
// Returns: id
MATCH (g:OCG {id: $ocg})
CREATE (g)-[:DISRUPTED_BY]->(d:Disruption)
SET d += $props
RETURN d.id AS id
