// Purpose: Each person's suspected or convicted offences in a date window, by type, for the harm of emerging groups.
// Parameters: $ids (list of person ids), $since (ISO date, inclusive), $until (ISO date, inclusive)
// Returns: person_id, offence_type, offences (count)
MATCH (p:Person)-[:SUSPECT_IN|CONVICTED_OF]->(o:Offence)
WHERE p.id IN $ids AND o.committed_on >= $since AND o.committed_on <= $until
RETURN p.id AS person_id, o.offence_type AS offence_type, count(DISTINCT o) AS offences
ORDER BY person_id, offence_type
