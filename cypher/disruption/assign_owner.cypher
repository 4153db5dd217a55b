// Purpose: Make an officer the owner (lead responsible officer) of an OCG, replacing any current owner.
// Parameters: $ocg, $officer, $since, $reason, $assigned_by
// Returns: previous (list of the replaced owners' ids)
MATCH (g:OCG {id: $ocg}), (o:Officer {id: $officer})
OPTIONAL MATCH (prev:Officer)-[old:OWNS]->(g)
WITH g, o, collect(prev.id) AS previous, collect(old) AS olds
FOREACH (r IN olds | DELETE r)
CREATE (o)-[:OWNS {since: $since, reason: $reason, assigned_by: $assigned_by}]->(g)
RETURN previous
