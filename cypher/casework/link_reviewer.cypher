// Purpose: Link a review to the officer who held it (the officer whose user name is the actor's).
// Parameters: $id (review id), $user_name
// Returns: id (nothing when no officer has that user name)
MATCH (r:Review {id: $id}), (o:Officer)
WHERE o.user_name = $user_name OR o.id = $user_name
MERGE (r)-[:REVIEWED_BY]->(o)
RETURN r.id AS id
