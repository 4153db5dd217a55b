// Purpose: Record the decision on a referral (accepted, declined, deferred) with who, when and why.
// Parameters: $id, $status, $decided_by, $decided_at, $decision_reason
// Returns: id
MATCH (r:Referral {id: $id})
SET r.status = $status, r.decided_by = $decided_by, r.decided_at = $decided_at,
    r.decision_reason = $decision_reason
RETURN r.id AS id
