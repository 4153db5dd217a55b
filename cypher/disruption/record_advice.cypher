// Purpose: Record a co-ordinator's tactic advice for an OCG (the tactics are linked separately).
// Parameters: $ocg, $officer, $id, $given_on, $advice
// Returns: id
MATCH (g:OCG {id: $ocg}), (o:Officer {id: $officer})
CREATE (o)-[:ADVISED]->(t:TacticAdvice {id: $id, given_on: $given_on, advice: $advice})-[:ADVICE_FOR]->(g)
RETURN t.id AS id
