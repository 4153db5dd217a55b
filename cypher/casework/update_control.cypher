// Purpose: Change a plan's review interval (kept on its control record).
// Parameters: $id (plan id), $review_interval_weeks (int)
// Returns: id
MATCH (:Plan {id: $id})-[:RECORDED]->(c:PlanControl)
SET c.review_interval_weeks = $review_interval_weeks
RETURN c.id AS id
