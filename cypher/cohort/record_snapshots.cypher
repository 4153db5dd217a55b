// Purpose: Keep dated score snapshots (one per person and cohort type) with the configuration version, to show what changed since the last review.
// Parameters: $rows (list of maps: id, person_id, cohort, taken_on, taken_at, config_version, score, rank, band, recommendation, components as JSON text)
// Returns: snapshots (int)
UNWIND $rows AS row
CREATE (s:ScoreSnapshot {id: row.id})
SET s.person_id = row.person_id, s.cohort = row.cohort, s.taken_on = row.taken_on,
    s.taken_at = row.taken_at, s.config_version = row.config_version, s.score = row.score,
    s.rank = row.rank, s.band = row.band, s.recommendation = row.recommendation,
    s.components = row.components
RETURN count(s) AS snapshots
