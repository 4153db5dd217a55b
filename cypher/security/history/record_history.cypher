// Purpose: The change history of one record, oldest first.
// Parameters: $label (string), $record_id (string)
// Returns: id, at, user, label, record_id, before (JSON string), after (JSON string)
MATCH (c:Change {label: $label, record_id: $record_id})
RETURN c.id AS id, c.at AS at, c.user AS user, c.label AS label, c.record_id AS record_id,
       c.before AS before, c.after AS after
ORDER BY c.at, c.id
