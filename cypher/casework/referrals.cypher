// Purpose: Referrals, newest first, optionally of one status and/or source.
// Parameters: $status (code or null), $source (code or null), $limit (int)
// Returns: id, received_on, source, status, reason, referrer, decided_by, decided_at, decision_reason, person_id, first_name, last_name, partner_name
MATCH (r:Referral)
WHERE ($status IS NULL OR r.status = $status) AND ($source IS NULL OR r.source = $source)
OPTIONAL MATCH (r)-[:REFERS]->(p:Person)
OPTIONAL MATCH (r)-[:REFERRED_BY]->(pt:Partner)
RETURN r.id AS id, r.received_on AS received_on, r.source AS source, r.status AS status,
       r.reason AS reason, r.referrer AS referrer, r.decided_by AS decided_by,
       r.decided_at AS decided_at, r.decision_reason AS decision_reason,
       p.id AS person_id, p.first_name AS first_name, p.last_name AS last_name,
       pt.name AS partner_name
ORDER BY r.received_on DESC, r.id DESC
LIMIT $limit
