// Purpose: A person's selection decisions, newest first: their cohort history as the panel recorded it.
// Parameters: $person_id (person id)
// Returns: id, decision, cohort, reason, decided_on, decided_by, decided_at, score, recommendation, lead, led_elsewhere
MATCH (d:SelectionDecision {person_id: $person_id})
RETURN d.id AS id, d.decision AS decision, d.cohort AS cohort, d.reason AS reason,
       d.decided_on AS decided_on, d.decided_by AS decided_by, d.decided_at AS decided_at,
       d.score AS score, d.recommendation AS recommendation, d.lead AS lead,
       d.led_elsewhere AS led_elsewhere
ORDER BY decided_at DESC, id DESC
