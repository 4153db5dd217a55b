// Purpose: Meetings, newest first: all, or those of one type when $meeting_type is set.
// Parameters: $meeting_type (MeetingType code or null)
// Returns: id, meeting_type, held_on, status, title, next_on
MATCH (m:Meeting)
WHERE $meeting_type IS NULL OR m.meeting_type = $meeting_type
RETURN m.id AS id, m.meeting_type AS meeting_type, m.held_on AS held_on, m.status AS status,
       m.title AS title, m.next_on AS next_on
ORDER BY held_on DESC, id DESC
