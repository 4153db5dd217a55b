// Purpose: The actions of a person's open IOM (offender) plans, with who delivers each.
// Parameters: $person (person id)
// Returns: plan_id, action_id, description, pathway, status, due_on, owner_id, owner_name
MATCH (p:Person {id: $person})-[:HAS_PLAN]->(pl:Plan)-[:HAS_ACTION]->(a:Action)
WHERE pl.plan_type = 'OFFENDER' AND pl.status = 'OPEN'
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(w)
RETURN pl.id AS plan_id, a.id AS action_id, a.description AS description, a.pathway AS pathway,
       a.status AS status, a.due_on AS due_on, w.id AS owner_id, w.name AS owner_name
ORDER BY due_on, action_id
