// Purpose: Every suspect or convicted person's offences committed in a date window, with the person's own and the record's outcome, for the cohort scores, evaluation and backtest (victims come from cohort/victims).
// Parameters: $since (ISO date string, inclusive), $until (ISO date string, inclusive)
// Returns: person_id, offence_id, offence_type, committed_on, outcome (the person's own, from SUSPECT_IN), record_outcome (the crime record's), detection, domestic_abuse, relationship (SUSPECT_IN or CONVICTED_OF)
MATCH (p:Person)-[r:SUSPECT_IN|CONVICTED_OF]->(o:Offence)
WHERE o.committed_on >= $since AND o.committed_on <= $until
RETURN p.id AS person_id, o.id AS offence_id, o.offence_type AS offence_type,
       o.committed_on AS committed_on, r.outcome AS outcome, o.outcome AS record_outcome,
       o.detection AS detection, o.domestic_abuse AS domestic_abuse, type(r) AS relationship
