// Purpose: The objective of a plan with this strand and wording, if it exists already.
// Parameters: $plan, $four_p, $text
// Returns: id
MATCH (p:Plan {id: $plan})-[:HAS_OBJECTIVE]->(o:Objective)
WHERE o.four_p = $four_p AND o.text = $text
RETURN o.id AS id
