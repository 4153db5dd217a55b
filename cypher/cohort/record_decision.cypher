// Purpose: Record a selection panel's decision (select, de-select, defer) about a person, with who, when, cohort type and reason.
// Parameters: $person_id, $id, $decision, $cohort, $reason, $decided_on, $decided_by, $decided_at, $score (float or null), $recommendation (or null), $lead (or null), $led_elsewhere (text or null)
// Returns: id; no row when the person is unknown
MATCH (p:Person {id: $person_id})
CREATE (d:SelectionDecision {id: $id, person_id: p.id, decision: $decision, cohort: $cohort,
        reason: $reason, decided_on: $decided_on, decided_by: $decided_by,
        decided_at: $decided_at})
SET d.score = $score, d.recommendation = $recommendation, d.lead = $lead,
    d.led_elsewhere = $led_elsewhere
RETURN d.id AS id
