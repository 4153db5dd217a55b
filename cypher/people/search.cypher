// Purpose: Find people by a fragment of their name, id or PNC id (case-insensitive), for the profile search box.
// Parameters: $text (lower-case fragment), $limit (int)
// Returns: id, first_name, last_name, date_of_birth, pnc_id
MATCH (p:Person)
WHERE toLower(p.id) CONTAINS $text
   OR toLower(p.first_name + ' ' + p.last_name) CONTAINS $text
   OR toLower(coalesce(p.pnc_id, '')) CONTAINS $text
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name,
       p.date_of_birth AS date_of_birth, p.pnc_id AS pnc_id
ORDER BY last_name, first_name, id
LIMIT $limit
