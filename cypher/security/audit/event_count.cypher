// Purpose: Count the audit events (shown beside the records' counts by `iom stats`).
// Parameters: none
// Returns: count (int)
// Graph: audit
MATCH (e:AuditEvent)
RETURN count(e) AS count
