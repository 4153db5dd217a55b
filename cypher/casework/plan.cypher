// Purpose: One plan with its person, owning officer, IOM episode and hub.
// Parameters: $id
// Returns: id, plan_type, title, status, opened_on, closed_on, next_review_due, review_interval_weeks, version (0 before the first edit), updated_at, updated_by, person_id, first_name, last_name, owner_id, owner_name, episode_id, hub_id, hub_name
MATCH (pl:Plan {id: $id})
OPTIONAL MATCH (p:Person)-[:HAS_PLAN]->(pl)
OPTIONAL MATCH (pl)-[:OWNED_BY]->(o:Officer)
OPTIONAL MATCH (pl)-[:FOR_EPISODE]->(e:IomEpisode)
OPTIONAL MATCH (e)-[:AT_HUB]->(eh:Area)
OPTIONAL MATCH (o)-[:BASED_IN]->(oh:Area)
OPTIONAL MATCH (pl)-[:RECORDED]->(c:PlanControl)
WITH pl, p, o, e, c, coalesce(eh, oh) AS hub
RETURN pl.id AS id, pl.plan_type AS plan_type, pl.title AS title, pl.status AS status,
       pl.opened_on AS opened_on, pl.closed_on AS closed_on,
       pl.next_review_due AS next_review_due, c.review_interval_weeks AS review_interval_weeks,
       coalesce(c.version, 0) AS version, c.updated_at AS updated_at,
       c.updated_by AS updated_by,
       p.id AS person_id, p.first_name AS first_name, p.last_name AS last_name,
       o.id AS owner_id, o.name AS owner_name, e.id AS episode_id,
       hub.id AS hub_id, hub.hub_name AS hub_name
LIMIT 1
