// Purpose: One person's score snapshots, newest first, to say what changed since the last review.
// Parameters: $person_id (person id)
// Returns: id, cohort, taken_on, taken_at, config_version, score, rank, band, recommendation, components (JSON text)
MATCH (s:ScoreSnapshot {person_id: $person_id})
RETURN s.id AS id, s.cohort AS cohort, s.taken_on AS taken_on, s.taken_at AS taken_at,
       s.config_version AS config_version, s.score AS score, s.rank AS rank, s.band AS band,
       s.recommendation AS recommendation, s.components AS components
ORDER BY taken_at DESC, id DESC
