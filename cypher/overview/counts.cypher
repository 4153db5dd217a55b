// Purpose: How many people (and of them, fictional ones) and offences the store holds, for the home page.
// Parameters: none
// Returns: people (int), fictional (int), offences (int)
OPTIONAL MATCH (p:Person)
WITH count(p) AS people, sum(CASE WHEN p.fictional = true THEN 1 ELSE 0 END) AS fictional
OPTIONAL MATCH (o:Offence)
RETURN people, fictional, count(o) AS offences
