// Purpose: Make a label's `id` unique and indexed (Neo4j: a uniqueness constraint).
// Parameters: none
// Returns: nothing
// Slots: __Label__ (label)
CREATE CONSTRAINT IF NOT EXISTS FOR (n:__Label__) REQUIRE n.id IS UNIQUE
