// Purpose: Link a referral to the partner agency that made it.
// Parameters: $id (referral id), $partner_id
// Returns: id (nothing when either is missing)
MATCH (r:Referral {id: $id}), (pt:Partner {id: $partner_id})
MERGE (r)-[:REFERRED_BY]->(pt)
RETURN r.id AS id
