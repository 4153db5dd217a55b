// Purpose: Who lives (or lived) where, with the household's recorded high-impact flag, for household scores and projections.
// Parameters: none
// Returns: person_id, household_id, address, postcode, high_impact, high_impact_reason, from_on, to_on
MATCH (p:Person)-[l:LIVES_AT]->(h:Household)
RETURN p.id AS person_id, h.id AS household_id, h.address AS address, h.postcode AS postcode,
       h.high_impact AS high_impact, h.high_impact_reason AS high_impact_reason,
       l.from_on AS from_on, l.to_on AS to_on
