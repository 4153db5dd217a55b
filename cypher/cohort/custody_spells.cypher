// Purpose: Custody spells (remand and sentence) of every person, for time at liberty and the due-for-release list.
// Parameters: none
// Returns: person_id, spell_id, kind, start_on, release_due, released_on
MATCH (p:Person)-[:IN_CUSTODY]->(c:CustodySpell)
RETURN p.id AS person_id, c.id AS spell_id, c.kind AS kind, c.start AS start_on,
       c.release_due AS release_due, c.released_on AS released_on
ORDER BY person_id, start_on
