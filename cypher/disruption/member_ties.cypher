// Purpose: Association and ties between an OCG's current members (intelligence: police-only in partner packs).
// Parameters: $ocg (OCG id)
// Returns: a, b, source, grading
MATCH (x:Person)-[m1:MEMBER_OF]->(g:OCG {id: $ocg})<-[m2:MEMBER_OF]-(y:Person)
MATCH (x)-[r:ASSOCIATES_WITH]->(y)
RETURN x.id AS a, y.id AS b, r.source AS source, r.grading AS grading
ORDER BY a, b
