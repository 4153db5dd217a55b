// Purpose: Link a review to the officer who held it (the officer whose id or name is the actor's user name).
// Parameters: $id (review id), $user_name
// Returns: id (nothing when no officer has that user name)
MATCH (r:Review {id: $id}), (o:Officer)
WHERE o.id = $user_name OR toLower(o.name) = toLower($user_name)
MERGE (r)-[:REVIEWED_BY]->(o)
RETURN r.id AS id
