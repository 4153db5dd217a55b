// Purpose: IOM episodes open on a date (started by then, not ended by then), with their hub, for cohort sizes.
// Parameters: $as_of (ISO date string)
// Returns: person_id, episode_id, cohort, start_on, end_on, area_id (null when no hub)
MATCH (p:Person)-[:IN_EPISODE]->(e:IomEpisode)
WHERE e.start_on <= $as_of AND (e.end_on IS NULL OR e.end_on = '' OR e.end_on > $as_of)
OPTIONAL MATCH (e)-[:AT_HUB]->(a:Area)
RETURN p.id AS person_id, e.id AS episode_id, e.cohort AS cohort, e.start_on AS start_on,
       e.end_on AS end_on, a.id AS area_id
