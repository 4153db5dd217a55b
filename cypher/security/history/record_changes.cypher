// Purpose: Keep the before and after of changed records, with who changed them and when.
// Parameters: $rows (list of {id, at, user, label, record_id, before (JSON), after (JSON)})
// Returns: nothing
UNWIND $rows AS row
CREATE (:Change {
  id: row.id, at: row.at, user: row.user, label: row.label, record_id: row.record_id,
  before: row.before, after: row.after
})
