// Purpose: A person's needs recorded as HAS_NEED edges (imported data from before dated assessments).
// Parameters: $person_id
// Returns: pathway, severity, assessed_on
MATCH (p:Person {id: $person_id})-[h:HAS_NEED]->(pw:Pathway)
RETURN pw.id AS pathway, h.severity AS severity, h.assessed_on AS assessed_on
ORDER BY pathway
