// Purpose: Which of these ids already name a record of a label (import reference checks).
// Parameters: $ids (list of strings)
// Returns: id (string), one row per id found
// Slots: __Label__ (label)
UNWIND $ids AS id
MATCH (n:__Label__ {id: id})
RETURN n.id AS id
