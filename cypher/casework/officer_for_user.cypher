// Purpose: The officer record of a signed-in user: the officer whose id (or name, any case) is the user name.
// Parameters: $user_name
// Returns: id, name
MATCH (o:Officer)
WHERE o.id = $user_name OR toLower(o.name) = toLower($user_name)
RETURN o.id AS id, o.name AS name
ORDER BY id
