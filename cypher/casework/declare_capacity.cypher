// Purpose: Declare how many people a partner can take on a pathway (replaces its earlier figure).
// Parameters: $partner_id, $pathway (Pathway code), $name (the pathway's label), $capacity (int), $declared_on
// Returns: before (the earlier capacity or null)
MATCH (pt:Partner {id: $partner_id})
MERGE (pw:Pathway {id: $pathway})
ON CREATE SET pw.name = $name
MERGE (pt)-[o:OFFERS]->(pw)
WITH o, o.capacity AS before
SET o.capacity = $capacity, o.declared_on = $declared_on
RETURN before
