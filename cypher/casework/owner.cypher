// Purpose: An officer or partner agency by id (an owner named in casework must exist).
// Parameters: $id
// Returns: id, name, kind ('Officer' or 'Partner')
MATCH (o:Officer {id: $id})
RETURN o.id AS id, o.name AS name, 'Officer' AS kind
UNION ALL
MATCH (o:Partner {id: $id})
RETURN o.id AS id, o.name AS name, 'Partner' AS kind
