// Purpose: Co-offending ties: pairs of people suspected or convicted in the same offence, in a date window, touching the given people (all when $ids is null).
// Parameters: $ids (list of person ids, or null for everyone), $since (ISO date, inclusive), $until (ISO date, inclusive)
// Returns: a, b (person ids, a < b), weight (shared offences), first_on, last_on (ISO dates)
MATCH (a:Person)-[:SUSPECT_IN|CONVICTED_OF]->(o:Offence)<-[:SUSPECT_IN|CONVICTED_OF]-(b:Person)
WHERE a.id < b.id AND o.committed_on >= $since AND o.committed_on <= $until
  AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
RETURN a.id AS a, b.id AS b, count(DISTINCT o) AS weight,
       min(o.committed_on) AS first_on, max(o.committed_on) AS last_on
ORDER BY a, b
