"""Exposure timelines: the periods in which a person's verdict in a country stays the same.

A pair's answer can only change on a day when one of its facts is dated (a warrant issued, a ratification in force,
a withdrawal effective, an arrest ...): :attr:`~icc_rules.facts.PairFacts.breakpoints`. So a timeline asks the
rules once per interval between two such days, never once per day, and merges neighbouring intervals with the same
verdict. Every verdict is the facade's decision (the one :func:`~icc_rules.facade.assess` reads); this module only
lays the answers end to end.

>>> periods = timeline("Putin", "Armenia", "2023-01-01", "2024-12-31")
>>> [(str(p.start), str(p.end), p.verdict.value) for p in periods]
[('2023-01-01', '2023-03-16', 'no_warrant'), ('2023-03-17', '2024-01-31', 'no_duty'), ('2024-02-01', '2024-12-31', 'duty_to_arrest')]
>>> periods[2].opened_by
'the Rome Statute entered into force for Armenia'
>>> next_change("Putin", "Armenia", "2023-10-01").date
datetime.date(2024, 2, 1)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence

from pydantic import BaseModel, ConfigDict, computed_field

from .countries import Country, resolve_country
from .dataset import Dataset, shipped
from .dates import day_number, from_day_number, to_date
from .errors import InputError
from .facade import CountryLike, DateLike, Decision, PersonLike, _answers
from .facts import Fact, PairFacts
from .models import Person
from .persons import resolve_person
from .rules import RULES
from .statute import STATUTE_IN_FORCE
from .verdicts import Verdict

__all__ = ["Change", "Period", "next_change", "timeline", "to_ics"]


class Period(BaseModel):
    """A maximal run of days on which a person's verdict in a country is the same.

    Attributes:
        person, person_name, country, country_name: who and where (dataset id, ISO 3166-1 alpha-3 code, names).
        start: the first day of the period.
        end: the last day of the period (inclusive).
        verdict: the verdict on every day of the period.
        rules: the ids of the rules that decided it (derivations and the verdict rule; notes, which never change a
            verdict, are left out), in the rule set's order; where the grounds changed within the period (an
            article 12(3) declaration, then membership) all of them are listed.
        opened_by: the dated event(s) on ``start``, if any; ``None`` when the period starts where the range starts
            and nothing happened that day.
        closed_by: the dated event(s) on the day after ``end`` that change the verdict; ``None`` for the last period.

    >>> first = timeline("Duterte", "Netherlands", "2025-03-01", "2025-03-31")[1]
    >>> first.start, first.verdict.value, first.can_travel, first.days
    (datetime.date(2025, 3, 7), 'duty_to_arrest', False, 4)
    >>> first.opened_by, first.closed_by
    ('arrest warrant duterte-2025 issued (under seal)', 'warrant duterte-2025 made public; warrant duterte-2025 executed: the person was arrested; Rodrigo Duterte taken into custody by Philippines')
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    country: str
    country_name: str
    start: datetime.date
    end: datetime.date
    verdict: Verdict
    rules: tuple[str, ...]
    opened_by: str | None = None
    closed_by: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def can_travel(self) -> bool:
        """True exactly when the verdict is ``no_warrant`` or ``no_duty``."""
        return self.verdict.can_travel

    @property
    def days(self) -> int:
        """How many days the period lasts, both ends included."""
        return (self.end - self.start).days + 1


class Change(BaseModel):
    """A day on which a person's verdict in a country changes, and the event that changes it.

    >>> change = next_change("Putin", "Ukraine", "2023-01-01")
    >>> change.date, change.before.value, change.after.value, change.event
    (datetime.date(2023, 3, 17), 'no_warrant', 'duty_to_arrest', 'arrest warrant putin-2023 issued')
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    country: str
    country_name: str
    date: datetime.date
    before: Verdict
    after: Verdict
    event: str
    rules: tuple[str, ...]


#: How each dated field of an engine fact reads as an event.
_EVENTS: Mapping[tuple[str, str], str] = {
    ("membership", "in_force"): "the Rome Statute entered into force for {host}",
    ("membership", "ends"): "{host}'s withdrawal from the Rome Statute took effect",
    ("notice", "notified"): "{host} notified its withdrawal from the Rome Statute",
    ("notice", "takes_effect"): "the day {host}'s notified withdrawal was set to take effect",
    ("notice", "revoked"): "{host} revoked its notified withdrawal",
    ("announcement", "date"): "{host} announced a withdrawal (no notification to the UN recorded)",
    ("declaration", "lodged"): "{host} lodged an article 12(3) declaration (situation {situation})",
    ("referral", "adopted"): "Security Council resolution {resolution} adopted",
    ("person", "died"): "{person} died",
    ("warrant", "issued"): "{issued_text}",
    ("warrant", "public"): "warrant {warrant} made public",
    ("warrant", "ends"): "warrant {warrant} {ended_by}",
    ("office", "start"): "{person} took office as {title}",
    ("office", "end"): "{person} left office as {title}",
    ("custody", "start"): "{person} taken into custody by {held_by_name}",
    ("custody", "end"): "{person} left the custody of {held_by_name}",
    ("situation", "opened"): "investigation opened in the situation {situation}",
}

#: How the issue of each kind of warrant record reads.
_ISSUED = {
    "warrant": "arrest warrant {warrant} issued",
    "summons": "summons to appear {warrant} issued",
    "requested": "application for an arrest warrant {warrant} filed",
}


def _event_texts(pair: PairFacts, item: Fact, day: int) -> Iterable[str]:
    fact = item.fact
    if day not in fact.values():
        return
    kind = str(fact.get("t", ""))
    fields = dict(fact)
    if kind == "warrant":
        sealed = " (under seal)" if fact["public"] > fact["issued"] else ""
        fields["issued_text"] = _ISSUED.get(str(fact["kind"]), "{warrant} issued").format(**fact) + sealed
    for name, value in fact.items():
        if value != day or name == "id":
            continue
        if kind == "warrant" and name == "public" and fact["issued"] == day:
            continue  # a warrant public from its issue: one event, not two
        if kind == "notice" and name == "takes_effect" and fact["revoked"] < day:
            continue  # a revoked withdrawal: nothing happens on its planned day
        template = _EVENTS.get((kind, name))
        if template is None:  # a fact type this table does not know yet: say which record and field
            label = item.provenance[0].label if item.provenance else kind
            template = f"{label}: {name}"
        yield template.format(**fields, host=pair.host_name, person=pair.person.name)


def _event(pair: PairFacts, day: datetime.date) -> str | None:
    """What happened on ``day`` among the pair's facts (``; ``-separated), or ``None`` if nothing did."""
    number = day_number(day)
    texts: list[str] = []
    if day == STATUTE_IN_FORCE:
        texts.append("the Rome Statute entered into force")
    for fact in pair.facts:
        texts.extend(_event_texts(pair, fact, number))
    return "; ".join(dict.fromkeys(texts)) or None


_NOTES = frozenset(rule.id for rule in RULES if rule.kind == "note")


def _deciding_rules(decision: Decision) -> tuple[str, ...]:
    """The rules (notes aside) that decided: the same as :func:`~icc_rules.facade.assess`'s reasons."""
    return tuple(rule for rule in decision.rules if rule not in _NOTES)


def _default_start(person: Person) -> datetime.date:
    return min((warrant.issued for warrant in person.warrants), default=STATUTE_IN_FORCE)


def _pair(data: Dataset, person: PersonLike, country: CountryLike) -> tuple[Person, Country, PairFacts]:
    who, where = resolve_person(data, person), resolve_country(country)
    return who, where, _answers(data).facts(who.id, where.code)


def timeline(person: PersonLike, country: CountryLike, start: DateLike = None, end: DateLike = None, *,
             data: Dataset | None = None) -> list[Period]:
    """The periods, from ``start`` to ``end``, in which ``person``'s verdict in ``country`` stays the same.

    The periods are maximal (two neighbours never share a verdict), cover the range day by day with no gap and no
    overlap, and agree with :func:`~icc_rules.assess` on every day. Each boundary between two periods is a day on
    which a recorded fact is dated; ``opened_by`` and ``closed_by`` say which.

    Args:
        person: a name, alias or id, or a :class:`~icc_rules.models.Person` (as for :func:`~icc_rules.assess`).
        country: an ISO 3166-1 code or a name, or a :class:`~icc_rules.countries.Country`.
        start: the first day (default: the day the person's first warrant, summons or application was issued, or
            2002-07-01 if there is none).
        end: the last day, included (default: the dataset's ``as_of`` date; later days are beyond what the data
            knows).
        data: the dataset (default: the shipped one).

    Returns:
        The periods in date order.

    Raises:
        UnknownPersonError: No person matches ``person``.
        AmbiguousPersonError: ``person`` matches several persons.
        UnknownCountryError: No country matches ``country``.
        InvalidDateError: ``start`` or ``end`` is not a date.
        InputError: ``start`` is after ``end``.

    >>> [(str(p.start), p.verdict.value) for p in timeline("Duterte", "Philippines")]
    [('2025-03-07', 'no_duty'), ('2025-03-11', 'in_custody')]
    >>> timeline("Putin", "Armenia", "2024-02-01", "2024-01-01")
    Traceback (most recent call last):
    ...
    icc_rules.errors.InputError: the timeline's start 2024-02-01 is after its end 2024-01-01
    """
    data = data or shipped()
    who, where, pair = _pair(data, person, country)
    first = _default_start(who) if start is None else to_date(start)
    last = data.info.as_of if end is None else to_date(end)
    if first > last:
        raise InputError(f"the timeline's start {first} is after its end {last}")
    # The rules' decision on each interval between breakpoints, then the runs of one verdict: (first day, verdict,
    # the rules, notes aside, that decided any of its intervals: the grounds can change inside a run).
    answers = _answers(data)
    days = [first, *(day for day in map(from_day_number, pair.breakpoints) if first < day <= last)]
    runs: list[tuple[datetime.date, Verdict, set[str]]] = []
    for day in days:
        decision = answers.decide(who.id, where.code, day_number(day))
        if not runs or decision.verdict != runs[-1][1]:
            runs.append((day, decision.verdict, set()))
        runs[-1][2].update(_deciding_rules(decision))
    events = {day: _event(pair, day) for day, _, _ in runs}
    periods: list[Period] = []
    for index, (day, verdict, fired) in enumerate(runs):
        following = runs[index + 1][0] if index + 1 < len(runs) else None
        periods.append(Period(
            person=who.id, person_name=who.name, country=where.code, country_name=where.name,
            start=day, end=following - datetime.timedelta(days=1) if following else last, verdict=verdict,
            rules=tuple(rule.id for rule in RULES if rule.id in fired),
            opened_by=events[day], closed_by=events[following] if following else None,
        ))
    return periods


def next_change(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
                ) -> Change | None:
    """The first day after ``date`` on which ``person``'s verdict in ``country`` changes, if the data knows one.

    Only recorded facts can change an answer, so this looks at the days they are dated. A change that no fact
    announces yet (a warrant not yet issued, a withdrawal not yet notified) cannot be foreseen.

    Args:
        person: a name, alias or id, or a :class:`~icc_rules.models.Person` (as for :func:`~icc_rules.assess`).
        country: an ISO 3166-1 code or a name, or a :class:`~icc_rules.countries.Country`.
        date: the day to look after (default: today).
        data: the dataset (default: the shipped one).

    Returns:
        The :class:`Change`, or ``None`` if no recorded fact dated after ``date`` changes the verdict.

    >>> next_change("Duterte", "Philippines", "2025-03-08").event
    'warrant duterte-2025 made public; warrant duterte-2025 executed: the person was arrested; Rodrigo Duterte taken into custody by Philippines'
    >>> next_change("Putin", "Armenia", "2025-01-01") is None
    True
    """
    data = data or shipped()
    who, where, pair = _pair(data, person, country)
    day = datetime.date.today() if date is None else to_date(date)
    answers = _answers(data)
    before = answers.decide(who.id, where.code, day_number(day)).verdict
    for number in pair.breakpoints:
        if number > day_number(day):
            decision = answers.decide(who.id, where.code, number)
            if decision.verdict != before:
                changed = from_day_number(number)
                return Change(person=who.id, person_name=who.name, country=where.code, country_name=where.name,
                              date=changed, before=before, after=decision.verdict, event=_event(pair, changed) or "",
                              rules=_deciding_rules(decision))
    return None


# --- Calendar export (RFC 5545) -------------------------------------------------------------------------------------


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


def to_ics(events: Sequence[Period | Change], *, name: str | None = None, stamp: datetime.datetime | None = None
           ) -> str:
    """An iCalendar (RFC 5545) calendar with one all-day event on the first day of each period or change.

    A newsroom can subscribe to it: each event's ``UID`` is stable (person, country, day and verdict), so a
    regenerated calendar updates rather than duplicates the events.

    Args:
        events: periods from :func:`timeline` and/or changes from :func:`next_change`.
        name: the calendar's name (default: "PERSON in COUNTRY: ICC arrest exposure", or without the pair when
            the events are about several).
        stamp: the ``DTSTAMP`` written on each event (default: now, in UTC).

    Returns:
        The calendar text, with CRLF line endings and lines folded at 75 octets.

    >>> stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    >>> text = to_ics(timeline("Putin", "Armenia", "2024-01-01", "2024-12-31"), stamp=stamp)
    >>> print(text.replace("\\r\\n", "\\n"))  # doctest: +ELLIPSIS
    BEGIN:VCALENDAR
    VERSION:2.0
    PRODID:-//icc-rules//timeline//EN
    CALSCALE:GREGORIAN
    X-WR-CALNAME:Vladimir Putin in Armenia: ICC arrest exposure
    BEGIN:VEVENT
    UID:putin.ARM.20240101.no_duty@icc-rules
    DTSTAMP:20260101T000000Z
    DTSTART;VALUE=DATE:20240101
    DTEND;VALUE=DATE:20240102
    SUMMARY:Vladimir Putin in Armenia: no_duty (can travel)
    DESCRIPTION:From 2024-01-01 to 2024-01-31: an ICC arrest warrant is in forc
     e\\, but the host state has no legal duty to arrest (it may still cooperate
    ...
    END:VCALENDAR
    <BLANKLINE>
    """
    when = (stamp or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    pairs = {(event.person_name, event.country_name) for event in events}
    if name is None:
        name = f"{' in '.join(next(iter(pairs)))}: ICC arrest exposure" if len(pairs) == 1 else "ICC arrest exposure"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//icc-rules//timeline//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(name)}"]
    for event in events:
        if isinstance(event, Period):
            day, verdict = event.start, event.verdict
            description = f"From {event.start} to {event.end}: {verdict.description}."
            if event.opened_by:
                description += f"\nOpened by: {event.opened_by}."
            if event.closed_by:
                description += f"\nClosed by: {event.closed_by}."
        else:
            day, verdict = event.date, event.after
            description = (f"On {event.date} the verdict changes from {event.before.value} to {verdict.value}: "
                           f"{verdict.description}.\nEvent: {event.event}.")
        description += f"\nRules: {', '.join(event.rules)}."
        travel = "can travel" if verdict.can_travel else "cannot travel"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.person}.{event.country}.{day:%Y%m%d}.{verdict.value}@icc-rules",
            f"DTSTAMP:{when:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(f'{event.person_name} in {event.country_name}: {verdict.value} ({travel})')}",
            f"DESCRIPTION:{_ics_text(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line))
