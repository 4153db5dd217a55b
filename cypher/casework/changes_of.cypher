// Purpose: The change history of several records (a plan and everything under it), oldest first.
// Parameters: $ids (list of record ids)
// Returns: id, at, user, label, record_id, before (JSON string), after (JSON string)
UNWIND $ids AS rid
MATCH (c:Change {record_id: rid})
RETURN c.id AS id, c.at AS at, c.user AS user, c.label AS label, c.record_id AS record_id,
       c.before AS before, c.after AS after
ORDER BY at, id
