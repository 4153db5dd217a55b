"""Deliberately unreal names for people, streets, places, groups and agencies."""

from __future__ import annotations

import random

__all__ = [
    "AREAS",
    "Namer",
]

# (id suffix, area name, hub name, population share)
AREAS: tuple[tuple[str, str, str, float], ...] = (
    ("N", "Northmere", "Quillgate House IOM Hub", 0.32),
    ("E", "Eastbrook", "Thimblewick Lane IOM Hub", 0.27),
    ("S", "Sundermoor", "Puddleford Court IOM Hub", 0.23),
    ("W", "Wyvernhollow", "Brackenmuddle Yard IOM Hub", 0.18),
)

_ONSET = (
    "Zor",
    "Quen",
    "Bram",
    "Thal",
    "Vex",
    "Ombr",
    "Yss",
    "Krel",
    "Dravo",
    "Fenn",
    "Gryl",
    "Hask",
    "Ilv",
    "Jorv",
    "Wyb",
    "Pell",
    "Ruvv",
    "Sollo",
    "Tarq",
    "Ulm",
    "Xan",
    "Zeph",
    "Mirr",
    "Nox",
    "Caddo",
    "Eskr",
    "Lorv",
    "Brisk",
    "Quor",
    "Tamb",
)
_MALE_END = ("vik", "thorn", "bald", "dric", "mund", "wick", "gar", "drel", "vast", "oric", "bek")
_FEMALE_END = ("wyn", "ella", "issa", "ette", "ory", "indra", "elle", "avia", "essa", "ith")
_SUR_START = (
    "Quill",
    "Bramble",
    "Thistle",
    "Marrow",
    "Puddle",
    "Wimble",
    "Fennel",
    "Gorse",
    "Nettle",
    "Tumble",
    "Saffron",
    "Crumble",
    "Dapple",
    "Hobble",
    "Pickle",
    "Snicket",
    "Bumble",
    "Tansy",
    "Wobble",
    "Grizzle",
    "Pepper",
    "Turnip",
    "Muddle",
    "Sorrel",
    "Bristle",
    "Plum",
    "Knuckle",
    "Sprocket",
    "Twiddle",
    "Gumble",
    "Frizzle",
    "Pottle",
)
_SUR_END = (
    "feather",
    "worth",
    "whistle",
    "bottom",
    "snout",
    "wick",
    "tuck",
    "button",
    "kettle",
    "pocket",
    "thimble",
    "sprout",
    "bristle",
    "wobble",
    "spindle",
    "crumb",
    "nettle",
    "toffee",
    "mantle",
    "goose",
    "puddle",
    "trundle",
    "whisk",
    "bobbin",
    "fiddle",
)
_STREET_TYPE = ("Lane", "Row", "Close", "Crescent", "Walk", "Yard", "Mews", "Parade", "Wynd")
_PLACE_START = ("Little", "Upper", "Nether", "Old", "Far", "Lower", "Great", "West", "East")
_PLACE_END = ("moor", "wick", "ford", "fen", "holt", "mere", "combe", "hythe", "stow")
_OCG_END = ("Crew", "Firm", "Network", "Syndicate", "Line", "Family", "Outfit", "Collective")
_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class Namer:
    """Builds names from invented syllables, so no real person or place can be meant."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._ocg_names: set[str] = set()

    def _pick(self, seq: tuple[str, ...]) -> str:
        return seq[int(self.rng.random() * len(seq))]

    def _digit(self) -> int:
        return int(self.rng.random() * 10)

    def first_name(self, gender: str) -> str:
        """An invented first name; the ending leans to the recorded gender."""
        if gender == "MALE":
            end = self._pick(_MALE_END)
        elif gender == "FEMALE":
            end = self._pick(_FEMALE_END)
        else:
            end = self._pick(_MALE_END + _FEMALE_END)
        return self._pick(_ONSET) + end

    def surname(self) -> str:
        """A whimsical compound surname such as Quillfeather."""
        return self._pick(_SUR_START) + self._pick(_SUR_END)

    def officer_name(self) -> str:
        """An officer's full name."""
        gender = self._pick(("MALE", "FEMALE"))
        return f"{self.first_name(gender)} {self.surname()}"

    def street(self) -> str:
        """An invented street name."""
        return f"{self._pick(_SUR_START)}{self._pick(_PLACE_END)} {self._pick(_STREET_TYPE)}"

    def locality(self, area_name: str) -> str:
        """An invented village or estate inside a policing area."""
        return f"{self._pick(_PLACE_START)} {self._pick(_SUR_START)}{self._pick(_PLACE_END)}"

    def postcode(self, area_no: int) -> str:
        """A postcode in the non-existent ZZ postcode area (never a real one)."""
        return (
            f"ZZ{area_no}{self._digit()} {self._digit()}"
            f"{self._pick(_LETTERS)}{self._pick(_LETTERS)}"
        )

    def ocg_name(self) -> str:
        """A unique invented OCG name."""
        for _ in range(50):
            name = f"The {self._pick(_SUR_START)}{self._pick(_PLACE_END)} {self._pick(_OCG_END)}"
            if name not in self._ocg_names:
                break
        else:
            name = f"{name} {len(self._ocg_names) + 1}"
        self._ocg_names.add(name)
        return name
