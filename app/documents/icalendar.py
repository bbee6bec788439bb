"""An agenda as an iCalendar file (RFC 5545) that carries no names.

A person appears only as discreet mode shows them (alias, with initials for a client file),
without place, description or receiving organisation: a calendar file ends up in calendar
apps and their clouds. Times are local ("floating"), as the worker planned them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

DEFAULT_MINUTES = 60
LABELS = {
    "contact": "Contact",
    "triogesprek": "Triogesprek",
    "follow_up": "Opvolging",
    "zrm": "ZRM-meting",
    "consent": "Toestemming verloopt",
    "group_session": "Groepssessie",
}


class CalendarItem(Protocol):
    """What an agenda item offers (`app.services.agenda.AgendaItem`)."""

    @property
    def kind(self) -> str: ...
    @property
    def day(self) -> date: ...
    @property
    def at(self) -> datetime | None: ...
    @property
    def duration_min(self) -> int | None: ...
    @property
    def record_id(self) -> str: ...
    @property
    def detail(self) -> str: ...
    @property
    def alias(self) -> str | None: ...
    @property
    def full_name(self) -> str | None: ...
    @property
    def initials(self) -> str: ...


def discreet_label(alias: str | None, full_name: str | None, initials: str) -> str:
    """A person as discreet mode shows them: "Alias (initials)" for a client file, the alias
    alone for a pseudonym. The full name is only asked to tell the two apart."""
    if not alias:
        return initials
    return f"{alias} ({initials})" if full_name else alias


def summary(item: CalendarItem) -> str:
    kind = str(item.kind)
    label = LABELS.get(kind, kind)
    if kind == "group_session":
        return f"{label}: {item.detail}" if item.detail else label
    if kind == "follow_up" and item.detail:
        label = f"{label} na {item.detail} maanden"
    return f"{label}: {discreet_label(item.alias, item.full_name, item.initials)}"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets; continuation lines start with a space."""
    parts: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not parts else 74
        if len((current + ch).encode("utf-8")) > limit:
            parts.append(current)
            current = ch
        else:
            current += ch
    parts.append(current)
    return [parts[0], *(" " + x for x in parts[1:])]


def _uid(item: CalendarItem) -> str:
    """Stable across exports (a calendar app updates instead of duplicating), and no record id
    leaves the vault."""
    digest = hashlib.sha256(f"{item.kind}:{item.record_id}:{item.day}".encode()).hexdigest()
    return f"{digest[:32]}@brugfiguur"


def build_calendar(items: Iterable[CalendarItem], *, stamp: datetime) -> bytes:
    utc = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Brugfiguur//Agenda//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Brugfiguur",
    ]
    for item in items:
        lines += ["BEGIN:VEVENT", f"UID:{_uid(item)}", f"DTSTAMP:{utc:%Y%m%dT%H%M%SZ}"]
        if item.at is not None:
            end = item.at + timedelta(minutes=item.duration_min or DEFAULT_MINUTES)
            lines += [f"DTSTART:{item.at:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
        else:
            lines += [
                f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{item.day + timedelta(days=1):%Y%m%d}",
                "TRANSP:TRANSPARENT",
            ]
        lines += [f"SUMMARY:{_escape(summary(item))}", "CLASS:PRIVATE", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in _fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")
