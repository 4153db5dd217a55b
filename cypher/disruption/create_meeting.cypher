// Purpose: Plan a meeting (its agenda items are linked separately).
// Parameters: $id, $meeting_type, $held_on, $title
// Returns: id
CREATE (m:Meeting {id: $id, meeting_type: $meeting_type, held_on: $held_on, title: $title, status: 'PLANNED'})
RETURN m.id AS id
