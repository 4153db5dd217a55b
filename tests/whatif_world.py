"""The disruption tests' hand-made force with a network round Red Crew (G1), for the what-if.

G1's members P1 (principal) and P2 (significant) are tied by co-membership; associations
make the path P7 - P1 - P2 - P4 - P5 - P6. Two hops round G1's members reach P7, P4 and P5
(P6 is three hops out), so G1's network is the path P7 - P1 - P2 - P4 - P5: removing P2
leaves two groups of 2. P6's name carries markup.
"""

from __future__ import annotations

from disruption_world import FILES

WHATIF_FILES = {
    **FILES,
    "nodes/Person.csv": (
        "id:ID(Person),:LABEL,first_name,last_name\n"
        "P1,Nominal,Pat,One\nP2,,Sam,Two\nP3,,Lee,Three\nP4,,Kim,Four\nP5,,Max,Five\n"
        "P6,,*Viv*,Six\nP7,,Ola,Seven\n"
    ),
    "relationships/ASSOCIATES_WITH.csv": (
        ":START_ID(Person),:END_ID(Person),source,grading,last_seen\n"
        "P2,P4,INTELLIGENCE,2/B/P,2025-06-01\nP4,P5,INTELLIGENCE,2/B/P,2025-06-01\n"
        "P5,P6,INTELLIGENCE,2/B/P,2025-06-01\nP1,P7,INTELLIGENCE,2/B/P,2025-06-01\n"
    ),
}

# drugs OCGs G1, G2; fraud OCG G3 (its record must not count for G1)
HISTORY = [
    ("G2", "T1", "MAJOR"),
    ("G2", "T1", "MINOR"),
    ("G3", "T1", "MAJOR"),
    ("G1", "T4", "MODERATE"),
]
