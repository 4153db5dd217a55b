// Purpose: Add an objective under one strand to a plan.
// Parameters: $plan, $id, $four_p, $text
// Returns: id
MATCH (p:Plan {id: $plan})
CREATE (p)-[:HAS_OBJECTIVE]->(o:Objective {id: $id, four_p: $four_p, text: $text})
RETURN o.id AS id
