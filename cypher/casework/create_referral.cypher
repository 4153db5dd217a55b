// Purpose: Record a referral into IOM of a person, received from a source with a reason.
// Parameters: $id, $person_id, $received_on (ISO date), $source (ReferralSource), $reason, $referrer
// Returns: id (nothing when the person does not exist)
MATCH (p:Person {id: $person_id})
CREATE (r:Referral {id: $id, received_on: $received_on, source: $source, status: 'RECEIVED',
                    reason: $reason, referrer: $referrer})
CREATE (r)-[:REFERS]->(p)
RETURN r.id AS id
