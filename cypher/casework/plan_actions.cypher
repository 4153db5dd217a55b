// Purpose: The actions of a plan with who delivers each.
// Parameters: $id (plan id)
// Returns: id, description, status, pathway, four_p, created_on, due_on, completed_on, outcome, what_worked, evaluation, evaluation_note, owner_id, owner_name, owner_kind
MATCH (pl:Plan {id: $id})-[:HAS_ACTION]->(a:Action)
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(o)
OPTIONAL MATCH (a)-[:RECORDED]->(ar:ActionRecord)
RETURN a.id AS id, a.description AS description, a.status AS status, a.pathway AS pathway,
       a.four_p AS four_p, ar.created_on AS created_on, a.due_on AS due_on,
       a.completed_on AS completed_on, ar.outcome AS outcome, a.what_worked AS what_worked,
       ar.evaluation AS evaluation, ar.evaluation_note AS evaluation_note,
       o.id AS owner_id, o.name AS owner_name,
       CASE WHEN o:Officer THEN 'Officer' WHEN o:Partner THEN 'Partner' ELSE null END AS owner_kind
ORDER BY a.due_on, a.id
