// Purpose: Labels covered by the casework full-text index (Neo4j).
// Parameters: none
// Returns: labels (list of strings; no row when the index does not exist)
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes
WHERE name = 'casework_search'
RETURN labelsOrTypes AS labels
