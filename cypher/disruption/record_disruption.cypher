// Purpose: Create one disruption, link it to the OCG it disrupted, and keep its evidence and assets record.
// Parameters: $ocg, $props (map of the disruption's properties, with id), $evidence (map of the evidence record's properties, with id)
// Returns: id
MATCH (g:OCG {id: $ocg})
CREATE (g)-[:DISRUPTED_BY]->(d:Disruption)-[:EVIDENCED_BY]->(e:DisruptionEvidence)
SET d += $props, e += $evidence
RETURN d.id AS id
