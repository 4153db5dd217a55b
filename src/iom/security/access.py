"""Who is acting and why: passed to every read and write of personal data.

Access control (roles, partner compartments) will be enforced here; today the actor is
checked for a known role and a stated purpose, and recorded in the audit trail.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

from iom.errors import ConfigError
from iom.model import MODEL

__all__ = ["SYSTEM", "Actor"]


@dataclass(frozen=True)
class Actor:
    """A user acting in a role for a stated purpose (DPA 2018 s.62 needs all three)."""

    user: str
    role: str
    purpose: str
    partner: str | None = None

    def __post_init__(self) -> None:
        roles = MODEL.vocabularies["AccessRole"].values
        if self.role not in roles:
            raise ConfigError(f"unknown role {self.role!r}; one of {', '.join(roles)}")
        if not self.user.strip():
            raise ConfigError("an actor needs a user name")
        if not self.purpose.strip():
            raise ConfigError("say why the record is being used: the purpose is required")

    @classmethod
    def local(cls, purpose: str, role: str | None = None) -> Actor:
        """The person at this machine: IOM_USER (or the login name) in IOM_ROLE (or ANALYST)."""
        user = os.environ.get("IOM_USER") or _login_name()
        return cls(user=user, role=role or os.environ.get("IOM_ROLE", "ANALYST"), purpose=purpose)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


SYSTEM = Actor(user="iom", role="SYSTEM", purpose="system maintenance")
