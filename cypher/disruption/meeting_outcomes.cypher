// Purpose: What a meeting decided (per OCG or person) and the actions it agreed.
// Parameters: $meeting (meeting id)
// Returns: kind ('decision' or 'action'), subject_id, subject_name, text, four_p, due_on, owner_name
MATCH (m:Meeting {id: $meeting})-[r:REVIEWED]->(s)
RETURN 'decision' AS kind, s.id AS subject_id,
       coalesce(s.name, s.first_name + ' ' + s.last_name) AS subject_name, r.decision AS text,
       null AS four_p, null AS due_on, null AS owner_name
UNION ALL
MATCH (m:Meeting {id: $meeting})-[:AGREED]->(a:Action)
OPTIONAL MATCH (g:OCG)-[:HAS_PLAN]->(:Plan)-[:HAS_ACTION]->(a)
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(w)
RETURN 'action' AS kind, g.id AS subject_id, g.name AS subject_name, a.description AS text,
       a.four_p AS four_p, a.due_on AS due_on, w.name AS owner_name
