// Purpose: Remove moved audit events from the records' graph (they are kept in the audit graph).
// Parameters: $ids (list of strings)
// Returns: count (int)
MATCH (e:AuditEvent)
WHERE e.id IN $ids
DETACH DELETE e
RETURN count(*) AS count
