// Purpose: Referrals, newest first, optionally of one outcome (latest decision, else status) and/or source.
// Parameters: $outcome (code or null), $source (code or null), $limit (int)
// Returns: id, received_on, source, status, outcome, reason, referrer, decided_by, decided_at, decision_reason, person_id, first_name, last_name, partner_name
MATCH (r:Referral)
WHERE $source IS NULL OR r.source = $source
OPTIONAL MATCH (r)-[:DECIDED]->(d:ReferralDecision)
WITH r, d
ORDER BY d.decided_at DESC
WITH r, collect(d)[0] AS last
WITH r, last, coalesce(last.decision, r.status) AS outcome
WHERE $outcome IS NULL OR outcome = $outcome
OPTIONAL MATCH (r)-[:REFERS]->(p:Person)
OPTIONAL MATCH (r)-[:REFERRED_BY]->(pt:Partner)
OPTIONAL MATCH (r)-[:RECORDED]->(i:ReferralIntake)
RETURN r.id AS id, r.received_on AS received_on, r.source AS source, r.status AS status,
       outcome, r.reason AS reason, i.referrer AS referrer, last.decided_by AS decided_by,
       last.decided_at AS decided_at, last.reason AS decision_reason, p.id AS person_id,
       p.first_name AS first_name, p.last_name AS last_name, pt.name AS partner_name
ORDER BY received_on DESC, id DESC
LIMIT $limit
