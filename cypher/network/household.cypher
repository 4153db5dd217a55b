// Purpose: Household ties: people who lived at the same household at overlapping times inside the date window, touching the given people.
// Parameters: $ids (list of person ids, or null for everyone), $since (ISO date, inclusive), $until (ISO date, inclusive)
// Returns: a, b (person ids, a < b), households (list of household ids), weight (households shared)
MATCH (a:Person)-[la:LIVES_AT]->(h:Household)<-[lb:LIVES_AT]-(b:Person)
WHERE a.id < b.id AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
  AND coalesce(la.from_on, '0000-01-01') <= coalesce(lb.to_on, '9999-12-31')
  AND coalesce(lb.from_on, '0000-01-01') <= coalesce(la.to_on, '9999-12-31')
  AND coalesce(la.to_on, '9999-12-31') >= $since AND coalesce(la.from_on, '0000-01-01') <= $until
  AND coalesce(lb.to_on, '9999-12-31') >= $since AND coalesce(lb.from_on, '0000-01-01') <= $until
RETURN a.id AS a, b.id AS b, collect(DISTINCT h.id) AS households, count(DISTINCT h) AS weight
ORDER BY a, b
