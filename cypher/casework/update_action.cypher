// Purpose: Change an action of a plan (status, due date on the action; outcome and evaluation on its record).
// Parameters: $plan_id, $id, $props (map for the action), $record (map for its ActionRecord; a null value clears)
// Returns: id (nothing when the action is not in the plan)
MATCH (:Plan {id: $plan_id})-[:HAS_ACTION]->(a:Action {id: $id})
SET a += $props
MERGE (a)-[:RECORDED]->(ar:ActionRecord {id: $id})
SET ar += $record
RETURN a.id AS id
