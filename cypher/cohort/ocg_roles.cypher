// Purpose: Every OCG membership with the person's role, for the OCG-role component.
// Parameters: none
// Returns: person_id, ocg_id, ocg, role, since, until
MATCH (p:Person)-[m:MEMBER_OF]->(g:OCG)
RETURN p.id AS person_id, g.id AS ocg_id, g.name AS ocg, m.role AS role,
       m.since AS since, m.until AS until
ORDER BY person_id, ocg_id
