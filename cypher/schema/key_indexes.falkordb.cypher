// Purpose: List the labels whose `id` is already indexed (FalkorDB).
// Parameters: none
// Returns: label (string)
CALL db.indexes() YIELD label, properties
WHERE 'id' IN properties
RETURN label
