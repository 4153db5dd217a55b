// Purpose: Named suspects outstanding, people who failed to answer bail and people wanted, with an area.
// Parameters: none
// Returns: kind (OUTSTANDING_SUSPECT, FAILED_TO_APPEAR, WANTED), person_id, first_name, last_name, offence_id, since, area_id, area_name
CALL {
  MATCH (p:Person)-[:SUSPECT_IN]->(o:Offence)
  WHERE o.outcome = 'OUTSTANDING_SUSPECT'
  OPTIONAL MATCH (o)-[:OCCURRED_IN]->(a:Area)
  RETURN 'OUTSTANDING_SUSPECT' AS kind, p, o.id AS offence_id, o.committed_on AS since,
         a.id AS area_id, a.name AS area_name
  UNION ALL
  MATCH (p:Person)
  WHERE p.failed_to_appear = true
  OPTIONAL MATCH (p)-[l:LIVES_AT]->(:Household)-[:IN_AREA]->(a:Area)
  WHERE l.to_on IS NULL
  RETURN 'FAILED_TO_APPEAR' AS kind, p, null AS offence_id, null AS since,
         a.id AS area_id, a.name AS area_name
  UNION ALL
  MATCH (p:Person)
  WHERE p.wanted = true
  OPTIONAL MATCH (p)-[l:LIVES_AT]->(:Household)-[:IN_AREA]->(a:Area)
  WHERE l.to_on IS NULL
  RETURN 'WANTED' AS kind, p, null AS offence_id, null AS since, a.id AS area_id,
         a.name AS area_name
}
RETURN kind, p.id AS person_id, p.first_name AS first_name, p.last_name AS last_name,
       offence_id, since, area_id, area_name
ORDER BY kind, area_id, person_id
