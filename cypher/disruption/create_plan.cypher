// Purpose: Open a 4P plan for an OCG.
// Parameters: $ocg, $id, $title, $opened_on
// Returns: id
MATCH (g:OCG {id: $ocg})
CREATE (g)-[:HAS_PLAN]->(p:Plan {id: $id, plan_type: 'FOUR_P', title: $title, status: 'OPEN', opened_on: $opened_on})
RETURN p.id AS id
