// Purpose: The casework full-text index over plans, actions, reviews, assessments and disruptions (Neo4j: one index for all labels).
// Parameters: none
// Returns: nothing
CREATE FULLTEXT INDEX casework_search IF NOT EXISTS
FOR (n:Plan|Action|ActionRecord|Review|ReviewRecord|NeedAssessment|Disruption)
ON EACH [n.title, n.notes, n.description, n.outcome, n.what_worked, n.evaluation_note,
         n.decisions, n.impact_rationale]
