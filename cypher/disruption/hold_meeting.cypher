// Purpose: Record a meeting's minutes, when it was held and the next date from the cadence.
// Parameters: $meeting, $id, $held_on, $text, $next_on, $recorded_by
// Returns: id
MATCH (m:Meeting {id: $meeting})
CREATE (m)-[:HAS_MINUTES]->(n:Minutes {id: $id, held_on: $held_on, text: $text, next_on: $next_on, recorded_by: $recorded_by})
SET m.held_on = $held_on
RETURN n.id AS id
