// Purpose: Every officer and partner agency that can own casework, with where it is based.
// Parameters: none
// Returns: id, name, kind ('Officer' or 'Partner'), detail (role or partner type code), hub_id
CALL {
  MATCH (o:Officer)
  OPTIONAL MATCH (o)-[:BASED_IN]->(a:Area)
  RETURN o.id AS id, o.name AS name, 'Officer' AS kind, o.role AS detail, a.id AS hub_id
  UNION ALL
  MATCH (o:Partner)
  OPTIONAL MATCH (o)-[:BASED_IN]->(a:Area)
  RETURN o.id AS id, o.name AS name, 'Partner' AS kind, o.partner_type AS detail, a.id AS hub_id
}
RETURN id, name, kind, detail, hub_id
ORDER BY kind, name, id
