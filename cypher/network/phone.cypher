// Purpose: Phone-contact ties: calls between phones held by two people, in the date window (undated calls kept), touching the given people.
// Parameters: $ids (list of person ids, or null for everyone), $since (ISO date, inclusive), $until (ISO date, inclusive)
// Returns: a, b (person ids, a < b), weight (calls), last_on (ISO date)
MATCH (pa:Person)-[:HAS_PHONE]->(:Phone)<-[:CALLER|CALLED]-(c:PhoneCall)-[:CALLER|CALLED]->(:Phone)<-[:HAS_PHONE]-(pb:Person)
WHERE pa.id <> pb.id
  AND (c.called_on IS NULL OR (c.called_on >= $since AND c.called_on <= $until))
WITH CASE WHEN pa.id < pb.id THEN pa.id ELSE pb.id END AS a,
     CASE WHEN pa.id < pb.id THEN pb.id ELSE pa.id END AS b, c
WHERE $ids IS NULL OR a IN $ids OR b IN $ids
RETURN a, b, count(DISTINCT c) AS weight, max(c.called_on) AS last_on
ORDER BY a, b
