// Purpose: How many offences the store holds, to tell an empty store from an empty ranking window.
// Parameters: none
// Returns: offences (int)
MATCH (o:Offence)
RETURN count(o) AS offences
