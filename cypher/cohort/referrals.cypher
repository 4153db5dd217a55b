// Purpose: Referrals into IOM with the person referred, to flag those already led by another arrangement.
// Parameters: none
// Returns: referral_id, person_id, received_on, source, status, reason
MATCH (r:Referral)-[:REFERS]->(p:Person)
RETURN r.id AS referral_id, p.id AS person_id, r.received_on AS received_on,
       r.source AS source, r.status AS status, r.reason AS reason
ORDER BY received_on DESC, referral_id
