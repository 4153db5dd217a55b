// Purpose: The disruption ledger: one OCG's disruptions, or every OCG's when $ocg is null, newest first.
// Parameters: $ocg (OCG id or null)
// Returns: id, occurred_on, four_p, impact, impact_rationale, approved_by, description, evidence_refs, assets_restrained, assets_recovered, ocg_id, ocg_name, threat, areas, tactics (list of {id, name, tactic_area}), partner_id, partner_name, partner_type, approver_id, approver_name, action_id, action_description, targets (list of {id, labels, name})
MATCH (g:OCG)-[:DISRUPTED_BY]->(d:Disruption)
WHERE $ocg IS NULL OR g.id = $ocg
OPTIONAL MATCH (d)-[:USED]->(t:Tactic)
WITH g, d, collect(DISTINCT {id: t.id, name: t.name, tactic_area: t.tactic_area}) AS tactics
OPTIONAL MATCH (g)-[:OPERATES_IN]->(ar:Area)
WITH g, d, tactics, collect(DISTINCT ar.id) AS areas
OPTIONAL MATCH (d)-[:TARGETED]->(x)
WITH g, d, tactics, areas,
     collect(DISTINCT {id: x.id, labels: labels(x),
                       name: coalesce(x.name, x.vrm, x.first_name + ' ' + x.last_name, x.address)}) AS targets
OPTIONAL MATCH (d)-[:LED_BY]->(p:Partner)
OPTIONAL MATCH (d)-[:APPROVED_BY]->(o:Officer)
OPTIONAL MATCH (d)-[:FROM_ACTION]->(a:Action)
OPTIONAL MATCH (d)-[:EVIDENCED_BY]->(ev:DisruptionEvidence)
RETURN d.id AS id, d.occurred_on AS occurred_on, d.four_p AS four_p, d.impact AS impact,
       d.impact_rationale AS impact_rationale, d.approved_by AS approved_by,
       d.description AS description, ev.evidence_refs AS evidence_refs,
       ev.assets_restrained AS assets_restrained, ev.assets_recovered AS assets_recovered,
       g.id AS ocg_id, g.name AS ocg_name, g.threat AS threat, areas, tactics,
       p.id AS partner_id, p.name AS partner_name, p.partner_type AS partner_type,
       o.id AS approver_id, o.name AS approver_name, a.id AS action_id,
       a.description AS action_description, targets
ORDER BY occurred_on DESC, id
