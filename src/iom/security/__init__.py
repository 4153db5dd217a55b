"""Security: who is acting (`access.Actor`), the audit trail and the change history."""
