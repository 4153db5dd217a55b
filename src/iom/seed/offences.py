"""Recording one offence: its outcome, detection, victims, witnesses and suspects' tallies."""

from __future__ import annotations

from collections.abc import Sequence

from iom.reference import load_reference
from iom.seed.world import F, World

__all__ = ["HARM", "Recorder"]

HARM = {k: v.cchi_days for k, v in load_reference().harm_weights.items()}
_NEIGHBOURHOOD = frozenset(
    k for k, v in load_reference().harm_weights.items() if v.neighbourhood_crime
)
# Chance that a person victim is recorded for an offence of this type.
_VICTIM_P = {
    "HOMICIDE": 1.0,
    "RAPE": 1.0,
    "ROBBERY_PERSONAL": 0.95,
    "RESIDENTIAL_BURGLARY": 0.8,
    "VIOLENCE_WITH_INJURY": 0.95,
    "VIOLENCE_WITHOUT_INJURY": 0.9,
    "STALKING_HARASSMENT": 1.0,
    "NON_FATAL_STRANGULATION": 1.0,
    "THEFT_FROM_PERSON": 0.9,
    "THEFT_OF_VEHICLE": 0.7,
    "THEFT_FROM_VEHICLE": 0.6,
    "CRIMINAL_DAMAGE": 0.5,
    "ARSON": 0.4,
    "FRAUD": 0.6,
    "MODERN_SLAVERY": 1.0,
    "PUBLIC_ORDER": 0.2,
    "SEXUAL_ASSAULT": 1.0,
    "OTHER_SEXUAL_OFFENCE": 0.9,
    "OTHER_THEFT": 0.55,
    "BICYCLE_THEFT": 0.9,
    "NON_RESIDENTIAL_BURGLARY": 0.1,
}
# Chance that the victim is a business (a shop, a yard, a firm) rather than a person.
_BUSINESS_P = {
    "SHOPLIFTING": 1.0,
    "ROBBERY_BUSINESS": 1.0,
    "NON_RESIDENTIAL_BURGLARY": 0.85,
    "OTHER_THEFT": 0.35,
    "FRAUD": 0.3,
    "CRIMINAL_DAMAGE": 0.15,
    "ARSON": 0.2,
}
_BUSINESS_KINDS = (
    "Convenience Store",
    "Superstore",
    "Pharmacy",
    "Off-Licence",
    "Filling Station",
    "Builders' Merchant",
    "Garden Centre",
    "Hardware",
    "Cafe",
    "Phone Shop",
)
_REPEAT_P = 0.2  # chance a person victim is someone already victimised (repeat victimisation)
_PROACTIVE_P = {
    "DRUG_POSSESSION": 0.9,
    "DRUG_SUPPLY": 0.75,
    "POSSESSION_OF_WEAPON": 0.6,
    "FIREARMS": 0.5,
    "MONEY_LAUNDERING": 0.7,
    "COUNTERFEIT_GOODS": 0.6,
    "BREACH_OF_ORDER": 0.3,
}
_NO_CAUTION = frozenset(
    {
        "HOMICIDE",
        "RAPE",
        "FIREARMS",
        "MODERN_SLAVERY",
        "NON_FATAL_STRANGULATION",
        "ROBBERY_PERSONAL",
        "ROBBERY_BUSINESS",
        "SEXUAL_ASSAULT",
        "DRUG_SUPPLY",
    }
)
_SUMMARY = {
    "HOMICIDE": (
        "Fatal stabbing after a dispute in the street",
        "Fatal assault at a private address",
    ),
    "RAPE": ("Serious sexual offence reported to police",),
    "ROBBERY_PERSONAL": (
        "Phone and wallet taken by threat of a knife",
        "Victim pushed to the ground and bag snatched",
    ),
    "ROBBERY_BUSINESS": (
        "Convenience store till taken at knifepoint",
        "Staff threatened and cash taken from a petrol station",
    ),
    "POSSESSION_OF_WEAPON": ("Lock knife found on stop and search", "Machete recovered from a car"),
    "RESIDENTIAL_BURGLARY": (
        "Rear door forced; jewellery and a laptop taken",
        "Entry through an insecure window; car keys taken",
        "Occupants asleep upstairs; handbag taken from the hallway",
    ),
    "NON_RESIDENTIAL_BURGLARY": (
        "Shed and garage entered; power tools taken",
        "Builders' yard broken into overnight",
    ),
    "ARSON": ("Wheelie bin set alight against a house", "Car set on fire"),
    "VIOLENCE_WITH_INJURY": (
        "Punched and kicked outside a bar; fractured cheekbone",
        "Assault with a bottle causing a cut to the head",
    ),
    "VIOLENCE_WITHOUT_INJURY": (
        "Pushed and slapped during an argument",
        "Threats and a push in a shop doorway",
    ),
    "NON_FATAL_STRANGULATION": ("Hands put round the victim's neck during an argument",),
    "STALKING_HARASSMENT": (
        "Repeated unwanted messages and turning up at work",
        "Persistent calls and following the victim",
    ),
    "PUBLIC_ORDER": (
        "Threatening behaviour in the town centre",
        "Disorder outside licensed premises",
    ),
    "DRUG_SUPPLY": (
        "Wraps of crack cocaine and cash found on arrest",
        "Deal line phone seized with street deals",
        "Cannabis grow of 40 plants found at a rented house",
    ),
    "DRUG_POSSESSION": (
        "Small amount of cannabis found on stop and search",
        "Cocaine found in a pocket on arrest",
    ),
    "THEFT_FROM_PERSON": ("Phone taken from a table in a cafe", "Purse taken from a bag"),
    "THEFT_OF_VEHICLE": (
        "Car taken overnight from a driveway (keyless entry)",
        "Motorcycle taken from outside a house",
    ),
    "THEFT_FROM_VEHICLE": (
        "Window smashed and a bag taken from a car",
        "Catalytic converter cut from a parked car",
    ),
    "SHOPLIFTING": (
        "Meat and alcohol taken from a supermarket",
        "Cosmetics taken from a high-street chemist",
    ),
    "CRIMINAL_DAMAGE": ("Car windscreen smashed", "Front door kicked and damaged"),
    "FRAUD": (
        "Courier fraud: victim persuaded to hand over bank cards",
        "Goods bought online with stolen card details",
    ),
    "MONEY_LAUNDERING": (
        "Cash deposits structured through several accounts",
        "Criminal cash passed through a shop's takings",
    ),
    "COUNTERFEIT_GOODS": (
        "Counterfeit clothing and perfume found at a market unit",
        "Fake branded goods sold through social media",
    ),
    "MODERN_SLAVERY": (
        "Workers found living on site at a car wash, wages withheld",
        "Young person exploited to deal drugs away from home",
    ),
    "FIREARMS": ("Converted blank-firing pistol recovered from a flat",),
    "BREACH_OF_ORDER": ("Breach of a non-molestation order", "Breach of licence conditions"),
    "SEXUAL_ASSAULT": (
        "Sexual touching without consent on a night out",
        "Victim groped on a bus",
    ),
    "OTHER_SEXUAL_OFFENCE": (
        "Indecent exposure in a park",
        "Intimate images shared without consent",
    ),
    "OTHER_THEFT": (
        "Tools taken from an unlocked van",
        "Parcel taken from a doorstep",
        "Handbag taken from a gym locker",
    ),
    "BICYCLE_THEFT": (
        "Bicycle taken from outside a station",
        "Lock cut and an e-bike taken from a garden",
    ),
}
_OUTCOME_FLAG = {
    "CONVICTED": F.CONVICTED,
    "OUTSTANDING_SUSPECT": F.OUTSTANDING,
    "CHARGED": F.CHARGED,
    "UNDER_INVESTIGATION": F.INVESTIGATION,
}
# Outcome tables by the age of the case (Home Office outcomes framework, see the model).
_EARLY = (
    ("UNDER_INVESTIGATION", 56),
    ("OUTSTANDING_SUSPECT", 14),
    ("CHARGED", 16),
    ("NO_FURTHER_ACTION", 3),
    ("CAUTIONED", 3),
    ("COMMUNITY_RESOLUTION", 3),
    ("PENALTY_NOTICE", 1),
    ("VICTIM_DOES_NOT_SUPPORT", 4),
)
_MIDDLE = (
    ("UNDER_INVESTIGATION", 10),
    ("OUTSTANDING_SUSPECT", 6),
    ("CHARGED", 17),
    ("CONVICTED", 18),
    ("CAUTIONED", 6),
    ("COMMUNITY_RESOLUTION", 6),
    ("RESTORATIVE_JUSTICE", 2),
    ("DIVERSION", 2),
    ("PENALTY_NOTICE", 2),
    ("TAKEN_INTO_CONSIDERATION", 1),
    ("NOT_IN_PUBLIC_INTEREST", 3),
    ("EVIDENTIAL_DIFFICULTIES", 9),
    ("VICTIM_DOES_NOT_SUPPORT", 12),
    ("NO_FURTHER_ACTION", 6),
)
_LATE = (
    ("UNDER_INVESTIGATION", 2),
    ("OUTSTANDING_SUSPECT", 2),
    ("CHARGED", 3),
    ("CONVICTED", 30),
    ("CAUTIONED", 8),
    ("COMMUNITY_RESOLUTION", 7),
    ("RESTORATIVE_JUSTICE", 2),
    ("DIVERSION", 3),
    ("PENALTY_NOTICE", 2),
    ("TAKEN_INTO_CONSIDERATION", 2),
    ("NOT_IN_PUBLIC_INTEREST", 3),
    ("EVIDENTIAL_DIFFICULTIES", 12),
    ("VICTIM_DOES_NOT_SUPPORT", 16),
    ("NO_FURTHER_ACTION", 8),
)
_OUT_OF_COURT = frozenset(
    {
        "CAUTIONED",
        "COMMUNITY_RESOLUTION",
        "RESTORATIVE_JUSTICE",
        "DIVERSION",
        "PENALTY_NOTICE",
        "CANNABIS_WARNING",
    }
)
_PND_TYPES = frozenset({"PUBLIC_ORDER", "SHOPLIFTING", "CRIMINAL_DAMAGE", "OTHER_THEFT"})
_TIC_TYPES = frozenset(
    {"RESIDENTIAL_BURGLARY", "NON_RESIDENTIAL_BURGLARY", "THEFT_FROM_VEHICLE", "SHOPLIFTING"}
)
_NO_VICTIM_VIEW = frozenset(
    {"DRUG_POSSESSION", "DRUG_SUPPLY", "POSSESSION_OF_WEAPON", "FIREARMS", "MONEY_LAUNDERING"}
)
_TABLES: dict[tuple, tuple[tuple[str, float], ...]] = {}


def _table(base: tuple[tuple[str, float], ...], otype: str, youth: bool, da: bool) -> tuple:
    """The outcome table for one kind of case: no out-of-court disposal for the gravest offences
    or domestic abuse, more for young people, cannabis warnings only for possession."""
    key = (id(base), otype, youth, da)
    table = _TABLES.get(key)
    if table is not None:
        return table
    rows = []
    for code, wt in base:
        if code in _OUT_OF_COURT and (otype in _NO_CAUTION or (da and code != "CAUTIONED")):
            wt = 0.0
        elif youth and code in _OUT_OF_COURT:
            wt *= 3.0
        if code == "PENALTY_NOTICE" and otype not in _PND_TYPES:
            wt = 0.0
        if code == "TAKEN_INTO_CONSIDERATION" and otype not in _TIC_TYPES:
            wt = 0.0
        if code == "VICTIM_DOES_NOT_SUPPORT" and otype in _NO_VICTIM_VIEW:
            wt = 0.0
        if code == "VICTIM_DOES_NOT_SUPPORT" and da:
            wt *= 2.0
        rows.append((code, wt))
    if otype == "DRUG_POSSESSION" and base is not _EARLY:
        rows.append(("CANNABIS_WARNING", 12.0))
    table = _TABLES[key] = tuple(rows)
    return table


class Recorder:
    """Writes offences and the edges around them, and keeps each suspect's tallies."""

    def __init__(self, w: World) -> None:
        self.w = w
        self.width = max(7, len(str(w.n)) + 2)
        self.offence = w.out.nodes("Offence")
        self.occurred = w.out.rels("OCCURRED_IN", "Offence", "Area")
        self.suspect = w.out.rels("SUSPECT_IN", "Person", "Offence")
        self.convicted = w.out.rels("CONVICTED_OF", "Person", "Offence")
        self.victim = w.out.rels("VICTIM_IN", "Person", "Offence")
        self.witness = w.out.rels("WITNESS_IN", "Person", "Offence")
        self.count = 0
        self.convictions: list[tuple[int, str, int, int]] = []  # person, type, day, convicted
        self.charges: list[tuple[int, str, int]] = []  # person, type, day: charged, awaiting court
        self.businesses: list[list[str]] = [[] for _ in w.areas]
        self.victims: list[list[int]] = [[] for _ in w.areas]  # one entry per victimisation
        self.fresh: list[list[int]] = []
        for adults in w.adults:
            pool = list(adults)
            w.rng.shuffle(pool)
            self.fresh.append(pool)

    def outcome(self, otype: str, day: int, youth: bool = False, da: bool = False) -> str:
        """A plausible outcome for an offence of this type and age."""
        w = self.w
        age = w.today - day
        base = _EARLY if age < 45 else _MIDDLE if age < 240 else _LATE
        return w.weighted(_table(base, otype, youth, da))

    def business(self, area: int) -> str:
        """A business victim in the area: a few shops are hit again and again."""
        w = self.w
        names = self.businesses[area]
        if not names or (len(names) < w.scaled(30) and w.rng.random() < 0.35):
            owner = w.names.surname()
            names.append(f"{owner} {w.pick(_BUSINESS_KINDS)}")
            return names[-1]
        return names[min(len(names) - 1, int(len(names) * w.rng.random() ** 2.2))]

    def pick_victim(self, area: int, exclude: Sequence[int]) -> int | None:
        """A person victim: sometimes someone already victimised (repeat victims), else a new one
        from the area's adults in a shuffled order."""
        w = self.w
        rng = w.rng
        past = self.victims[area]
        for _ in range(3):
            fresh = self.fresh[area]
            if past and (rng.random() < _REPEAT_P or not fresh):
                v = past[int(rng.random() * len(past))]
            elif fresh:
                v = fresh.pop()
            else:
                adults = w.adults[area] or w.adults[0]
                v = adults[int(rng.random() * len(adults))]
            if v not in exclude:
                past.append(v)
                return v
        return None

    def record(
        self,
        otype: str,
        day: int,
        area: int,
        suspects: Sequence[int],
        *,
        victims: Sequence[int] | None = None,
        outcome: str | None = None,
        da: bool = False,
        conv_day: int | None = None,
    ) -> str:
        """Write one offence and its edges; return its id."""
        w = self.w
        rng = w.rng
        self.count += 1
        oid = f"OF{self.count:0{self.width}d}"
        outcomes: list[tuple[str, int | None]] = []
        for n, s in enumerate(suspects):
            youth = w.people[s].age(day) < 18
            mine = outcome if n == 0 and outcome is not None else None
            if mine is None:
                if n and rng.random() < 0.6:
                    mine = outcomes[0][0]
                else:
                    mine = self.outcome(otype, day, youth, da)
            conv = conv_day if n == 0 else None
            if mine == "CONVICTED":
                conv = conv or day + w.randint(30, 300)
                if conv >= w.today:
                    mine, conv = "CHARGED", None
            outcomes.append((mine, conv if mine == "CONVICTED" else None))
        proactive = rng.random() < _PROACTIVE_P.get(otype, 0.0)
        if proactive:
            reported = day
        elif otype in ("FRAUD", "MONEY_LAUNDERING", "MODERN_SLAVERY", "RAPE", "SEXUAL_ASSAULT"):
            reported = day + w.randint(0, 120)
        else:
            reported = day + (0 if rng.random() < 0.7 else w.randint(1, 5))
        summary = w.pick(_SUMMARY[otype])
        if da:
            summary = "Domestic abuse: " + summary[0].lower() + summary[1:]
        business = None
        if victims is None and not proactive and rng.random() < _BUSINESS_P.get(otype, 0.0):
            business = self.business(area)
        self.offence.write(
            (oid,),
            {
                "offence_type": otype,
                "committed_on": day,
                "reported_on": min(reported, w.today - 1),
                "outcome": outcomes[0][0],
                "detection": "PROACTIVE" if proactive else "REPORTED",
                "domestic_abuse": da,
                "summary": summary,
                "business_victim": business,
            },
        )
        self.occurred.write((oid, w.areas[area].id, "OCCURRED_IN"))
        recent = day >= w.today - 365
        harm = 0.0 if proactive else HARM[otype]
        for s, (mine, conv) in zip(suspects, outcomes, strict=True):
            p = w.people[s]
            pid = w.pid(s)
            self.suspect.write((pid, oid, "SUSPECT_IN"), {"outcome": mine})
            if conv is not None:
                self.convicted.write((pid, oid, "CONVICTED_OF"), {"convicted_on": conv})
                self.convictions.append((s, otype, day, conv))
            elif mine == "CHARGED":
                self.charges.append((s, otype, day))
            p.flags |= F.SUSPECT | _OUTCOME_FLAG.get(mine, 0)
            p.n_off += 1
            w.offence_days.setdefault(s, []).append(day)
            if not p.first_off or day < p.first_off:
                p.first_off = day
            p.last_off = max(p.last_off, day)
            if recent:
                p.off_12m += 1
                p.harm_12m += harm
                if otype in _NEIGHBOURHOOD:
                    p.nbh_12m += 1
        if victims is None:
            victims = []
            if business is None and not proactive and rng.random() < _VICTIM_P.get(otype, 0.0):
                v = self.pick_victim(area, suspects)
                if v is not None:
                    victims.append(v)
        for v in victims:
            self.victim.write((w.pid(v), oid, "VICTIM_IN"))
            w.people[v].flags |= F.VICTIM
        if not proactive and rng.random() < (0.08 if victims else 0.02):
            adults = w.adults[area] or w.adults[0]
            wit = adults[int(rng.random() * len(adults))]
            if wit not in suspects and wit not in victims:
                self.witness.write((w.pid(wit), oid, "WITNESS_IN"))
                w.people[wit].flags |= F.WITNESS
        for i, a in enumerate(suspects[:-1]):
            for b in suspects[i + 1 :]:
                if w.pair_new(0, a, b):
                    w.write_tie(a, b, "CO_ARREST", "1/A/P", day)
        return oid
