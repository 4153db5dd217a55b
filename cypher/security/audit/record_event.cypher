// Purpose: Append one audit event (DPA 2018 s.62): who, role, why, when, what, whose records.
// Parameters: $id, $at, $user, $role, $operation, $purpose, $subject_ids (list), $detail
// Returns: id (string)
// Graph: audit
CREATE (e:AuditEvent {
  id: $id, at: $at, user: $user, role: $role, operation: $operation,
  purpose: $purpose, subject_ids: $subject_ids, detail: $detail
})
RETURN e.id AS id
