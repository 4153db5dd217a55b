// Purpose: Benchmark reference: create relationships with a bare UNWIND, no checks, no MERGE.
// Parameters: $rows (list of {start: string, end: string, props: map})
// Returns: nothing
// Slots: __From__ (label), __To__ (label), __TYPE__ (relationship)
UNWIND $rows AS row
MATCH (a:__From__ {id: row.start}), (b:__To__ {id: row.end})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.props
