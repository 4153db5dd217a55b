// Purpose: The officer record of a signed-in user (by user name, or an officer id used as one).
// Parameters: $user_name
// Returns: id, name
MATCH (o:Officer)
WHERE o.user_name = $user_name OR o.id = $user_name
RETURN o.id AS id, o.name AS name
ORDER BY id
