// Purpose: The stored properties and labels of records, to tell what an import changes.
// Parameters: $ids (list of strings)
// Returns: id (string), props (map of every stored property), labels (list of strings)
// Slots: __Label__ (label)
UNWIND $ids AS id
MATCH (n:__Label__ {id: id})
RETURN n.id AS id, properties(n) AS props, labels(n) AS labels
