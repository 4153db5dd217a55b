// Purpose: Every 4P plan action with the OCG whose plan holds it (for agendas and deconfliction).
// Parameters: none
// Returns: ocg_id, action_id, description, four_p, status, due_on, owner_id, owner_name, targets (list of {id, labels})
MATCH (g:OCG)-[:HAS_PLAN]->(p:Plan)-[:HAS_ACTION]->(a:Action)
WHERE p.plan_type = 'FOUR_P'
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(w)
OPTIONAL MATCH (a)-[:TARGETS]->(x)
RETURN g.id AS ocg_id, a.id AS action_id, a.description AS description, a.four_p AS four_p,
       a.status AS status, a.due_on AS due_on, w.id AS owner_id, w.name AS owner_name,
       collect(DISTINCT {id: x.id, labels: labels(x)}) AS targets
ORDER BY ocg_id, due_on, action_id
