// Purpose: Needs assessments and imported needs of everyone with an open offender plan, with the plan's hub.
// Parameters: none
// Returns: plan_id, person_id, first_name, last_name, hub_id, hub_name, pathway, severity, status, assessed_on, source ('assessment' or 'imported need')
MATCH (p:Person)-[:HAS_PLAN]->(pl:Plan)
WHERE pl.status = 'OPEN' AND pl.plan_type = 'OFFENDER'
OPTIONAL MATCH (pl)-[:FOR_EPISODE]->(:IomEpisode)-[:AT_HUB]->(eh:Area)
OPTIONAL MATCH (pl)-[:OWNED_BY]->(:Officer)-[:BASED_IN]->(oh:Area)
WITH p, pl, coalesce(eh, oh) AS hub
CALL {
  WITH pl
  MATCH (pl)-[:HAS_ASSESSMENT]->(n:NeedAssessment)
  RETURN n.pathway AS pathway, n.severity AS severity, n.status AS status,
         n.assessed_on AS assessed_on, 'assessment' AS source
  UNION ALL
  WITH p
  MATCH (p)-[h:HAS_NEED]->(pw:Pathway)
  RETURN pw.id AS pathway, h.severity AS severity, null AS status,
         h.assessed_on AS assessed_on, 'imported need' AS source
}
RETURN pl.id AS plan_id, p.id AS person_id, p.first_name AS first_name,
       p.last_name AS last_name, hub.id AS hub_id, hub.hub_name AS hub_name, pathway, severity,
       status, assessed_on, source
