// Purpose: Casework records whose free text contains a word (Neo4j full-text index).
// Parameters: $word (one word: letters and digits only), $limit (int)
// Returns: label, id, score
CALL db.index.fulltext.queryNodes('casework_search', $word) YIELD node, score
WITH node, score,
     [l IN labels(node) WHERE l IN ['Action', 'ActionRecord', 'Review', 'ReviewRecord', 'Plan',
                                    'NeedAssessment', 'Disruption']] AS found
RETURN replace(found[0], 'Record', '') AS label, node.id AS id, score
ORDER BY score DESC, id
LIMIT $limit
