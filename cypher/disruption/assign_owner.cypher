// Purpose: Make an officer the owner (lead responsible officer) of an OCG, replacing any current owner, and record why.
// Parameters: $ocg, $officer, $id, $assigned_on, $reason, $assigned_by
// Returns: previous (list of the replaced owners' ids)
MATCH (g:OCG {id: $ocg}), (o:Officer {id: $officer})
OPTIONAL MATCH (prev:Officer)-[old:OWNS]->(g)
WITH g, o, collect(prev.id) AS previous, collect(old) AS olds
FOREACH (r IN olds | DELETE r)
CREATE (o)-[:OWNS]->(g)
CREATE (o)<-[:ASSIGNS]-(:OwnerAssignment {id: $id, assigned_on: $assigned_on, reason: $reason, assigned_by: $assigned_by})-[:ASSIGNMENT_FOR]->(g)
RETURN previous
