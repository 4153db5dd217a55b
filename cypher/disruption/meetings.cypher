// Purpose: Meetings, newest first (all, or one type when $meeting_type is set); planned = has an agenda but no minutes yet.
// Parameters: $meeting_type (MeetingType code or null)
// Returns: id, meeting_type, held_on, title, planned (bool), next_on
MATCH (m:Meeting)
WHERE $meeting_type IS NULL OR m.meeting_type = $meeting_type
OPTIONAL MATCH (m)-[:HAS_MINUTES]->(n:Minutes)
OPTIONAL MATCH (m)-[:ON_AGENDA]->(g:OCG)
WITH m, n, count(g) AS items
RETURN m.id AS id, m.meeting_type AS meeting_type, m.held_on AS held_on, m.title AS title,
       (n IS NULL AND items > 0) AS planned, n.next_on AS next_on
ORDER BY held_on DESC, id DESC
