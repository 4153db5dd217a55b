// Purpose: Change a plan's own properties (next review date, status, closing date).
// Parameters: $id, $props (map; a null value clears the property)
// Returns: id
MATCH (pl:Plan {id: $id})
SET pl += $props
RETURN pl.id AS id
