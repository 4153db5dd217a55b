// Purpose: IOM nominals: people in an IOM episode open on $on.
// Parameters: $on (ISO date)
// Returns: person_id, cohort
MATCH (p:Person)-[:IN_EPISODE]->(e:IomEpisode)
WHERE e.start_on <= $on AND coalesce(e.end_on, '9999-12-31') >= $on
RETURN DISTINCT p.id AS person_id, e.cohort AS cohort
ORDER BY person_id
