// Purpose: Full-text index one casework label over every free-text property casework keeps (FalkorDB: one index per label).
// Parameters: $label (one of Plan, Action, ActionRecord, Review, ReviewRecord, NeedAssessment, Disruption)
// Returns: nothing
CALL db.idx.fulltext.createNodeIndex($label, 'title', 'notes', 'description', 'outcome',
                                     'what_worked', 'evaluation_note', 'decisions',
                                     'impact_rationale')
