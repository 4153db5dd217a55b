// Purpose: Each person's assessed pathway needs and the actions of their offender plans, shown as protective factors and pathway progress.
// Parameters: none
// Returns: person_id, kind (NEED or ACTION), pathway, status (need severity or action status)
MATCH (p:Person)-[n:HAS_NEED]->(w:Pathway)
RETURN p.id AS person_id, 'NEED' AS kind, w.id AS pathway, n.severity AS status
UNION ALL
MATCH (p:Person)-[:HAS_PLAN]->(:Plan)-[:HAS_ACTION]->(a:Action)
RETURN p.id AS person_id, 'ACTION' AS kind, a.pathway AS pathway, a.status AS status
