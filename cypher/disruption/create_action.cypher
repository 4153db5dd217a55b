// Purpose: Add an action to a plan.
// Parameters: $plan (plan id), $props (map of the action's properties, with id)
// Returns: id
MATCH (p:Plan {id: $plan})
CREATE (p)-[:HAS_ACTION]->(a:Action)
SET a += $props
RETURN a.id AS id
