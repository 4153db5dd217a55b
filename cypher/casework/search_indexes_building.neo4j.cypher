// Purpose: Whether the casework full-text index is still being populated (Neo4j).
// Parameters: none
// Returns: building (int)
SHOW FULLTEXT INDEXES YIELD name, state
WHERE name = 'casework_search' AND state <> 'ONLINE'
RETURN count(*) AS building
