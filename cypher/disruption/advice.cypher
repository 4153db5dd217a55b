// Purpose: The co-ordinators' tactic advice for an OCG, newest first, with the tactics recommended in order.
// Parameters: $ocg (OCG id)
// Returns: id, given_on, advice, officer_id, officer_name, tactics (list of {id, name, position})
MATCH (o:Officer)-[:ADVISED]->(t:TacticAdvice)-[:ADVICE_FOR]->(g:OCG {id: $ocg})
OPTIONAL MATCH (t)-[r:RECOMMENDS]->(x:Tactic)
RETURN t.id AS id, t.given_on AS given_on, t.advice AS advice, o.id AS officer_id,
       o.name AS officer_name, collect({id: x.id, name: x.name, position: r.position}) AS tactics
ORDER BY given_on DESC, id DESC
