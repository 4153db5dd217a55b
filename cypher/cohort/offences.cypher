// Purpose: Offences committed in a date window, one row per suspected or convicted person, for the cohort ranking.
// Parameters: $since (ISO date string, inclusive), $until (ISO date string, inclusive)
// Returns: person_id, offence_id, offence_type, committed_on (ISO date string), detection, relationship (SUSPECT_IN or CONVICTED_OF)
MATCH (p:Person)-[r:SUSPECT_IN|CONVICTED_OF]->(o:Offence)
WHERE o.committed_on >= $since AND o.committed_on <= $until
RETURN p.id AS person_id, o.id AS offence_id, o.offence_type AS offence_type,
       o.committed_on AS committed_on, o.detection AS detection, type(r) AS relationship
ORDER BY person_id, committed_on, offence_id
