// Purpose: Labels that already have a full-text index (FalkorDB).
// Parameters: none
// Returns: labels (list of strings)
CALL db.indexes() YIELD label, types
WITH label, types
WHERE any(k IN keys(types) WHERE 'FULLTEXT' IN types[k])
RETURN collect(DISTINCT label) AS labels
