// Purpose: The facts about every person that the cohort scores use: names, age, PNC id, probation risk and warning markers.
// Parameters: none
// Returns: id, first_name, last_name, date_of_birth, pnc_id, risk_of_serious_harm, wanted, failed_to_appear
MATCH (p:Person)
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name,
       p.date_of_birth AS date_of_birth, p.pnc_id AS pnc_id,
       p.risk_of_serious_harm AS risk_of_serious_harm,
       p.wanted AS wanted, p.failed_to_appear AS failed_to_appear
