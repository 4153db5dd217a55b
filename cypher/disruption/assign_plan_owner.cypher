// Purpose: Make an officer the owner of an OCG's open 4P plans, replacing the plan's current owner.
// Parameters: $ocg, $officer
// Returns: plans (count)
MATCH (g:OCG {id: $ocg})-[:HAS_PLAN]->(p:Plan), (o:Officer {id: $officer})
WHERE p.plan_type = 'FOUR_P' AND p.status = 'OPEN'
OPTIONAL MATCH (p)-[old:OWNED_BY]->(:Officer)
WITH p, o, collect(old) AS olds
FOREACH (r IN olds | DELETE r)
CREATE (p)-[:OWNED_BY]->(o)
RETURN count(p) AS plans
