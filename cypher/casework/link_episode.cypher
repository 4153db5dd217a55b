// Purpose: Link a referral or plan to the IOM episode it belongs to.
// Parameters: $id (referral or plan id), $episode_id
// Returns: id (nothing when either is missing)
// Slots: __From__ (label)
MATCH (a:__From__ {id: $id}), (e:IomEpisode {id: $episode_id})
MERGE (a)-[:FOR_EPISODE]->(e)
RETURN a.id AS id
