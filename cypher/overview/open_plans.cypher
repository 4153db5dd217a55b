// Purpose: Open plans with their next review date and the area their owning officer is based in.
// Parameters: none
// Returns: plan_id, plan_type, next_review_due (ISO date string or null), area_id (null when the owner has no base or there is no owner)
MATCH (pl:Plan)
WHERE pl.status = 'OPEN'
OPTIONAL MATCH (pl)-[:OWNED_BY]->(:Officer)-[:BASED_IN]->(a:Area)
RETURN pl.id AS plan_id, pl.plan_type AS plan_type, pl.next_review_due AS next_review_due,
       a.id AS area_id
