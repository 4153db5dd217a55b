// Purpose: Record a referral into IOM of a person, received from a source with a reason, and who made and recorded it.
// Parameters: $id, $person_id, $received_on (ISO date), $source (ReferralSource), $reason, $referrer, $recorded_by, $recorded_at
// Returns: id (nothing when the person does not exist)
MATCH (p:Person {id: $person_id})
CREATE (r:Referral {id: $id, received_on: $received_on, source: $source, status: 'RECEIVED',
                    reason: $reason})
CREATE (r)-[:REFERS]->(p)
CREATE (r)-[:RECORDED]->(:ReferralIntake {id: $id, referrer: $referrer,
                                         recorded_by: $recorded_by, recorded_at: $recorded_at})
RETURN r.id AS id
