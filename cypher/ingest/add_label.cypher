// Purpose: Give records of a label one of its extra labels (e.g. Person -> Nominal).
// Parameters: $rows (list of {id: string})
// Returns: nothing
// Slots: __Label__ (label), __Extra__ (label)
UNWIND $rows AS row
MATCH (n:__Label__ {id: row.id})
SET n:__Extra__
