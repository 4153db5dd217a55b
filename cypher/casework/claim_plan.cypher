// Purpose: Take the next version of a plan only if it is still at the version the editor read (optimistic concurrency).
// Parameters: $id, $version (int, the version read), $at, $user
// Returns: version (the new version; nothing when someone else changed the plan first)
MATCH (pl:Plan {id: $id})
WHERE coalesce(pl.version, 0) = $version
SET pl.version = $version + 1, pl.updated_at = $at, pl.updated_by = $user
RETURN pl.version AS version
