r"""Calendars (RFC 5545): one all-day event per entry, escaped and folded as the standard requires.

>>> entry = CalendarEntry(uid="putin.ARM.20240201.duty_to_arrest@icc-rules", day=datetime.date(2024, 2, 1),
...                       summary="Vladimir Putin in Armenia: duty_to_arrest", description="From 2024-02-01.")
>>> stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
>>> print(calendar([entry], "Vladimir Putin in Armenia", stamp).replace("\r\n", "\n"))
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//icc-rules//timeline//EN
CALSCALE:GREGORIAN
X-WR-CALNAME:Vladimir Putin in Armenia
BEGIN:VEVENT
UID:putin.ARM.20240201.duty_to_arrest@icc-rules
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:20240201
DTEND;VALUE=DATE:20240202
SUMMARY:Vladimir Putin in Armenia: duty_to_arrest
DESCRIPTION:From 2024-02-01.
END:VEVENT
END:VCALENDAR
<BLANKLINE>
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import NamedTuple

from ..errors import InputError

__all__ = ["CalendarEntry", "calendar"]


class CalendarEntry(NamedTuple):
    """One all-day event: a stable ``uid`` (so a regenerated calendar updates rather than duplicates it), its day,
    a one-line summary and a description."""

    uid: str
    day: datetime.date
    summary: str
    description: str


def _ics_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 section 3.3.11 requires."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n") \
        .replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """A content line folded into lines of at most 75 octets (RFC 5545 section 3.1), never inside a character."""
    lines: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            lines.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    lines.append(current)
    return lines


def calendar(entries: Iterable[CalendarEntry], name: str, stamp: datetime.datetime | None = None) -> str:
    """An iCalendar (RFC 5545) calendar with one all-day event per entry, CRLF line endings, lines folded at 75
    octets; ``stamp`` is the ``DTSTAMP`` of each event (default: now, in UTC).

    Raises :class:`~icc_rules.errors.InputError` for an entry on 9999-12-31: its event would end on a day no
    calendar can name.
    """
    when = (stamp or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//icc-rules//timeline//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(name)}"]
    for entry in entries:
        if entry.day == datetime.date.max:
            raise InputError("a calendar event cannot start on 9999-12-31: it would end on a day no calendar names")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry.uid}",
            f"DTSTAMP:{when:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{entry.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{entry.day + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(entry.summary)}",
            f"DESCRIPTION:{_ics_text(entry.description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line))
