// Purpose: Unfinished actions with a due date in open plans, with who delivers each, the person and hub.
// Parameters: none
// Returns: action_id, description, pathway, status, due_on, plan_id, plan_type, title, person_id, first_name, last_name, owner_id, owner_name, owner_kind, hub_id, hub_name
MATCH (pl:Plan)-[:HAS_ACTION]->(a:Action)
WHERE pl.status = 'OPEN' AND a.due_on IS NOT NULL AND NOT a.status IN ['DONE', 'DECLINED']
OPTIONAL MATCH (p:Person)-[:HAS_PLAN]->(pl)
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(o)
OPTIONAL MATCH (pl)-[:OWNED_BY]->(po:Officer)
OPTIONAL MATCH (pl)-[:FOR_EPISODE]->(:IomEpisode)-[:AT_HUB]->(eh:Area)
OPTIONAL MATCH (po)-[:BASED_IN]->(oh:Area)
WITH a, pl, p, o, coalesce(eh, oh) AS hub
RETURN a.id AS action_id, a.description AS description, a.pathway AS pathway,
       a.status AS status, a.due_on AS due_on, pl.id AS plan_id, pl.plan_type AS plan_type,
       pl.title AS title, p.id AS person_id, p.first_name AS first_name,
       p.last_name AS last_name, o.id AS owner_id, o.name AS owner_name,
       CASE WHEN o:Officer THEN 'Officer' WHEN o:Partner THEN 'Partner' ELSE null END AS owner_kind,
       hub.id AS hub_id, hub.hub_name AS hub_name
ORDER BY due_on, action_id
