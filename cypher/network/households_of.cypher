// Purpose: Current residents (on $on) of every household where one of the given people currently lives.
// Parameters: $ids (list of person ids), $on (ISO date)
// Returns: household_id, residents (list of person ids)
MATCH (p:Person)-[l:LIVES_AT]->(h:Household)
WHERE p.id IN $ids AND coalesce(l.to_on, '9999-12-31') >= $on AND coalesce(l.from_on, '0000-01-01') <= $on
WITH DISTINCT h
MATCH (q:Person)-[m:LIVES_AT]->(h)
WHERE coalesce(m.to_on, '9999-12-31') >= $on AND coalesce(m.from_on, '0000-01-01') <= $on
RETURN h.id AS household_id, collect(DISTINCT q.id) AS residents
ORDER BY household_id
