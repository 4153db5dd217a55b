// Purpose: Create or update one relationship of a type between two records found by id.
// Parameters: $rows (list of {start: string, end: string, props: map without absent values})
// Returns: nothing
// Slots: __From__ (label), __To__ (label), __TYPE__ (relationship)
UNWIND $rows AS row
MATCH (a:__From__ {id: row.start}), (b:__To__ {id: row.end})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props
