// Purpose: Record a supervisor's review of a plan: who, when, notes, decisions and outcome.
// Parameters: $plan_id, $id, $due_on, $held_on, $outcome, $notes, $decisions, $reviewed_by
// Returns: id
MATCH (pl:Plan {id: $plan_id})
CREATE (r:Review {id: $id, due_on: $due_on, held_on: $held_on, outcome: $outcome, notes: $notes})
CREATE (pl)-[:HAS_REVIEW]->(r)
CREATE (r)-[:RECORDED]->(:ReviewRecord {id: $id, decisions: $decisions, reviewed_by: $reviewed_by})
RETURN r.id AS id
