// Purpose: How many full-text indexes are still being built over existing records (FalkorDB builds them in the background).
// Parameters: none
// Returns: building (int)
CALL db.indexes() YIELD label, types, status
WITH label, types, status
WHERE any(k IN keys(types) WHERE 'FULLTEXT' IN types[k]) AND status <> 'OPERATIONAL'
RETURN count(label) AS building
