// Purpose: The meeting decisions recorded on an OCG, newest first.
// Parameters: $ocg (OCG id)
// Returns: meeting_id, meeting_type, held_on, title, decision
MATCH (m:Meeting)-[r:REVIEWED]->(g:OCG {id: $ocg})
RETURN m.id AS meeting_id, m.meeting_type AS meeting_type, m.held_on AS held_on,
       m.title AS title, r.decision AS decision
ORDER BY held_on DESC, meeting_id DESC
