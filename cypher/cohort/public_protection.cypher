// Purpose: Every person's MAPPA and MARAC cases, for lead arrangements and risk markers.
// Parameters: none
// Returns: person_id, scheme (MAPPA or MARAC), case_id, role, category, level, start_on, end_on (MARAC: start_on is the hearing date, no end)
MATCH (p:Person)-[s:SUBJECT_OF]->(c:MappaCase)
RETURN p.id AS person_id, 'MAPPA' AS scheme, c.id AS case_id, s.role AS role,
       c.category AS category, c.level AS level, c.start_on AS start_on, c.end_on AS end_on
UNION ALL
MATCH (p:Person)-[s:SUBJECT_OF]->(c:MaracCase)
RETURN p.id AS person_id, 'MARAC' AS scheme, c.id AS case_id, s.role AS role,
       null AS category, null AS level, c.heard_on AS start_on, null AS end_on
