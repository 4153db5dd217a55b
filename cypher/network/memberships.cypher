// Purpose: OCG memberships (current on $on: not ended before it) of the given people, or of everyone when $ids is null.
// Parameters: $ids (list of person ids, or null), $on (ISO date)
// Returns: person_id, ocg_id, ocg_name, role, since
MATCH (p:Person)-[m:MEMBER_OF]->(g:OCG)
WHERE ($ids IS NULL OR p.id IN $ids) AND coalesce(m.until, '9999-12-31') >= $on
RETURN p.id AS person_id, g.id AS ocg_id, g.name AS ocg_name, m.role AS role, m.since AS since
ORDER BY person_id, ocg_id
