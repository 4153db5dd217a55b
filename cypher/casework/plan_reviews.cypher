// Purpose: The reviews of a plan, newest first.
// Parameters: $id (plan id)
// Returns: id, due_on, held_on, outcome, notes, decisions, reviewed_by, reviewer_name
MATCH (pl:Plan {id: $id})-[:HAS_REVIEW]->(r:Review)
OPTIONAL MATCH (r)-[:REVIEWED_BY]->(o:Officer)
OPTIONAL MATCH (r)-[:RECORDED]->(rr:ReviewRecord)
RETURN r.id AS id, r.due_on AS due_on, r.held_on AS held_on, r.outcome AS outcome,
       r.notes AS notes, rr.decisions AS decisions, rr.reviewed_by AS reviewed_by,
       o.name AS reviewer_name
ORDER BY coalesce(r.held_on, r.due_on) DESC, r.id DESC
