// Purpose: Family ties (stored both ways, returned once per pair) touching the given people.
// Parameters: $ids (list of person ids, or null for everyone)
// Returns: a, b (person ids, a < b), relation (a is the <relation> of b), weight (1)
MATCH (a:Person)-[r:RELATED_TO]->(b:Person)
WHERE a.id < b.id AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
RETURN a.id AS a, b.id AS b, min(r.relation) AS relation, 1 AS weight
ORDER BY a, b
