// Purpose: The most recent audit events, newest first, optionally for one subject.
// Parameters: $subject_id (string or null for all), $limit (int)
// Returns: id, at, user, role, operation, purpose, subject_ids, detail
// Graph: audit
MATCH (e:AuditEvent)
WHERE $subject_id IS NULL OR $subject_id IN e.subject_ids
RETURN e.id AS id, e.at AS at, e.user AS user, e.role AS role, e.operation AS operation,
       e.purpose AS purpose, e.subject_ids AS subject_ids, e.detail AS detail
ORDER BY e.at DESC, e.id
LIMIT $limit
