// Purpose: Family ties as recorded (one row per stored direction), touching the given people: for relatives at risk.
// Parameters: $ids (list of person ids)
// Returns: a, relation, b (a is the <relation> of b)
MATCH (a:Person)-[r:RELATED_TO]->(b:Person)
WHERE a.id IN $ids OR b.id IN $ids
RETURN a.id AS a, r.relation AS relation, b.id AS b
ORDER BY a, b
