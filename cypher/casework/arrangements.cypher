// Purpose: The IOM episodes, MAPPA/MARAC cases and referrals already held for people.
// Parameters: $ids (list of person ids)
// Returns: person_id, kind (IOM, MAPPA, MARAC, REFERRAL), id, detail (code), start_on, end_on, status (a referral's outcome)
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
CALL {
  WITH p
  MATCH (p)-[:IN_EPISODE]->(e:IomEpisode)
  RETURN 'IOM' AS kind, e.id AS id, e.cohort AS detail, e.start_on AS start_on,
         e.end_on AS end_on, null AS status
  UNION ALL
  WITH p
  MATCH (p)-[:SUBJECT_OF]->(m:MappaCase)
  RETURN 'MAPPA' AS kind, m.id AS id, m.level AS detail, m.start_on AS start_on,
         m.end_on AS end_on, null AS status
  UNION ALL
  WITH p
  MATCH (p)-[:SUBJECT_OF]->(m:MaracCase)
  RETURN 'MARAC' AS kind, m.id AS id, m.criterion AS detail, m.heard_on AS start_on,
         null AS end_on, null AS status
  UNION ALL
  WITH p
  MATCH (r:Referral)-[:REFERS]->(p)
  OPTIONAL MATCH (r)-[:DECIDED]->(d:ReferralDecision)
  WITH r, d
  ORDER BY d.decided_at DESC
  WITH r, collect(d)[0] AS last
  RETURN 'REFERRAL' AS kind, r.id AS id, r.source AS detail, r.received_on AS start_on,
         null AS end_on, coalesce(last.decision, r.status) AS status
}
RETURN p.id AS person_id, kind, id, detail, start_on, end_on, status
ORDER BY person_id, start_on, id
