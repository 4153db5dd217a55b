// Purpose: List the labels whose `id` is already indexed (Neo4j).
// Parameters: none
// Returns: label (string)
SHOW INDEXES YIELD labelsOrTypes, properties, entityType
WHERE entityType = 'NODE' AND properties = ['id']
RETURN labelsOrTypes[0] AS label
