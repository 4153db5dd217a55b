// Purpose: How many referrals came from each source, by outcome (latest decision, else status).
// Parameters: none
// Returns: source (code), outcome (code), referrals (int)
MATCH (r:Referral)
OPTIONAL MATCH (r)-[:DECIDED]->(d:ReferralDecision)
WITH r, d
ORDER BY d.decided_at DESC
WITH r, collect(d)[0] AS last
RETURN r.source AS source, coalesce(last.decision, r.status, 'RECEIVED') AS outcome,
       count(r) AS referrals
ORDER BY source, outcome
