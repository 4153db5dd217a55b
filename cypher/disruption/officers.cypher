// Purpose: Officers with their role, capacity, areas and the OCGs they own (plan-owner candidates).
// Parameters: none
// Returns: id, name, rank, role, caseload_capacity, areas (list of ids), owned (list of {id, threat, status})
MATCH (o:Officer)
OPTIONAL MATCH (o)-[:BASED_IN]->(a:Area)
WITH o, collect(DISTINCT a.id) AS areas
OPTIONAL MATCH (o)-[:OWNS]->(g:OCG)
RETURN o.id AS id, o.name AS name, o.rank AS rank, o.role AS role,
       o.caseload_capacity AS caseload_capacity, areas,
       collect(DISTINCT {id: g.id, threat: g.threat, status: g.status}) AS owned
ORDER BY id
