"""IOM casework: referrals, plans (needs, actions, reviews) and the partners' declared places."""

from __future__ import annotations

from iom.seed.force import PATHWAY_PARTNERS
from iom.seed.plans import build_plans
from iom.seed.referrals import build_referrals
from iom.seed.world import World

__all__ = ["build_casework"]


def build_casework(w: World) -> None:
    """Referrals for every route, then a plan with needs, actions and reviews per episode."""
    build_referrals(w)
    build_plans(w)
    _offers(w)


def _offers(w: World) -> None:
    """Each partner's declared places per pathway it delivers; in some hubs a pathway's open
    needs exceed the places (e.g. accommodation), as coverage reports should show."""
    for pid, partner in w.partners.items():
        for code, types in PATHWAY_PARTNERS.items():
            if partner["type"] not in types:
                continue
            areas = list(partner["areas"])
            need = sum(w.open_needs.get((a, code), 0) for a in areas)
            shared = sum(
                1
                for other in w.partners.values()
                if other["type"] in types and set(other["areas"]) & set(areas)
            )
            capacity = max(2, round(need / max(1, shared) * (0.6 + w.aux.random() * 0.9)) + 1)
            w.out.rel(
                "OFFERS",
                "Partner",
                pid,
                "Pathway",
                code,
                {"capacity": capacity, "declared_on": w.today - 30 - int(w.aux.random() * 300)},
            )
