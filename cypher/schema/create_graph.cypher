// Purpose: Touch the graph so that it exists (FalkorDB creates a graph on its first query).
// Parameters: none
// Returns: ok (int)
RETURN 1 AS ok
