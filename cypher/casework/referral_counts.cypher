// Purpose: How many referrals came from each source, by status (outcome).
// Parameters: none
// Returns: source (code), status (code), referrals (int)
MATCH (r:Referral)
RETURN r.source AS source, coalesce(r.status, 'RECEIVED') AS status, count(r) AS referrals
ORDER BY source, status
