// Purpose: The victims of offences committed in a date window, for domestic-abuse victim counts, serial perpetrators and household incidents.
// Parameters: $since (ISO date string, inclusive), $until (ISO date string, inclusive)
// Returns: offence_id, victim_id
MATCH (v:Person)-[:VICTIM_IN]->(o:Offence)
WHERE o.committed_on >= $since AND o.committed_on <= $until
RETURN o.id AS offence_id, v.id AS victim_id
