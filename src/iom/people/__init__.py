"""People: one person's profile and the people search, every read audited."""

from iom.people.profile import (
    FLAGS,
    ROLES,
    PersonProfile,
    from_persons_view,
    person_name,
    person_profile,
)
from iom.people.search import SEARCH_LIMIT_MAX, find_people

__all__ = [
    "FLAGS",
    "ROLES",
    "SEARCH_LIMIT_MAX",
    "PersonProfile",
    "find_people",
    "from_persons_view",
    "person_name",
    "person_profile",
]
