// Purpose: Person-to-person ties for the network projections: co-offending (a shared offence), association and family.
// Parameters: none
// Returns: a, b (person ids, a < b), kind (co_offending, association or family)
MATCH (a:Person)-[:SUSPECT_IN|CONVICTED_OF]->(:Offence)<-[:SUSPECT_IN|CONVICTED_OF]-(b:Person)
WHERE a.id < b.id
RETURN DISTINCT a.id AS a, b.id AS b, 'co_offending' AS kind
UNION ALL
MATCH (a:Person)-[:ASSOCIATES_WITH]-(b:Person)
WHERE a.id < b.id
RETURN DISTINCT a.id AS a, b.id AS b, 'association' AS kind
UNION ALL
MATCH (a:Person)-[:RELATED_TO]-(b:Person)
WHERE a.id < b.id
RETURN DISTINCT a.id AS a, b.id AS b, 'family' AS kind
