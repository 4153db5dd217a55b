// Purpose: What the network tools show and need about each person: name, birth date, gender, role labels and offence count.
// Parameters: $ids (list of person ids)
// Returns: id, first_name, last_name, date_of_birth, gender, labels (list), offences (int)
MATCH (p:Person)
WHERE p.id IN $ids
OPTIONAL MATCH (p)-[:SUSPECT_IN|CONVICTED_OF]->(o:Offence)
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name,
       p.date_of_birth AS date_of_birth, p.gender AS gender, labels(p) AS labels,
       count(DISTINCT o) AS offences
ORDER BY id
