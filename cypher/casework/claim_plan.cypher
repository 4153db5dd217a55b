// Purpose: Take the next version of a plan only if it is still at the version the editor read (optimistic concurrency); an imported plan starts at version 0.
// Parameters: $id, $version (int, the version read), $at, $user
// Returns: version (the new version; nothing when someone else changed the plan first)
MATCH (pl:Plan {id: $id})
MERGE (pl)-[:RECORDED]->(c:PlanControl {id: $id})
ON CREATE SET c.version = 0
WITH c
WHERE c.version = $version
SET c.version = $version + 1, c.updated_at = $at, c.updated_by = $user
RETURN c.version AS version
