// Purpose: Write audit events moved from the records' graph (idempotent on id).
// Parameters: $rows (list of maps with id and the event's other properties)
// Returns: count (int)
// Graph: audit
UNWIND $rows AS row
MERGE (e:AuditEvent {id: row.id})
SET e += row
RETURN count(e) AS count
