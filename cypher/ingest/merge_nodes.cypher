// Purpose: Create or update records of a label by id; given properties are set, others kept.
// Parameters: $rows (list of {id: string, props: map without absent values})
// Returns: nothing
// Slots: __Label__ (label)
UNWIND $rows AS row
MERGE (n:__Label__ {id: row.id})
SET n += row.props
