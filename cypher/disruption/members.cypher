// Purpose: The people who are (or were) members of an OCG, with role, dates and intelligence grading.
// Parameters: $ocg (OCG id)
// Returns: id, first_name, last_name, role, since, until, grading
MATCH (p:Person)-[m:MEMBER_OF]->(g:OCG {id: $ocg})
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name, m.role AS role,
       m.since AS since, m.until AS until, m.grading AS grading
ORDER BY role, id
