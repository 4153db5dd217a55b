// Purpose: Create records that are new to the store, with all their labels at once.
// Parameters: $rows (list of {id: string, props: map without absent values})
// Returns: nothing
// Slots: __Labels__ (labels)
UNWIND $rows AS row
CREATE (n:__Labels__)
SET n += row.props, n.id = row.id
