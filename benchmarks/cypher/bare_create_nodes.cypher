// Purpose: Benchmark reference: create nodes with a bare UNWIND, no checks, no MERGE, no history.
// Parameters: $rows (list of {id: string, props: map})
// Returns: nothing
// Slots: __Label__ (label)
UNWIND $rows AS row
CREATE (n:__Label__)
SET n = row.props, n.id = row.id
