// Purpose: Count relationships per type.
// Parameters: none
// Returns: type (string), count (int)
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
