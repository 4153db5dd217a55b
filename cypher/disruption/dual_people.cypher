// Purpose: People who are OCG members and have an open IOM (offender) plan: one person's, or everyone's when $person is null.
// Parameters: $person (person id or null)
// Returns: id, first_name, last_name, plan_ids (open IOM plans), ocgs (list of {id, name, role})
MATCH (p:Person)-[m:MEMBER_OF]->(g:OCG)
WHERE ($person IS NULL OR p.id = $person) AND (m.until IS NULL OR m.until = '')
MATCH (p)-[:HAS_PLAN]->(pl:Plan)
WHERE pl.plan_type = 'OFFENDER' AND pl.status = 'OPEN'
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name,
       collect(DISTINCT pl.id) AS plan_ids, collect(DISTINCT {id: g.id, name: g.name, role: m.role}) AS ocgs
ORDER BY id
