// Purpose: One meeting with its agenda (OCGs in order, with why each is there) and minutes; no row when unknown.
// Parameters: $meeting (meeting id)
// Returns: details (map of the meeting's properties), minutes (map or null), agenda (list of {ocg_id, name, position, reasons})
MATCH (m:Meeting {id: $meeting})
OPTIONAL MATCH (m)-[:HAS_MINUTES]->(n:Minutes)
OPTIONAL MATCH (m)-[a:ON_AGENDA]->(g:OCG)
RETURN properties(m) AS details,
       CASE WHEN n IS NULL THEN null ELSE {text: n.text, held_on: n.held_on, next_on: n.next_on} END AS minutes,
       collect({ocg_id: g.id, name: g.name, position: a.position, reasons: a.reasons}) AS agenda
