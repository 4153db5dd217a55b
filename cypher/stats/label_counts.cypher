// Purpose: Count nodes per label (every label a node carries is counted).
// Parameters: none
// Returns: label (string), count (int)
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
