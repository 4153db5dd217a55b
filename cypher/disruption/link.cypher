// Purpose: Link records by id with one relationship type (the library checks the type's ends in the model).
// Parameters: $rows (list of {from, to, props})
// Returns: linked (count)
// Slots: __From__ (label), __To__ (label), __TYPE__ (relationship)
UNWIND $rows AS row
MATCH (a:__From__ {id: row.from}), (b:__To__ {id: row.to})
CREATE (a)-[r:__TYPE__]->(b)
SET r += row.props
RETURN count(r) AS linked
