// Purpose: Every IOM episode with its hub and offender manager, for lead arrangements, flags and the evaluation.
// Parameters: none
// Returns: person_id, episode_id, cohort, start_on, end_on, hub_id, hub, manager
MATCH (p:Person)-[:IN_EPISODE]->(e:IomEpisode)
OPTIONAL MATCH (e)-[:AT_HUB]->(a:Area)
OPTIONAL MATCH (e)-[:MANAGED_BY]->(m:Officer)
RETURN p.id AS person_id, e.id AS episode_id, e.cohort AS cohort, e.start_on AS start_on,
       e.end_on AS end_on, a.id AS hub_id, coalesce(a.hub_name, a.name) AS hub,
       m.name AS manager
ORDER BY person_id, start_on
