// Purpose: The plan actions assigned to one officer or partner, with the OCG or person whose plan holds them.
// Parameters: $owner (officer or partner id)
// Returns: action_id, description, four_p, pathway, status, due_on, plan_id, plan_type, ocg_id, ocg_name, person_id
// Slots: __Label__ (label)
MATCH (pl:Plan)-[:HAS_ACTION]->(a:Action)-[:ASSIGNED_TO]->(w:__Label__ {id: $owner})
OPTIONAL MATCH (g:OCG)-[:HAS_PLAN]->(pl)
OPTIONAL MATCH (per:Person)-[:HAS_PLAN]->(pl)
RETURN a.id AS action_id, a.description AS description, a.four_p AS four_p, a.pathway AS pathway,
       a.status AS status, a.due_on AS due_on, pl.id AS plan_id, pl.plan_type AS plan_type,
       g.id AS ocg_id, g.name AS ocg_name, per.id AS person_id
ORDER BY due_on, action_id
