// Purpose: Index a label's `id` so MERGE and relationship MATCHes are fast (FalkorDB).
// Parameters: none
// Returns: nothing
// Slots: __Label__ (label)
CREATE INDEX FOR (n:__Label__) ON (n.id)
