"""A small RFC 5545 reader for tests: unfolds lines and checks the structure of .ics output."""

from __future__ import annotations


def parse_ics(raw: bytes) -> list[dict[str, str]]:
    """The VEVENTs of a calendar as {property: value}; raises AssertionError on bad structure."""
    text = raw.decode("utf-8")
    assert text.endswith("\r\n"), "content lines end with CRLF"
    physical = text[:-2].split("\r\n")
    for line in physical:
        assert "\n" not in line and "\r" not in line, f"bare line break in {line!r}"
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    head = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    assert head.get("VERSION") == "2.0" and head.get("PRODID")
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in lines[1:-1]:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            assert current is None, "nested VEVENT"
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            for required in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"):
                assert required in current, f"VEVENT without {required}"
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    assert current is None, "unterminated VEVENT"
    return events


def unescape(value: str) -> str:
    """The text of an escaped TEXT value."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)
