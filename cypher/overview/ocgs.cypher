// Purpose: Every OCG with its status and the areas it operates in (one row per area; area null when none).
// Parameters: none
// Returns: ocg_id, status, area_id
MATCH (g:OCG)
OPTIONAL MATCH (g)-[:OPERATES_IN]->(a:Area)
RETURN g.id AS ocg_id, g.status AS status, a.id AS area_id
