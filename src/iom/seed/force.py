"""The force's fixed furniture: areas and hubs, officers, partner agencies, pathways, tactics."""

from __future__ import annotations

import math

from iom.model import MODEL
from iom.seed.names import AREAS
from iom.seed.world import Area, World

__all__ = ["PATHWAY_NAMES", "PATHWAY_PARTNERS", "TACTICS", "build_force", "partner_for"]

PATHWAY_NAMES = {
    "ACCOMMODATION": "Accommodation",
    "EDUCATION_TRAINING_EMPLOYMENT": "Education, training and employment",
    "HEALTH": "Health",
    "DRUGS_ALCOHOL": "Drugs and alcohol",
    "FINANCE_BENEFIT_DEBT": "Finance, benefit and debt",
    "CHILDREN_FAMILIES": "Children and families",
    "ATTITUDES_THINKING_BEHAVIOUR": "Attitudes, thinking and behaviour",
    "ABUSE_RAPE_DOMESTIC_VIOLENCE": "Support for women who have experienced abuse, rape or "
    "domestic violence",
    "SEX_WORK": "Support for women who have been involved in sex work",
}

# Which kind of partner usually delivers an action on each pathway.
PATHWAY_PARTNERS = {
    "ACCOMMODATION": ("HOUSING",),
    "EDUCATION_TRAINING_EMPLOYMENT": ("DWP", "THIRD_SECTOR"),
    "HEALTH": ("HEALTH",),
    "DRUGS_ALCOHOL": ("DRUGS_ALCOHOL_SERVICE",),
    "FINANCE_BENEFIT_DEBT": ("DWP", "THIRD_SECTOR"),
    "CHILDREN_FAMILIES": ("CHILDRENS_SERVICES",),
    "ATTITUDES_THINKING_BEHAVIOUR": ("PROBATION",),
    "ABUSE_RAPE_DOMESTIC_VIOLENCE": ("THIRD_SECTOR",),
    "SEX_WORK": ("THIRD_SECTOR", "HEALTH"),
}

# (name, tactic area, 4P strand, owning agency type): a menu-of-tactics style library.
TACTICS: tuple[tuple[str, str, str, str], ...] = (
    ("Drugs search warrant", "CRIME", "PURSUE", "POLICE"),
    ("Arrest and charge", "CRIME", "PURSUE", "POLICE"),
    ("Drug line telephone closure", "CRIME", "PURSUE", "POLICE"),
    ("POCA cash seizure and forfeiture", "LIFESTYLE", "PURSUE", "POLICE"),
    ("POCA confiscation order", "LIFESTYLE", "PURSUE", "POLICE"),
    ("Account freezing order", "LIFESTYLE", "PURSUE", "POLICE"),
    ("Serious Crime Prevention Order", "BEHAVIOUR", "PURSUE", "POLICE"),
    ("Vehicle seizure for no insurance", "VEHICLES", "PURSUE", "POLICE"),
    ("ANPR-led roads policing interception", "TRAVEL", "PURSUE", "POLICE"),
    ("Tenancy enforcement and possession proceedings", "LIFESTYLE", "PURSUE", "HOUSING"),
    ("Trading standards seizure of counterfeit goods", "BUSINESS", "PURSUE", "TRADING_STANDARDS"),
    ("Premises licence review", "BUSINESS", "PURSUE", "LOCAL_AUTHORITY"),
    ("HMRC tax investigation", "BUSINESS", "PURSUE", "HMRC"),
    ("HMRC seizure of illicit tobacco", "BUSINESS", "PURSUE", "HMRC"),
    ("DWP benefit fraud investigation", "LIFESTYLE", "PURSUE", "DWP"),
    ("DVLA registration and licence enforcement", "VEHICLES", "PURSUE", "DVLA"),
    ("Immigration enforcement visit", "BUSINESS", "PURSUE", "IMMIGRATION_ENFORCEMENT"),
    ("Travel document flagging", "TRAVEL", "PURSUE", "IMMIGRATION_ENFORCEMENT"),
    ("Premises closure order", "BEHAVIOUR", "PROTECT", "LOCAL_AUTHORITY"),
    ("Fire safety inspection and prohibition notice", "BUSINESS", "PROTECT", "FIRE_RESCUE"),
    ("Safeguarding visit to exploited children", "BEHAVIOUR", "PROTECT", "CHILDRENS_SERVICES"),
    ("National Referral Mechanism referral for victims", "BEHAVIOUR", "PROTECT", "THIRD_SECTOR"),
    ("Cuckooing safeguarding of a vulnerable tenant", "LIFESTYLE", "PROTECT", "HOUSING"),
    ("School input on county lines exploitation", "BEHAVIOUR", "PREVENT", "LOCAL_AUTHORITY"),
    ("Mentoring for young people at risk", "BEHAVIOUR", "PREVENT", "THIRD_SECTOR"),
    ("Diversion into drug treatment", "LIFESTYLE", "PREVENT", "DRUGS_ALCOHOL_SERVICE"),
    (
        "Business awareness session on fraud and counterfeits",
        "BUSINESS",
        "PREPARE",
        "TRADING_STANDARDS",
    ),
    ("Community impact messaging", "CRIME", "PREPARE", "POLICE"),
    ("Partnership action day", "CRIME", "PREPARE", "LOCAL_AUTHORITY"),
)

# (type, name pattern, capacity per 3,000 persons per area, one office per area?)
_PER_AREA = (
    ("POLICE", "{area} Neighbourhood Policing Team", 40),
    ("PROBATION", "{area} Probation Delivery Unit", 60),
    ("DRUGS_ALCOHOL_SERVICE", "{area} Recovery Service", 30),
    ("HOUSING", "{area} Housing Options", 12),
    ("LOCAL_AUTHORITY", "{area} District Council Community Safety Team", 20),
    ("CHILDRENS_SERVICES", "{area} Children's Services", 15),
    ("HEALTH", "{area} Liaison and Diversion Service", 18),
    ("DWP", "{area} Jobcentre (work coaches)", 25),
    ("THIRD_SECTOR", "{area} Women's Refuge and Advocacy Trust", 10),
)
_FORCE_WIDE = (
    ("POLICE", "Economic Crime Unit (financial investigators)", 25, (0,)),
    ("POLICE", "Serious and Organised Crime Team", 20, (0, 2)),
    ("PRISON", "HMP Bramblestow", 300, (1,)),
    ("PRISON", "HMP Quillmoor", 220, (3,)),
    ("TRADING_STANDARDS", "Four Vales Trading Standards", 10, (0, 2)),
    ("HMRC", "HMRC Fraud Investigation Service (Eastbrook office)", 8, (1,)),
    ("DWP", "DWP Counter Fraud and Compliance (Sundermoor office)", 8, (2,)),
    ("DVLA", "DVLA Enforcement Liaison (Four Vales)", 10, (0,)),
    ("IMMIGRATION_ENFORCEMENT", "Immigration Enforcement (Four Vales team)", 6, (1,)),
    ("FIRE_RESCUE", "Four Vales Fire and Rescue Service", 12, (0, 1, 2, 3)),
    ("LOCAL_AUTHORITY", "Four Vales Youth Justice Service", 20, (0, 1, 2, 3)),
    ("THIRD_SECTOR", "Thimblewick Second Chances Trust (employment)", 15, (0, 1)),
    ("THIRD_SECTOR", "Puddlestow Mentoring Project", 12, (2, 3)),
    ("THIRD_SECTOR", "Gorsewhistle Debt and Money Advice", 14, (0, 1, 2, 3)),
)
_RANKS = {
    "OFFENDER_MANAGER": ("PC", "DC"),
    "IOM_SERGEANT": ("DS",),
    "IOM_INSPECTOR": ("DI",),
    "OCG_COORDINATOR": ("DS",),
    "PLAN_OWNER": ("DI", "DCI", "DS"),
    "ANALYST": ("Police staff",),
}
_CAPACITY = {
    "OFFENDER_MANAGER": (12, 16),
    "IOM_SERGEANT": (40, 60),
    "IOM_INSPECTOR": (300, 300),
    "OCG_COORDINATOR": (20, 30),
    "PLAN_OWNER": (3, 5),
    "ANALYST": (0, 0),
}


def _officer(w: World, role: str, area: Area, capacity: int | None = None) -> str:
    oid = w.next_id("OFF", 4)
    lo, hi = _CAPACITY[role]
    cap = capacity if capacity is not None else w.randint(lo, hi)
    w.officers[oid] = {
        "name": w.names.officer_name(),
        "rank": w.pick(_RANKS[role]),
        "role": role,
        "area": area.no,
        "capacity": cap,
    }
    area.officers.setdefault(role, []).append(oid)
    return oid


def _write_officers(w: World) -> None:
    for oid, o in w.officers.items():
        props = {
            "name": o["name"],
            "rank": o["rank"],
            "role": o["role"],
            "caseload_capacity": o["capacity"],
        }
        w.out.node("Officer", oid, props)
        w.out.rel("BASED_IN", "Officer", oid, "Area", w.areas[int(o["area"])].id)
        if o["role"] == "OCG_COORDINATOR":
            w.out.rel("COORDINATES", "Officer", oid, "Area", w.areas[int(o["area"])].id)


def _partner(w: World, ptype: str, name: str, capacity: float, areas: list[Area]) -> None:
    pid = w.next_id("PTN", 3)
    cap = max(2, round(capacity * w.rng.uniform(0.75, 1.25)))
    isa = None
    if w.rng.random() < 0.92:
        isa = f"ISA-{w.randint(2021, w.as_of.year - 1)}-{w.randint(1, 40):02d}"
    w.partners[pid] = {"name": name, "type": ptype, "areas": [a.no for a in areas]}
    w.out.node(
        "Partner",
        pid,
        {"name": name, "partner_type": ptype, "capacity": cap, "sharing_agreement": isa},
    )
    for a in areas:
        a.partners.setdefault(ptype, []).append(pid)
        w.out.rel("BASED_IN", "Partner", pid, "Area", a.id)


def partner_for(w: World, ptype: str, area: int) -> str:
    """A partner of a type serving an area (any area's office if the area has none)."""
    local = w.areas[area].partners.get(ptype)
    if local:
        return w.pick(local)
    anywhere = [p for p, v in w.partners.items() if v["type"] == ptype]
    return w.pick(anywhere)


def build_force(w: World, n_ocgs: int, cohort: int) -> None:
    """Areas, officers, partner agencies, pathways and the tactic library."""
    total_pop = w.n * 200
    for no, (suffix, name, hub, share) in enumerate(AREAS):
        area = Area(no, f"AREA-{suffix}", name, hub, round(total_pop * share))
        area.localities = [w.names.locality(name) for _ in range(max(3, w.scaled(6)))]
        w.areas.append(area)
        w.out.node("Area", area.id, {"name": name, "hub_name": hub, "population": area.population})
    for area in w.areas:
        share = AREAS[area.no][3]
        oms = max(2, math.ceil(cohort * share / 13))
        for _ in range(oms):
            _officer(w, "OFFENDER_MANAGER", area)
        for _ in range(max(1, math.ceil(oms / 6))):
            _officer(w, "IOM_SERGEANT", area)
        _officer(w, "OCG_COORDINATOR", area)
        for _ in range(max(1, math.ceil(n_ocgs * share / 3))):
            _officer(w, "PLAN_OWNER", area)
        _officer(w, "ANALYST", area)
    for i in range(max(1, round(cohort / 500))):
        _officer(w, "IOM_INSPECTOR", w.areas[i % len(w.areas)], capacity=cohort)
    _write_officers(w)
    for area in w.areas:
        share = AREAS[area.no][3] * 4
        for ptype, pattern, cap in _PER_AREA:
            _partner(w, ptype, pattern.format(area=area.name), cap * w.scale * share, [area])
    for ptype, name, cap, area_nos in _FORCE_WIDE:
        _partner(w, ptype, name, cap * w.scale, [w.areas[i] for i in area_nos])
    for code in MODEL.vocabularies["Pathway"].values:
        w.out.node("Pathway", code, {"name": PATHWAY_NAMES[code]})
    for i, (name, tarea, four_p, owner) in enumerate(TACTICS, start=1):
        w.out.node(
            "Tactic",
            f"TAC{i:03d}",
            {"name": name, "tactic_area": tarea, "four_p": four_p, "owner_type": owner},
        )
