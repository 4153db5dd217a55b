// Purpose: Change an action of a plan (status, due date, outcome, evaluation).
// Parameters: $plan_id, $id, $props (map; a null value clears the property)
// Returns: id (nothing when the action is not in the plan)
MATCH (:Plan {id: $plan_id})-[:HAS_ACTION]->(a:Action {id: $id})
SET a += $props
RETURN a.id AS id
