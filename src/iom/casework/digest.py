"""The daily reminder digest: one Markdown message and one iCalendar (.ics) file per owner.

An .ics file holds one all-day event per item: on its due date, or today for an overdue item
(a reminder in the past is never seen). Text follows RFC 5545: CRLF line ends, lines folded
at 75 octets, `\\`, `;`, `,` and newlines escaped.

>>> escape_text("Housing; rent, arrears\\nnext")
'Housing\\\\; rent\\\\, arrears\\\\nnext'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from iom.casework import checks
from iom.casework.reviews import DEFAULT_HORIZON_DAYS, WorkItem, work_items
from iom.model import vocab_label
from iom.security import audit
from iom.security.access import Actor
from iom.store.base import Store
from iom.text import escape, terminal

__all__ = ["DigestFile", "calendar_text", "escape_text", "message_text", "write_digest"]

_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class DigestFile:
    """The message and calendar written for one owner."""

    owner_id: str
    owner_name: str
    items: int
    overdue: int
    message: Path
    calendar: Path


def escape_text(value: str) -> str:
    """Escape a TEXT value for iCalendar: no line break or control character survives raw."""
    flat = re.sub(r"\r\n|[\r\u2028\u2029]", "\n", value)
    flat = terminal(flat)  # other control characters shown as `\x1b`
    return flat.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Split a content line into 75-octet pieces; continuation lines start with a space."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _what(item: WorkItem, shown: Callable[[object], str] = str) -> str:
    """The item in words; `shown` renders each value from data (`escape` for Markdown)."""
    who = shown(item.person_name or item.title or item.plan_id)
    if item.kind == "review":
        return f"Plan review: {who} ({shown(item.plan_id)})"
    pathway = vocab_label("Pathway", item.pathway) if item.pathway else "action"
    return f"Action ({pathway}) for {who}: {shown(item.description)}"


def calendar_text(owner_name: str, items: Iterable[WorkItem], today: date, stamp: datetime) -> str:
    """A VCALENDAR with one all-day VEVENT per item."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//iom//casework reminders//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text('IOM reminders for ' + owner_name)}",
    ]
    for item in items:
        due = date.fromisoformat(item.due_on)
        day = max(due, today)
        summary = ("OVERDUE " if item.state == "overdue" else "Due ") + _what(item)
        detail = f"Due {item.due_on}" + (f", {item.days_late} days late" if item.days_late else "")
        detail += f". Hub: {item.hub_name or 'not known'}. Plan {item.plan_id}."
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.kind}-{item.record_id}-{item.due_on}@iom",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(detail)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


def message_text(owner_name: str, items: list[WorkItem], today: date) -> str:
    """A plain Markdown message: overdue first, then due, one line per item; data as text."""
    overdue = [i for i in items if i.state == "overdue"]
    due = [i for i in items if i.state == "due"]
    out = [
        f"# IOM reminders for {escape(owner_name)}, {today.isoformat()}",
        "",
        f"{len(overdue)} overdue, {len(due)} due soon.",
    ]
    for heading, group in (("Overdue", overdue), ("Due soon", due)):
        if not group:
            continue
        out += ["", f"## {heading}", ""]
        for item in group:
            late = f" ({item.days_late} days late)" if item.days_late else ""
            out.append(f"- {item.due_on}{late}: {_what(item, escape)}")
    return "\n".join(out) + "\n"


def write_digest(
    store: Store,
    actor: Actor,
    out_dir: Path,
    *,
    today: date | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
) -> list[DigestFile]:
    """Write `<owner>.md` and `<owner>.ics` for every owner with due or overdue work."""
    day = today or checks.today()
    items = work_items(store, actor, today=day, horizon_days=horizon_days)
    by_owner: dict[str, list[WorkItem]] = {}
    for item in items:
        by_owner.setdefault(item.owner_id or "no-owner", []).append(item)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC)
    written = []
    for owner_id, group in sorted(by_owner.items()):
        name = group[0].owner_name
        stem = _SAFE.sub("_", owner_id)
        message = out_dir / f"{stem}.md"
        calendar = out_dir / f"{stem}.ics"
        message.write_text(message_text(name, group, day), encoding="utf-8")
        calendar.write_bytes(calendar_text(name, group, day, stamp).encode("utf-8"))
        overdue = sum(1 for i in group if i.state == "overdue")
        written.append(DigestFile(owner_id, name, len(group), overdue, message, calendar))
        people = sorted({i.person_id for i in group if i.person_id})
        if people:
            audit.record(
                store, actor, "DISCLOSURE", people, f"reminder digest for {owner_id} in {out_dir}"
            )
    return written
