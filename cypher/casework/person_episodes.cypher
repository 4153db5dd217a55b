// Purpose: A person's IOM episodes with their hub, to link a new plan to the open one.
// Parameters: $person_id
// Returns: id, cohort, start_on, end_on, hub_id
MATCH (p:Person {id: $person_id})-[:IN_EPISODE]->(e:IomEpisode)
OPTIONAL MATCH (e)-[:AT_HUB]->(a:Area)
RETURN e.id AS id, e.cohort AS cohort, e.start_on AS start_on, e.end_on AS end_on, a.id AS hub_id
ORDER BY e.start_on
