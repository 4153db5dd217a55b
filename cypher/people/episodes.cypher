// Purpose: A person's IOM episodes with the hub and offender manager of each.
// Parameters: $id (person id)
// Returns: id, cohort, start_on, end_on, selection_reason, deselection_reason, hub, offender_manager
MATCH (p:Person {id: $id})-[:IN_EPISODE]->(e:IomEpisode)
OPTIONAL MATCH (e)-[:AT_HUB]->(a:Area)
OPTIONAL MATCH (e)-[:MANAGED_BY]->(o:Officer)
RETURN e.id AS id, e.cohort AS cohort, e.start_on AS start_on, e.end_on AS end_on,
       e.selection_reason AS selection_reason, e.deselection_reason AS deselection_reason,
       coalesce(a.hub_name, a.name) AS hub, o.name AS offender_manager
ORDER BY start_on DESC, id
