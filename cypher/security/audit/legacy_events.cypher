// Purpose: Audit events an earlier iom kept in the records' graph, to move to the audit graph.
// Parameters: $limit (int)
// Returns: event (map of the event's properties)
MATCH (e:AuditEvent)
RETURN properties(e) AS event
LIMIT $limit
