// Purpose: Every OCG with its band, status, areas, current owners, member count and last assessment date.
// Parameters: none
// Returns: id, name, threat, activity, band, status, mapped_on, areas (list of ids), owners (list of {id, name}), members (int), last_assessed_on
MATCH (g:OCG)
OPTIONAL MATCH (g)-[:OPERATES_IN]->(a:Area)
WITH g, collect(DISTINCT a.id) AS areas
OPTIONAL MATCH (o:Officer)-[:OWNS]->(g)
WITH g, areas, collect(DISTINCT {id: o.id, name: o.name}) AS owners
OPTIONAL MATCH (p:Person)-[m:MEMBER_OF]->(g)
WHERE m.until IS NULL OR m.until = ''
WITH g, areas, owners, count(DISTINCT p) AS members
OPTIONAL MATCH (g)-[:ASSESSED_AS]->(s:OCGAssessment)
RETURN g.id AS id, g.name AS name, g.threat AS threat, g.activity AS activity, g.band AS band,
       g.status AS status, g.mapped_on AS mapped_on, areas, owners, members,
       max(s.assessed_on) AS last_assessed_on
ORDER BY id
