// Purpose: An OCG's name and its members' ids (any membership, past or current), to seed its neighbourhood.
// Parameters: $ocg (OCG id)
// Returns: ocg_id, ocg_name, members (list of person ids)
MATCH (g:OCG {id: $ocg})
OPTIONAL MATCH (p:Person)-[:MEMBER_OF]->(g)
RETURN g.id AS ocg_id, g.name AS ocg_name, collect(DISTINCT p.id) AS members
