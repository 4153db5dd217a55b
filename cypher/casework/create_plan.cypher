// Purpose: Open an offender plan for a person, owned by an officer, with its control record (version 1, review interval).
// Parameters: $id, $person_id, $owner_id, $title, $opened_on, $next_review_due, $review_interval_weeks (int), $at, $user
// Returns: id (nothing when the person or officer is missing)
MATCH (p:Person {id: $person_id}), (o:Officer {id: $owner_id})
CREATE (pl:Plan {id: $id, plan_type: 'OFFENDER', title: $title, status: 'OPEN',
                 opened_on: $opened_on, next_review_due: $next_review_due})
CREATE (p)-[:HAS_PLAN]->(pl)
CREATE (pl)-[:OWNED_BY]->(o)
CREATE (pl)-[:RECORDED]->(:PlanControl {id: $id, version: 1,
                                       review_interval_weeks: $review_interval_weeks,
                                       updated_at: $at, updated_by: $user})
RETURN pl.id AS id
