// Purpose: Record a person first met at referral intake (after the name and date-of-birth check).
// Parameters: $id, $first_name, $last_name, $date_of_birth (ISO date)
// Returns: id
CREATE (p:Person {id: $id, first_name: $first_name, last_name: $last_name,
                  date_of_birth: $date_of_birth})
RETURN p.id AS id
