// Purpose: One meeting with its agenda (OCGs in order, with why each is there); no row when unknown.
// Parameters: $meeting (meeting id)
// Returns: details (map of the meeting's properties), agenda (list of {ocg_id, name, position, reasons})
MATCH (m:Meeting {id: $meeting})
OPTIONAL MATCH (m)-[a:ON_AGENDA]->(g:OCG)
RETURN properties(m) AS details,
       collect({ocg_id: g.id, name: g.name, position: a.position, reasons: a.reasons}) AS agenda
