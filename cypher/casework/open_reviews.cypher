// Purpose: The next review of every open plan, with its owner, person and hub (for reminders).
// Parameters: none
// Returns: plan_id, plan_type, title, due_on, person_id, first_name, last_name, owner_id, owner_name, hub_id, hub_name
MATCH (pl:Plan)
WHERE pl.status = 'OPEN' AND pl.next_review_due IS NOT NULL
OPTIONAL MATCH (p:Person)-[:HAS_PLAN]->(pl)
OPTIONAL MATCH (pl)-[:OWNED_BY]->(o:Officer)
OPTIONAL MATCH (pl)-[:FOR_EPISODE]->(:IomEpisode)-[:AT_HUB]->(eh:Area)
OPTIONAL MATCH (o)-[:BASED_IN]->(oh:Area)
WITH pl, p, o, coalesce(eh, oh) AS hub
RETURN pl.id AS plan_id, pl.plan_type AS plan_type, pl.title AS title,
       pl.next_review_due AS due_on, p.id AS person_id, p.first_name AS first_name,
       p.last_name AS last_name, o.id AS owner_id, o.name AS owner_name,
       hub.id AS hub_id, hub.hub_name AS hub_name
ORDER BY due_on, plan_id
