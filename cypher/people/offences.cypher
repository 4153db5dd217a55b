// Purpose: Every offence a person is linked to (suspect, convicted, victim, witness), newest first.
// Parameters: $id (person id)
// Returns: relationship (SUSPECT_IN, CONVICTED_OF, VICTIM_IN or WITNESS_IN), id, offence_type, committed_on, outcome, detection, domestic_abuse, summary, convicted_on, area
MATCH (p:Person {id: $id})-[r:SUSPECT_IN|CONVICTED_OF|VICTIM_IN|WITNESS_IN]->(o:Offence)
OPTIONAL MATCH (o)-[:OCCURRED_IN]->(a:Area)
RETURN type(r) AS relationship, o.id AS id, o.offence_type AS offence_type,
       o.committed_on AS committed_on, o.outcome AS outcome, o.detection AS detection,
       o.domestic_abuse AS domestic_abuse, o.summary AS summary,
       r.convicted_on AS convicted_on, a.name AS area
ORDER BY committed_on DESC, id, relationship
