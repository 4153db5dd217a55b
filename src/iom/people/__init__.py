"""People: one person's profile, their cohort standing and the people search, all audited."""

from iom.people.profile import (
    FLAGS,
    ROLES,
    PersonProfile,
    from_persons_view,
    person_name,
    person_profile,
)
from iom.people.search import SEARCH_LIMIT_MAX, find_people
from iom.people.standing import CohortStanding, cohort_standing

__all__ = [
    "FLAGS",
    "ROLES",
    "SEARCH_LIMIT_MAX",
    "CohortStanding",
    "PersonProfile",
    "cohort_standing",
    "find_people",
    "from_persons_view",
    "person_name",
    "person_profile",
]
