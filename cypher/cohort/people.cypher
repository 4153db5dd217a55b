// Purpose: Names and IOM episodes (with their hub) of the people in a cohort ranking.
// Parameters: $ids (list of person ids)
// Returns: id, first_name, last_name, episode_id, cohort, start_on, end_on, hub_id, hub (episode columns null for a person never in IOM)
UNWIND $ids AS person_id
MATCH (p:Person {id: person_id})
OPTIONAL MATCH (p)-[:IN_EPISODE]->(e:IomEpisode)
OPTIONAL MATCH (e)-[:AT_HUB]->(a:Area)
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name,
       e.id AS episode_id, e.cohort AS cohort, e.start_on AS start_on, e.end_on AS end_on,
       a.id AS hub_id, coalesce(a.hub_name, a.name) AS hub
