// Purpose: People with this name (any case) and date of birth, for referral matching.
// Parameters: $first_name (lower-case string), $last_name (lower-case string), $date_of_birth (ISO date)
// Returns: id, first_name, last_name, date_of_birth, pnc_id
MATCH (p:Person)
WHERE toLower(p.first_name) = $first_name AND toLower(p.last_name) = $last_name
  AND p.date_of_birth = $date_of_birth
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name,
       p.date_of_birth AS date_of_birth, p.pnc_id AS pnc_id
ORDER BY p.id
