// Purpose: One person's recorded details and labels, for the profile page.
// Parameters: $id (person id)
// Returns: details (map of the person's properties), labels (list of strings); no row when unknown
MATCH (p:Person {id: $id})
RETURN properties(p) AS details, labels(p) AS labels
