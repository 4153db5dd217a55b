// Purpose: A person found by exact id or PNC id, for referral matching.
// Parameters: $id (string)
// Returns: id, first_name, last_name, date_of_birth, pnc_id
MATCH (p:Person)
WHERE p.id = $id OR p.pnc_id = $id
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name,
       p.date_of_birth AS date_of_birth, p.pnc_id AS pnc_id
ORDER BY p.id
