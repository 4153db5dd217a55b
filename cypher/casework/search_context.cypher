// Purpose: What a search hit is about: its plan, person, pathway, outcome, evaluation, owner and hub.
// Parameters: $ids (list of record ids found by search_text)
// Returns: kind, id, plan_id, text, outcome, what_worked, evaluation, evaluation_note, pathway, status, dated, owner_id, owner_name, partner_ids, person_id, first_name, last_name, hub_id, hub_name, ocg_name
UNWIND $ids AS rid
CALL {
  WITH rid
  MATCH (pl:Plan)-[:HAS_ACTION]->(a:Action {id: rid})
  OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(o)
  OPTIONAL MATCH (a)-[:RECORDED]->(ar:ActionRecord)
  RETURN 'Action' AS kind, a.id AS id, pl.id AS plan_id, a.description AS text,
         ar.outcome AS outcome, a.what_worked AS what_worked, ar.evaluation AS evaluation,
         ar.evaluation_note AS evaluation_note, a.pathway AS pathway, a.status AS status,
         coalesce(a.completed_on, a.due_on) AS dated, o.id AS owner_id, o.name AS owner_name,
         CASE WHEN o:Partner THEN [o.id] ELSE [] END AS partner_ids, null AS ocg_name
  UNION ALL
  WITH rid
  MATCH (pl:Plan)-[:HAS_REVIEW]->(r:Review {id: rid})
  OPTIONAL MATCH (r)-[:RECORDED]->(rr:ReviewRecord)
  RETURN 'Review' AS kind, r.id AS id, pl.id AS plan_id, r.notes AS text,
         rr.decisions AS outcome, null AS what_worked, null AS evaluation,
         null AS evaluation_note, null AS pathway, r.outcome AS status,
         coalesce(r.held_on, r.due_on) AS dated, null AS owner_id, rr.reviewed_by AS owner_name,
         [] AS partner_ids, null AS ocg_name
  UNION ALL
  WITH rid
  MATCH (pl:Plan {id: rid})
  RETURN 'Plan' AS kind, pl.id AS id, pl.id AS plan_id,
         pl.title AS text, null AS outcome,
         null AS what_worked, null AS evaluation, null AS evaluation_note, null AS pathway,
         pl.status AS status, pl.opened_on AS dated, null AS owner_id, null AS owner_name,
         [] AS partner_ids, null AS ocg_name
  UNION ALL
  WITH rid
  MATCH (pl:Plan)-[:HAS_ASSESSMENT]->(n:NeedAssessment {id: rid})
  RETURN 'NeedAssessment' AS kind, n.id AS id, pl.id AS plan_id, n.notes AS text,
         null AS outcome, null AS what_worked, null AS evaluation, null AS evaluation_note,
         n.pathway AS pathway, n.status AS status, n.assessed_on AS dated, null AS owner_id,
         n.assessed_by AS owner_name, [] AS partner_ids, null AS ocg_name
  UNION ALL
  WITH rid
  MATCH (g:OCG)-[:DISRUPTED_BY]->(d:Disruption {id: rid})
  OPTIONAL MATCH (d)-[:LED_BY]->(pt:Partner)
  RETURN 'Disruption' AS kind, d.id AS id, null AS plan_id, d.description AS text,
         d.impact AS outcome, d.impact_rationale AS what_worked, null AS evaluation,
         null AS evaluation_note, null AS pathway, d.four_p AS status, d.occurred_on AS dated,
         pt.id AS owner_id, pt.name AS owner_name,
         CASE WHEN pt IS NULL THEN [] ELSE [pt.id] END AS partner_ids, g.name AS ocg_name
}
WITH kind, id, plan_id, text, outcome, what_worked, evaluation, evaluation_note, pathway,
     status, dated, owner_id, owner_name, partner_ids, ocg_name
OPTIONAL MATCH (plan:Plan {id: plan_id})
OPTIONAL MATCH (p:Person)-[:HAS_PLAN]->(plan)
OPTIONAL MATCH (plan)-[:FOR_EPISODE]->(:IomEpisode)-[:AT_HUB]->(eh:Area)
OPTIONAL MATCH (plan)-[:OWNED_BY]->(:Officer)-[:BASED_IN]->(oh:Area)
WITH kind, id, plan_id, text, outcome, what_worked, evaluation, evaluation_note, pathway,
     status, dated, owner_id, owner_name, partner_ids, ocg_name, p, coalesce(eh, oh) AS hub
RETURN kind, id, plan_id, text, outcome, what_worked, evaluation, evaluation_note, pathway,
       status, dated, owner_id, owner_name, partner_ids, p.id AS person_id,
       p.first_name AS first_name, p.last_name AS last_name, hub.id AS hub_id,
       hub.hub_name AS hub_name, ocg_name
