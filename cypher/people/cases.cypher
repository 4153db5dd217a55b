// Purpose: The MAPPA and MARAC cases a person is the subject of, with their part in each.
// Parameters: $id (person id)
// Returns: id, labels (list), role, category, level, start_on, end_on, criterion, heard_on, dash_score
MATCH (p:Person {id: $id})-[s:SUBJECT_OF]->(c)
WHERE c:MappaCase OR c:MaracCase
RETURN c.id AS id, labels(c) AS labels, s.role AS role, c.category AS category,
       c.level AS level, c.start_on AS start_on, c.end_on AS end_on, c.criterion AS criterion,
       c.heard_on AS heard_on, c.dash_score AS dash_score
ORDER BY id
