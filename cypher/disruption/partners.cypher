// Purpose: The partner agencies (for choosing a lead partner or an action's owner).
// Parameters: none
// Returns: id, name, partner_type
MATCH (p:Partner)
RETURN p.id AS id, p.name AS name, p.partner_type AS partner_type
ORDER BY name, id
