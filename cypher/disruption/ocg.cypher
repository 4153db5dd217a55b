// Purpose: One OCG's recorded details; no row when the id is unknown.
// Parameters: $ocg (OCG id)
// Returns: details (map of the OCG's properties)
MATCH (g:OCG {id: $ocg})
RETURN properties(g) AS details
