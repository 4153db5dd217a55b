// Purpose: The OCG whose 4P plan holds an action, and the action's strand; no row when the action is in no OCG plan.
// Parameters: $action (action id)
// Returns: ocg_id, plan_id, four_p
MATCH (g:OCG)-[:HAS_PLAN]->(p:Plan)-[:HAS_ACTION]->(a:Action {id: $action})
RETURN g.id AS ocg_id, p.id AS plan_id, a.four_p AS four_p
