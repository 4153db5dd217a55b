// Purpose: One referral with its person and referring partner.
// Parameters: $id
// Returns: id, received_on, source, status, reason, referrer, decided_by, decided_at, decision_reason, person_id, first_name, last_name, partner_id, partner_name, episode_id
MATCH (r:Referral {id: $id})
OPTIONAL MATCH (r)-[:REFERS]->(p:Person)
OPTIONAL MATCH (r)-[:REFERRED_BY]->(pt:Partner)
OPTIONAL MATCH (r)-[:FOR_EPISODE]->(e:IomEpisode)
RETURN r.id AS id, r.received_on AS received_on, r.source AS source, r.status AS status,
       r.reason AS reason, r.referrer AS referrer, r.decided_by AS decided_by,
       r.decided_at AS decided_at, r.decision_reason AS decision_reason,
       p.id AS person_id, p.first_name AS first_name, p.last_name AS last_name,
       pt.id AS partner_id, pt.name AS partner_name, e.id AS episode_id
