// Purpose: Which of the given ids exist under one label (to check references before a write).
// Parameters: $ids (list of ids)
// Returns: id, name (the record's name or vrm, when it has one)
// Slots: __Label__ (label)
MATCH (n:__Label__)
WHERE n.id IN $ids
RETURN n.id AS id, coalesce(n.name, n.vrm, n.first_name + ' ' + n.last_name, n.address, n.description) AS name
