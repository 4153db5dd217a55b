// Purpose: Casework records whose free text contains a word (FalkorDB full-text, stemmed).
// Parameters: $word (one word: letters and digits only), $limit (int)
// Returns: label, id, score
CALL {
  CALL db.idx.fulltext.queryNodes('Action', $word) YIELD node, score
  RETURN 'Action' AS label, node.id AS id, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('ActionRecord', $word) YIELD node, score
  RETURN 'Action' AS label, node.id AS id, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('ReviewRecord', $word) YIELD node, score
  RETURN 'Review' AS label, node.id AS id, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('Review', $word) YIELD node, score
  RETURN 'Review' AS label, node.id AS id, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('Plan', $word) YIELD node, score
  RETURN 'Plan' AS label, node.id AS id, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('NeedAssessment', $word) YIELD node, score
  RETURN 'NeedAssessment' AS label, node.id AS id, score
  UNION ALL
  CALL db.idx.fulltext.queryNodes('Disruption', $word) YIELD node, score
  RETURN 'Disruption' AS label, node.id AS id, score
}
RETURN label, id, score
ORDER BY score DESC, id
LIMIT $limit
