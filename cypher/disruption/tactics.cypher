// Purpose: The tactic library: every tactic with its area, 4P strand, owning agency type.
// Parameters: none
// Returns: id, name, tactic_area, four_p, owner_type
MATCH (t:Tactic)
RETURN t.id AS id, t.name AS name, t.tactic_area AS tactic_area, t.four_p AS four_p,
       t.owner_type AS owner_type
ORDER BY tactic_area, name, id
