# ruff: noqa: E501  (a data file: exact messages read better on one line)
"""Hostile input, as data: imports that must be refused (with their exact messages) and
hostile text that must be stored verbatim and shown harmlessly.

Each refused case is (name, files, messages): `files` maps a path under the import folder to
its text (or bytes); `messages` are the exact `file:row:field` lines the load must give.
"""

from __future__ import annotations

from dataclasses import dataclass

AS_OF = "2025-06-01"  # the as-of date every corpus load is checked against
PERSON = "id:ID(Person),first_name,last_name,date_of_birth,gender,ogrs3\n"
AREA = "id:ID(Area),name,population\n"
OFFENCE = "id:ID(Offence),offence_type,committed_on,reported_on\n"
OCG = "id:ID(OCG),name,threat\n"


@dataclass(frozen=True)
class Refused:
    """An import that must be refused with exactly `messages`, writing nothing."""

    name: str
    files: dict[str, str | bytes]
    messages: tuple[str, ...]


def _person(first: str = "Ann", last: str = "Smith", dob: str = "", gender: str = "",
            ogrs3: str = "", pid: str = "X1") -> dict[str, str | bytes]:  # fmt: skip
    cells = [pid, first, last, dob, gender, ogrs3]
    quoted = ['"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n\r') else c
              for c in cells]  # fmt: skip
    return {"Person.csv": PERSON + ",".join(quoted) + "\n"}


def _cell(file: str, field: str, message: str, row: int = 2) -> tuple[str, ...]:
    return (f"{file}:{row}:{field}: {message}",)


INT_MAX = "9,223,372,036,854,775,807"
INT_MIN = "-9,223,372,036,854,775,808"
RANGE = f"(from {INT_MIN} to {INT_MAX})"

REFUSED: list[Refused] = []


def refused(name: str, files: dict[str, str | bytes], *messages: str) -> None:
    """Add a case; `messages`, when given, are checked against the recorded expectations."""
    REFUSED.append(Refused(name, files, tuple(messages)))


# -- whole numbers: outside 64 bits, negative counts, not numbers ---------------------------
for text in ("99999999999999999999999", "9223372036854775808", "-9223372036854775809",
             "18446744073709551616", "+99999999999999999999"):  # fmt: skip
    refused(f"int-range-{text}", {"Area.csv": AREA + f"A9,North,{text}\n"},
            f"Area.csv:2:population: '{text}' is too large a whole number for the store {RANGE}")  # fmt: skip
for text in ("-1", "-5", "-9223372036854775808"):
    refused(f"negative-population-{text}", {"Area.csv": AREA + f"A9,North,{text}\n"},
            f"Area.csv:2:population: '{text}' is below 0, the least population can be")  # fmt: skip
for text in ("1.5", "1e3", "0x10", "ten", "1_000", "1 000", "--1", "12a"):
    refused(f"not-int-{text}", {"Area.csv": AREA + f"A9,North,{text}\n"},
            f"Area.csv:2:population: '{text}' is not a whole number")  # fmt: skip

# -- numbers: not finite, not numbers ---------------------------------------------------------
for text in ("1e999", "-1e999", "1E400", "9" * 400):
    refused(f"float-infinite-{text[:12]}", _person(ogrs3=text),
            f"Person.csv:2:ogrs3: '{text}' is too large a number for the store")  # fmt: skip
for text in ("nan", "NaN", "inf", "-inf", "Infinity", "1,5", "abc", "1.2.3", "٫5"):
    refused(f"float-not-number-{text}", _person(ogrs3=text),
            *_cell("Person.csv", "ogrs3", f"{text!r} is not a number"))  # fmt: skip

# -- dates: impossible, before 1900, after the as-of date -------------------------------------
for text in ("1899-12-31", "1066-10-14", "1000-01-01", "0001-01-01"):
    refused(f"date-before-1900-{text}", _person(dob=text),
            f"Person.csv:2:date_of_birth: '{text}' is before 1900-01-01; check the year")  # fmt: skip
for text in ("2025-06-02", "2099-01-01", "9999-12-31"):
    refused(f"birth-in-future-{text}", _person(dob=text),
            f"Person.csv:2:date_of_birth: '{text}' is after the import's as-of date {AS_OF}; "
            "date_of_birth cannot be in the future")  # fmt: skip
for text in ("2025-06-02", "2030-01-01"):
    refused(f"offence-in-future-{text}",
            {"Offence.csv": OFFENCE + f"O9,RESIDENTIAL_BURGLARY,{text},\n"},
            f"Offence.csv:2:committed_on: '{text}' is after the import's as-of date {AS_OF}; "
            "committed_on cannot be in the future")  # fmt: skip
    refused(f"report-in-future-{text}",
            {"Offence.csv": OFFENCE + f"O9,RESIDENTIAL_BURGLARY,2025-01-01,{text}\n"},
            f"Offence.csv:2:reported_on: '{text}' is after the import's as-of date {AS_OF}; "
            "reported_on cannot be in the future")  # fmt: skip

# -- NUL characters, in every kind of cell -------------------------------------------------------
NUL = "contains a NUL character (byte 0x00); remove it"
refused("nul-first-name", _person(first="An\x00n"), f"Person.csv:2:first_name: {NUL}")
refused("nul-last-name", _person(last="Sm\x00ith"), f"Person.csv:2:last_name: {NUL}")
refused("nul-only-last-name", _person(last="\x00"),
        "Person.csv:2:last_name: required value is missing (the cell holds only invisible "
        "characters)")  # fmt: skip
refused("nul-gender", _person(gender="F\x00"), f"Person.csv:2:gender: {NUL}")
refused("nul-ogrs", _person(ogrs3="1\x00"), f"Person.csv:2:ogrs3: {NUL}")
refused("nul-id", _person(pid="X\x001"), f"Person.csv:2:id:ID(Person): {NUL}")
refused("nul-ocg-name", {"OCG.csv": OCG + "G9,Red\x00,FRAUD\n"}, f"OCG.csv:2:name: {NUL}")
refused("nul-area-name", {"Area.csv": AREA + "A9,No\x00rth,1\n"}, f"Area.csv:2:name: {NUL}")

# -- required text that shows nothing ---------------------------------------------------------
INVISIBLE = "required value is missing (the cell holds only invisible characters)"
for label, char in (("zero-width-space", "\u200b"), ("no-break-space", "\u00a0"),
                    ("word-joiner", "\u2060"), ("soft-hyphen", "\u00ad"),
                    ("left-to-right-mark", "\u200e"), ("bom", "\ufeff"),
                    ("rtl-override", "\u202e"), ("ideographic-space", "\u3000"),
                    ("two-zero-widths", "\u200b\u200c")):  # fmt: skip
    refused(f"invisible-first-name-{label}", _person(first=char))  # blank or invisible
    refused(f"invisible-id-{label}", _person(pid=char))  # blank or invisible: both refused
refused("blank-last-name", _person(last="   "), "Person.csv:2:last_name: required value is missing")

# -- codes that are not in the vocabulary (including injection attempts) -------------------------
for text in ("DROP", "F' OR '1'='1", "$gender", "`F`", "male"):
    refused(f"vocab-gender-{text}", _person(gender=text))
for text in ("fraud", "FRAUD') DETACH DELETE (n", "{threat}"):
    refused(f"vocab-threat-{text}", {"OCG.csv": OCG + f"G9,Red,{text}\n"})
MEMBER = ":START_ID(Person),:END_ID(OCG),role\n"
for text in ("BOSS", "PRINCIPAL]->(x) DELETE x//"):
    refused(f"vocab-role-{text}", {**_person(pid="P1"), "OCG.csv": OCG + "G1,Red,FRAUD\n",
                                   "MEMBER_OF.csv": MEMBER + f"P1,G1,{text}\n"})  # fmt: skip

# -- labels, relationship types and headers: only the model's names -----------------------------
for text in ("Admin", "Nominal`) DETACH DELETE (n", "Person:Admin", "nominal"):
    refused(f"extra-label-{text}", {"Person.csv": "id:ID(Person),:LABEL,first_name,last_name\n"
                                    f"X1,{text},Ann,Smith\n"})  # fmt: skip
REL = ":START_ID(Person),:END_ID(Person),:TYPE\n"
for text in ("KNOWS", "RELATED_TO]->() DETACH DELETE n//", "related_to", "$type"):
    refused(f"rel-type-{text}", {**_person(pid="P1"), "rels.csv": REL + f"P1,P1,{text}\n"})
refused(
    "rel-file-name-not-a-type",
    {**_person(pid="P1"), "FRIENDS.csv": ":START_ID(Person),:END_ID(Person)\nP1,P1\n"},
)
for text in ("first_name`) DELETE n//", "nickname", "id:ID(Person) OR 1=1", "password:string"):
    refused(
        f"header-{text}", {"Person.csv": f"id:ID(Person),first_name,last_name,{text}\nX1,A,B,c\n"}
    )
for text in ("id:ID(Pers`on)", "id:ID(Admin)", "id:ID(AuditEvent)", "id:ID()"):
    refused(f"id-label-{text}", {"Person.csv": f"{text},first_name,last_name\nX1,A,B\n"})
refused("missing-required-column", {"Person.csv": "id:ID(Person),first_name\nX1,Ann\n"})
refused("duplicate-id", {"Person.csv": PERSON + "X1,A,B,,,\nX1,C,D,,,\n"})
refused(
    "duplicate-column", {"Person.csv": "id:ID(Person),first_name,first_name,last_name\nX1,A,B,C\n"}
)
refused("too-many-cells", {"Person.csv": PERSON + "X1,A,B,,,,extra\n"})
refused("too-few-cells", {"Person.csv": PERSON + "X1,A\n"})
refused("unknown-reference", {"MEMBER_OF.csv": MEMBER + "NOBODY,NOGROUP,PRINCIPAL\n"})
refused("self-duplicate-relationship-values", {**_person(pid="P1"), "OCG.csv": OCG + "G1,Red,FRAUD\n",
        "MEMBER_OF.csv": MEMBER + "P1,G1,PRINCIPAL\nP1,G1,PERIPHERAL\n"})  # fmt: skip

# -- files that are not UTF-8 CSV, or too big a field -------------------------------------------
refused("latin-1", {"Person.csv": (PERSON + "X1,Ren\xe9e,Smith,,,\n").encode("latin-1")})
refused("utf-16", {"Person.csv": (PERSON + "X1,Ann,Smith,,,\n").encode("utf-16")})
refused("cp1252-quote", {"Person.csv": (PERSON + "X1,O\x92Brien,Smith,,,\n").encode("latin-1")})
refused("unterminated-quote", {"Person.csv": PERSON + 'X1,"Ann,Smith,,,\n'})
refused("enormous-field", {"Person.csv": PERSON + "X1," + "A" * 200_000 + ",Smith,,,\n"})
refused("empty-file", {"Person.csv": ""})
refused("blank-header", {"Person.csv": ",,\nX1,A,B\n"})
refused("no-id-column", {"Person.csv": "first_name,last_name\nAnn,Smith\n"})
refused("binary", {"Person.csv": bytes(range(256))})
refused("nul-in-header", {"Person.csv": "id:ID(Person),first_name,last\x00name\nX1,A,B\n"})
refused("escape-in-file-name", {"\x1b[2Jevil.csv": "nonsense\n1\n"})
refused("newline-only", {"Person.csv": "\n\n\n"})

# -- formulas in a typed column ---------------------------------------------------------------------
for text in ("=1+1", "@SUM(A1)", '=HYPERLINK("x")', "-cmd"):
    refused(f"formula-in-number-{text}", _person(ogrs3=text))
    refused(f"formula-in-date-{text}", _person(dob=text))


# -- hostile text that must be stored verbatim and shown harmlessly ------------------------------
HOSTILE_TEXT: dict[str, str] = {
    "cypher-delete": "'; MATCH (n) DETACH DELETE n; //",
    "cypher-close": '") DETACH DELETE n //',
    "param": "$param",
    "backticks": "`Person`",
    "map": "{id: 1}",
    "formula-hyperlink": '=HYPERLINK("http://evil.example","x")',
    "formula-cmd": "+cmd|' /C calc'!A0",
    "formula-minus": "-2+3",
    "formula-at": "@SUM(1)",
    "script": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "markdown-link": "**bold** [link](javascript:alert(1))",
    "markdown-image": "![t](http://host/x.png)",
    "badge-break": "]:red[x]",
    "osc-title": "\x1b]0;title\x07",
    "clear-screen": "\x1b[2J\x1b[H",
    "bidi": "\u202eevil\u202c",
    "accents": "Ren\u00e9e O'Brien-Smith",
    "emoji": "\U0001f642 emoji",
    "long": "A" * 10_000,
    "quoted-newline": "line one\nline two",
    "unc-path": "\\\\server\\share",
    "path-traversal": "../../etc/passwd",
    "url-encoded": "%00%2e%2e%2f",
    "jndi": "${jndi:ldap://x}",
    "template": "{{7*7}}",
}
# Where each string goes: (file, label, id prefix, header, row template with {v} for the value)
TEXT_FIELDS: dict[str, tuple[str, str, str]] = {
    "Person.first_name": ("Person.csv", "Person", "first_name"),
    "Person.last_name": ("Person.csv", "Person", "last_name"),
    "OCG.name": ("OCG.csv", "OCG", "name"),
    "Household.address": ("Household.csv", "Household", "address"),
    "Household.high_impact_reason": ("Household.csv", "Household", "high_impact_reason"),
    "Area.name": ("Area.csv", "Area", "name"),
}
