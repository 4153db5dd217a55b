// Purpose: Association ties (intelligence, stop-search, custody...) with their source and grading (confidence), last seen in the date window (undated ties kept), touching the given people.
// Parameters: $ids (list of person ids, or null for everyone), $since (ISO date, inclusive), $until (ISO date, inclusive)
// Returns: a, b (person ids, a < b), weight (associations recorded), sources (list of codes), gradings (list), last_on (ISO date)
MATCH (a:Person)-[r:ASSOCIATES_WITH]-(b:Person)
WHERE a.id < b.id
  AND (r.last_seen IS NULL OR (r.last_seen >= $since AND r.last_seen <= $until))
  AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
RETURN a.id AS a, b.id AS b, count(r) AS weight, collect(DISTINCT r.source) AS sources,
       collect(DISTINCT r.grading) AS gradings, max(r.last_seen) AS last_on
ORDER BY a, b
