// Purpose: Each partner's declared capacity per pathway, with the hub it is based in.
// Parameters: none
// Returns: partner_id, partner_name, pathway, capacity (int), declared_on, hub_id, hub_name
MATCH (pt:Partner)-[o:OFFERS]->(pw:Pathway)
OPTIONAL MATCH (pt)-[:BASED_IN]->(a:Area)
RETURN pt.id AS partner_id, pt.name AS partner_name, pw.id AS pathway, o.capacity AS capacity,
       o.declared_on AS declared_on, a.id AS hub_id, a.hub_name AS hub_name
ORDER BY partner_id, pathway
