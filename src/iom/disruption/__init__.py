"""OCG disruption management: assessments and bands, the disruption ledger, plan owners,
4P plans, the tactic library, meetings and packs, and IOM–OCG deconfliction.

Every function that reads or writes records takes an `Actor` and writes an audit event;
rules and weights come from the force's `ocg_disruption.yaml` and `ocg_bands.yaml`.
"""
