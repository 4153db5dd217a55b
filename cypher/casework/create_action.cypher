// Purpose: Add an action on a pathway to a plan, assigned to an officer or partner agency.
// Parameters: $plan_id, $owner_id, $props (map with id, description, status, pathway, due_on), $record (map with id, created_on)
// Returns: id (nothing when the plan or owner is missing)
// Slots: __To__ (label)
MATCH (pl:Plan {id: $plan_id}), (o:__To__ {id: $owner_id})
CREATE (a:Action)
SET a += $props
CREATE (pl)-[:HAS_ACTION]->(a)
CREATE (a)-[:ASSIGNED_TO]->(o)
CREATE (a)-[:RECORDED]->(ar:ActionRecord)
SET ar += $record
RETURN a.id AS id
