// Purpose: Mark a meeting held, with its minutes and the next date from the cadence.
// Parameters: $meeting, $held_on, $minutes, $next_on
// Returns: id
MATCH (m:Meeting {id: $meeting})
SET m.status = 'HELD', m.held_on = $held_on, m.minutes = $minutes, m.next_on = $next_on
RETURN m.id AS id
