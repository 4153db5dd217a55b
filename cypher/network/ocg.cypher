// Purpose: OCG co-membership ties: members of the same OCG whose memberships overlap the date window, touching the given people.
// Parameters: $ids (list of person ids, or null for everyone), $since (ISO date, inclusive), $until (ISO date, inclusive)
// Returns: a, b (person ids, a < b), ocgs (list of OCG ids), weight (OCGs shared)
MATCH (a:Person)-[ma:MEMBER_OF]->(g:OCG)<-[mb:MEMBER_OF]-(b:Person)
WHERE a.id < b.id AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
  AND coalesce(ma.until, '9999-12-31') >= $since AND coalesce(ma.since, '0000-01-01') <= $until
  AND coalesce(mb.until, '9999-12-31') >= $since AND coalesce(mb.since, '0000-01-01') <= $until
RETURN a.id AS a, b.id AS b, collect(DISTINCT g.id) AS ocgs, count(DISTINCT g) AS weight
ORDER BY a, b
