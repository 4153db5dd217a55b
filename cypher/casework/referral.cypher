// Purpose: One referral with its person, referring partner, intake and latest decision.
// Parameters: $id
// Returns: id, received_on, source, status, outcome (latest decision, else status), reason, referrer, decided_by, decided_at, decision_reason, person_id, first_name, last_name, partner_id, partner_name, episode_id
MATCH (r:Referral {id: $id})
OPTIONAL MATCH (r)-[:REFERS]->(p:Person)
OPTIONAL MATCH (r)-[:REFERRED_BY]->(pt:Partner)
OPTIONAL MATCH (r)-[:FOR_EPISODE]->(e:IomEpisode)
OPTIONAL MATCH (r)-[:RECORDED]->(i:ReferralIntake)
OPTIONAL MATCH (r)-[:DECIDED]->(d:ReferralDecision)
WITH r, p, pt, e, i, d
ORDER BY d.decided_at DESC
WITH r, p, pt, e, i, collect(d)[0] AS last
RETURN r.id AS id, r.received_on AS received_on, r.source AS source, r.status AS status,
       coalesce(last.decision, r.status) AS outcome, r.reason AS reason,
       i.referrer AS referrer, last.decided_by AS decided_by, last.decided_at AS decided_at,
       last.reason AS decision_reason, p.id AS person_id, p.first_name AS first_name,
       p.last_name AS last_name, pt.id AS partner_id, pt.name AS partner_name,
       e.id AS episode_id
LIMIT 1
