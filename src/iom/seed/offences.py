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
}
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
}
_OUTCOME_FLAG = {
    "CONVICTED": F.CONVICTED,
    "OUTSTANDING_SUSPECT": F.OUTSTANDING,
    "CHARGED": F.CHARGED,
    "UNDER_INVESTIGATION": F.INVESTIGATION,
}
_EARLY = (
    ("UNDER_INVESTIGATION", 55),
    ("OUTSTANDING_SUSPECT", 15),
    ("CHARGED", 18),
    ("NO_FURTHER_ACTION", 7),
    ("CAUTIONED", 5),
)
_MIDDLE = (
    ("UNDER_INVESTIGATION", 10),
    ("OUTSTANDING_SUSPECT", 7),
    ("CHARGED", 20),
    ("CONVICTED", 25),
    ("CAUTIONED", 8),
    ("NO_FURTHER_ACTION", 30),
)
_LATE = (
    ("UNDER_INVESTIGATION", 2),
    ("OUTSTANDING_SUSPECT", 2),
    ("CHARGED", 3),
    ("CONVICTED", 42),
    ("CAUTIONED", 10),
    ("NO_FURTHER_ACTION", 41),
)


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

    def outcome(self, otype: str, day: int, youth: bool = False) -> str:
        """A plausible outcome for an offence of this type and age."""
        w = self.w
        age = w.today - day
        table = _EARLY if age < 45 else _MIDDLE if age < 240 else _LATE
        if youth or otype == "DRUG_POSSESSION" or otype in _NO_CAUTION:
            factor = 0.0 if otype in _NO_CAUTION else 3.0
            table = tuple((o, wt * factor if o == "CAUTIONED" else wt) for o, wt in table)
        return w.weighted(table)

    def pick_victim(self, area: int, exclude: Sequence[int]) -> int | None:
        """A victim from the area's public (each used once before any is reused), or anyone."""
        w = self.w
        for _ in range(3):
            pool = w.pools[area]
            if pool and w.rng.random() < 0.85:
                pos = w.pool_pos[area]
                if pos < len(pool):
                    w.pool_pos[area] = pos + 1
                    v = pool[pos]
                else:
                    v = pool[int(w.rng.random() * len(pool))]
            else:
                adults = w.adults[area] or w.adults[0]
                v = adults[int(w.rng.random() * len(adults))]
            if v not in exclude:
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
        youth = w.people[suspects[0]].age(day) < 18
        if outcome is None:
            outcome = self.outcome(otype, day, youth)
        if outcome == "CONVICTED":
            conv_day = conv_day or day + w.randint(30, 300)
            if conv_day >= w.today:
                outcome, conv_day = "CHARGED", None
        proactive = rng.random() < _PROACTIVE_P.get(otype, 0.0)
        if proactive:
            reported = day
        elif otype in ("FRAUD", "MONEY_LAUNDERING", "MODERN_SLAVERY", "RAPE"):
            reported = day + w.randint(0, 120)
        else:
            reported = day + (0 if rng.random() < 0.7 else w.randint(1, 5))
        summary = w.pick(_SUMMARY[otype])
        if da:
            summary = "Domestic abuse: " + summary[0].lower() + summary[1:]
        self.offence.write(
            (oid,),
            {
                "offence_type": otype,
                "committed_on": day,
                "reported_on": min(reported, w.today - 1),
                "outcome": outcome,
                "detection": "PROACTIVE" if proactive else "REPORTED",
                "domestic_abuse": da,
                "summary": summary,
            },
        )
        self.occurred.write((oid, w.areas[area].id, "OCCURRED_IN"))
        recent = day >= w.today - 365
        harm = 0.0 if proactive else HARM[otype]
        flag = _OUTCOME_FLAG.get(outcome, 0)
        for s in suspects:
            p = w.people[s]
            pid = w.pid(s)
            self.suspect.write((pid, oid, "SUSPECT_IN"))
            if conv_day is not None and outcome == "CONVICTED":
                self.convicted.write((pid, oid, "CONVICTED_OF"), {"convicted_on": conv_day})
            p.flags |= F.SUSPECT | flag
            p.n_off += 1
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
            if rng.random() < _VICTIM_P.get(otype, 0.0):
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
