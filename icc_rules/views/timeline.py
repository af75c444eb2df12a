"""Exposure timelines: the periods in which a person's verdict in a country stays the same, and the next change.

A timeline lays end to end the rules' decisions over a range of days (:func:`~icc_rules.api.spans`: one per interval
between two days on which something the rules compare happens) and merges neighbours with the same verdict. Every
verdict and every event's wording comes from the law (:mod:`icc_rules.law`); this module only lays them out.

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
import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import computed_field

from ..api import (
    RULES,
    STATUTE_IN_FORCE,
    CountryLike,
    DateLike,
    Decision,
    PendingWithdrawal,
    PersonLike,
    Span,
    Verdict,
    spans,
)
from ..api.internal import About, country_name_in, dataset, day_of, events_in_words
from ..data.dataset import Dataset
from ..errors import InputError
from ..i18n import using
from ..lookup.countries import resolve_country
from ..lookup.persons import resolve_person
from ..render.chart import chart_svg as chart
from ..render.ics import CalendarEntry, calendar
from .userdata import user_data_warnings

__all__ = ["Change", "Period", "next_change", "save_timeline_svg", "timeline", "timeline_svg", "timeline_warnings",
           "to_ics"]


class Period(About):
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
        pending_withdrawals: the host's withdrawals notified but not yet in effect on the period's last day (rule
            ``status.withdrawal_pending``), each with the day it takes effect: what may close the period, or what is
            coming after the timeline's end.
        user_data: the user's files the period rests on (they changed what the data says about the person or the
            country); empty for shipped data alone.
        without_user_data: where those files change the verdict, the verdicts on the period's days without them,
            each with its first day; empty where they change nothing.

    >>> first = timeline("Duterte", "Netherlands", "2025-03-01", "2025-03-31")[1]
    >>> first.start, first.verdict.value, first.can_travel, first.days
    (datetime.date(2025, 3, 7), 'duty_to_arrest', False, 4)
    >>> first.opened_by, first.closed_by
    ('arrest warrant duterte-2025 issued (under seal)', 'warrant duterte-2025 made public; warrant duterte-2025: the person was arrested; Rodrigo Duterte taken into custody by the Philippines')
    """

    start: datetime.date
    end: datetime.date
    verdict: Verdict
    rules: tuple[str, ...]
    opened_by: str | None = None
    closed_by: str | None = None
    pending_withdrawals: tuple[PendingWithdrawal, ...] = ()
    user_data: tuple[str, ...] = ()
    without_user_data: tuple[tuple[datetime.date, Verdict], ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def can_travel(self) -> bool:
        """True exactly when the verdict is ``no_warrant`` or ``no_duty``."""
        return self.verdict.can_travel

    @property
    def days(self) -> int:
        """How many days the period lasts, both ends included."""
        return (self.end - self.start).days + 1

    def in_language(self, lang: str | None = None) -> Period:
        """The period with its texts for a reader (the events, the country's name) in ``lang`` (``"en"``, ``"fr"``;
        by default the current language); codes, days and data stay as they are.

        >>> timeline("Putin", "Armenia", "2024-01-01", "2024-12-31")[1].in_language("fr").opened_by
        'le Statut de Rome est entré en vigueur à l’égard de l’Arménie'
        """
        with using(lang):
            return self.model_copy(update={
                "country_name": country_name_in(self.country, self.country_name),
                "opened_by": events_in_words(self.opened_by) if self.opened_by else self.opened_by,
                "closed_by": events_in_words(self.closed_by) if self.closed_by else self.closed_by})


class Change(About):
    """A day on which a person's verdict in a country changes, and the event that changes it.

    >>> change = next_change("Putin", "Ukraine", "2023-01-01")
    >>> change.date, change.before.value, change.after.value, change.event
    (datetime.date(2023, 3, 17), 'no_warrant', 'duty_to_arrest', 'arrest warrant putin-2023 issued')
    """

    date: datetime.date
    before: Verdict
    after: Verdict
    event: str
    rules: tuple[str, ...]

    def in_language(self, lang: str | None = None) -> Change:
        """The change with its texts for a reader (the event, the country's name) in ``lang``.

        >>> next_change("Putin", "Ukraine", "2023-01-01").in_language("fr").event
        'mandat d’arrêt putin-2023 délivré'
        """
        with using(lang):
            return self.model_copy(update={"country_name": country_name_in(self.country, self.country_name),
                                           "event": events_in_words(self.event)})


def _deciding_rules(decision: Decision) -> tuple[str, ...]:
    """The rules that decided (derivations and the verdict rule: notes, which never change a verdict, aside)."""
    return decision.grounds


def _events(span: Span) -> str | None:
    return "; ".join(span.events) or None


def timeline(person: PersonLike, country: CountryLike, start: DateLike = None, end: DateLike = None, *,
             data: Dataset | None = None) -> list[Period]:
    """The periods, from ``start`` to ``end``, in which ``person``'s verdict in ``country`` stays the same.

    The periods are maximal (two neighbours never share a verdict), cover the range day by day with no gap and no
    overlap, and agree with :func:`~icc_rules.assess` on every day. Each boundary between two periods is a day on
    which a recorded fact is dated; ``opened_by`` and ``closed_by`` say which.

    Args:
        person: a name, alias or id, or a :class:`~icc_rules.data.models.Person` (as for :func:`~icc_rules.assess`).
        country: an ISO 3166-1 code or a name, or a :class:`~icc_rules.data.countries.Country`.
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
    data = dataset(data)
    who, where = resolve_person(data, person), resolve_country(country)
    first = _default_start(who.warrants) if start is None else day_of(start)
    last = data.info.as_of if end is None else day_of(end)
    if first > last:
        raise InputError(f"the timeline's start {first} is after its end {last}")
    # The runs of one verdict: their spans (the grounds, notes aside, can change inside a run).
    runs: list[list[Span]] = []
    for span in spans(who, where, first, last, data=data):
        if runs and runs[-1][-1].verdict == span.verdict:
            runs[-1].append(span)
        else:
            runs.append([span])
    events = [_events(run[0]) for run in runs]  # what opens a period closes the one before
    periods: list[Period] = []
    for index, run in enumerate(runs):
        fired = {rule for span in run for rule in _deciding_rules(span.decision)}
        decision = run[0].decision
        without = decision.without_user_data(run[0].start, run[-1].end) or ()
        periods.append(Period(
            person=who.id, person_name=who.name, country=where.code, country_name=where.name,
            start=run[0].start, end=run[-1].end, verdict=run[0].verdict,
            rules=tuple(rule.id for rule in RULES if rule.id in fired),
            opened_by=events[index], closed_by=events[index + 1] if index + 1 < len(runs) else None,
            pending_withdrawals=run[-1].decision.pending_withdrawals, user_data=decision.user_files,
            without_user_data=() if without == ((run[0].start, run[0].verdict),) else without,
        ))
    return periods


def timeline_warnings(periods: Sequence[Period]) -> tuple[str, ...]:
    """The warnings a timeline's reader needs: one per user's file that changes a period's verdict, naming the
    verdicts without it (:func:`~icc_rules.views.userdata.user_data_warnings`); none for shipped data alone.

    >>> timeline_warnings(timeline("Putin", "ZAF", "2023-01-01", "2023-12-31"))
    ()
    """
    return user_data_warnings(
        (period.user_data, f"{period.country_name} {period.start}..{period.end}: "
         + ", then ".join(verdict.label if day == period.start else f"{verdict.label} from {day}"
                          for day, verdict in period.without_user_data)
         + f" (not {period.verdict.label})")
        for period in periods if period.without_user_data)


def next_change(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
                ) -> Change | None:
    """The first day after ``date`` on which ``person``'s verdict in ``country`` changes, if the data knows one.

    Only recorded facts can change an answer, so this looks at the days they are dated. A change that no fact
    announces yet (a warrant not yet issued, a withdrawal not yet notified) cannot be foreseen.

    Args:
        person: a name, alias or id, or a :class:`~icc_rules.data.models.Person` (as for :func:`~icc_rules.assess`).
        country: an ISO 3166-1 code or a name, or a :class:`~icc_rules.data.countries.Country`.
        date: the day to look after (default: today).
        data: the dataset (default: the shipped one).

    Returns:
        The :class:`Change`, or ``None`` if no recorded fact dated after ``date`` changes the verdict.

    >>> next_change("Duterte", "Philippines", "2025-03-08").event
    'warrant duterte-2025 made public; warrant duterte-2025: the person was arrested; Rodrigo Duterte taken into custody by the Philippines'
    >>> next_change("Putin", "Armenia", "2025-01-01") is None
    True
    """
    data = dataset(data)
    who, where, day = resolve_person(data, person), resolve_country(country), day_of(date)
    found = spans(who, where, day, datetime.date.max, data=data)
    before = found[0].verdict
    for span in found[1:]:
        if span.verdict != before:
            return Change(person=who.id, person_name=who.name, country=where.code, country_name=where.name,
                          date=span.start, before=before, after=span.verdict, event=_events(span) or "",
                          rules=_deciding_rules(span.decision))
    return None


def _default_start(warrants: Sequence[object]) -> datetime.date:
    return min((warrant.issued for warrant in warrants), default=STATUTE_IN_FORCE)  # type: ignore[attr-defined]


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

    Raises:
        InputError: an event falls on 9999-12-31 (its end would be a day no calendar can name).

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
    SUMMARY:Vladimir Putin in Armenia: no duty to arrest
    DESCRIPTION:From 2024-01-01 to 2024-01-31: an ICC arrest warrant is in forc
     e\\, but the host state has no legal duty to arrest (it may still cooperate
    ...
    END:VCALENDAR
    <BLANKLINE>
    """
    pairs = {(event.person_name, event.country_name) for event in events}
    if name is None:
        name = f"{' in '.join(next(iter(pairs)))}: ICC arrest exposure" if len(pairs) == 1 else "ICC arrest exposure"
    return calendar((_entry(event) for event in events), name, stamp)


def _entry(event: Period | Change) -> CalendarEntry:
    if isinstance(event, Period):
        day, verdict = event.start, event.verdict
        description = f"From {event.start} to {event.end}: {verdict.description}."
        if event.opened_by:
            description += f"\nOpened by: {event.opened_by}."
        if event.closed_by:
            description += f"\nClosed by: {event.closed_by}."
    else:
        day, verdict = event.date, event.after
        description = (f"On {event.date} the verdict changes from {event.before.label} to {verdict.label}: "
                       f"{verdict.description}.\nEvent: {event.event}.")
    description += f"\nRules: {', '.join(event.rules)}."
    return CalendarEntry(uid=f"{event.person}.{event.country}.{day:%Y%m%d}.{verdict.value}@icc-rules", day=day,
                         summary=f"{event.person_name} in {event.country_in_text}: {verdict.label}",
                         description=description)


def timeline_svg(person: PersonLike, countries: Sequence[CountryLike], start: DateLike = None, end: DateLike = None,
                 *, data: Dataset | None = None) -> str:
    """An SVG picture of the person's timelines in ``countries``, one row each, from ``start`` to ``end``
    (the defaults of :func:`timeline`), with a legend in plain words and a credit line naming the dataset.

    >>> svg = timeline_svg("Putin", ["Armenia", "Mongolia", "China"], "2023-01-01", "2024-12-31")
    >>> svg.startswith("<svg") and "Armenia" in svg and "#b2182b" in svg
    True
    """
    data = dataset(data)
    who = resolve_person(data, person)
    if isinstance(countries, str) or not countries:
        raise InputError(f"countries={countries!r:.80}: expected a non-empty list of countries")
    rows = [timeline(who, country, start, end, data=data) for country in countries]
    return chart(rows, f"{who.name}: can the ICC warrant be enforced?",
                 f"icc-rules dataset {data.info.version}, facts checked to {data.info.as_of}")


def save_timeline_svg(path: str | os.PathLike[str], person: PersonLike, countries: Sequence[CountryLike],
                      start: DateLike = None, end: DateLike = None, *, data: Dataset | None = None) -> Path:
    """Write :func:`timeline_svg` to ``path`` and return the path.

    >>> import tempfile
    >>> path = save_timeline_svg(Path(tempfile.mkdtemp()) / "t.svg", "Putin", ["ARM"], "2024-01-01", "2024-03-01")
    >>> path.read_text(encoding="utf-8").count("<rect")  # two periods and five legend keys
    7
    """
    target = Path(path)
    target.write_text(timeline_svg(person, countries, start, end, data=data), encoding="utf-8")
    return target
