// Purpose: Record a decision on a referral (accepted, declined, deferred) with who, when and why; accepted and declined also set its status.
// Parameters: $id (referral id), $decision_id, $decision, $decided_by, $decided_at, $reason
// Returns: id
MATCH (r:Referral {id: $id})
CREATE (r)-[:DECIDED]->(:ReferralDecision {id: $decision_id, decision: $decision,
                                          decided_by: $decided_by, decided_at: $decided_at,
                                          reason: $reason})
SET r.status = CASE WHEN $decision IN ['ACCEPTED', 'DECLINED'] THEN $decision ELSE r.status END
RETURN r.id AS id
