// Purpose: The stored properties of relationships of one type between records, to tell what an import changes.
// Parameters: $pairs (list of {start: string, end: string})
// Returns: start (string), end (string), props (map of every stored property)
// Slots: __From__ (label), __To__ (label), __TYPE__ (relationship)
UNWIND $pairs AS pair
MATCH (a:__From__ {id: pair.start})-[r:__TYPE__]->(b:__To__ {id: pair.end})
RETURN a.id AS start, b.id AS end, properties(r) AS props
