// Purpose: An OCG's 4P plans with every action, its owner (officer or partner) and targets; one row per action (action_id null for a plan without actions).
// Parameters: $ocg (OCG id)
// Returns: plan_id, title, plan_status, opened_on, next_review_due, plan_owner_id, plan_owner_name, action_id, description, objective, four_p, status, due_on, completed_on, what_worked, owner_id, owner_name, owner_labels, targets (list of {id, labels})
MATCH (g:OCG {id: $ocg})-[:HAS_PLAN]->(p:Plan)
WHERE p.plan_type = 'FOUR_P'
OPTIONAL MATCH (p)-[:OWNED_BY]->(po:Officer)
OPTIONAL MATCH (p)-[:HAS_ACTION]->(a:Action)
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(w)
OPTIONAL MATCH (a)-[:SERVES]->(ob:Objective)
OPTIONAL MATCH (a)-[:TARGETS]->(x)
WITH p, po, a, w, ob, collect(DISTINCT {id: x.id, labels: labels(x)}) AS targets
RETURN p.id AS plan_id, p.title AS title, p.status AS plan_status, p.opened_on AS opened_on,
       p.next_review_due AS next_review_due, po.id AS plan_owner_id, po.name AS plan_owner_name,
       a.id AS action_id, a.description AS description, ob.text AS objective,
       a.four_p AS four_p, a.status AS status, a.due_on AS due_on,
       a.completed_on AS completed_on, a.what_worked AS what_worked,
       w.id AS owner_id, w.name AS owner_name,
       CASE WHEN w IS NULL THEN [] ELSE labels(w) END AS owner_labels, targets
ORDER BY plan_id, four_p, due_on, action_id
