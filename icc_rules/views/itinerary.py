"""Itineraries: the verdict on every leg of a trip, the first leg at risk, and the answer for the whole trip.

A leg is a country, a day or a range of days, and a kind:

* ``visit``: a stay in the country;
* ``transit``: a stop-over; the airport and its transit area are the country's territory, so the verdict is the
  same as for a visit (rule ``presence.transit``);
* ``overflight``: flying over the country without landing. An overflight brings no one before the host's
  authorities unless the aircraft lands: the verdict shown is what a forced or emergency landing there would mean,
  and the leg is flagged when that would be a risk, but it does not make the trip at risk (rules
  ``presence.overflight`` and ``exposure.if_landing``).

For a range of days the leg's verdict is the strongest over the range (in the law's order, :class:`Verdict`), with
the days on which it changes. Every verdict, and whether the leg is at risk or only flagged, is the rules' decision
(:func:`~icc_rules.api.spans`, with the leg's kind as the person's presence).

>>> report = check_itinerary("Putin", [Leg("Kyrgyzstan", "2023-10-12"),
...                                    Leg("Armenia", ("2024-01-25", "2024-02-05"), "transit"),
...                                    Leg("Mongolia", "2024-09-03", "overflight")])
>>> report.can_travel, report.first_at_risk
(False, 2)
>>> [(leg.verdict.value, leg.at_risk, leg.flagged) for leg in report.legs]
[('no_duty', False, False), ('duty_to_arrest', True, False), ('duty_to_arrest', False, True)]
>>> report.legs[1].changes[0].date
datetime.date(2024, 2, 1)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..api import PRESENCES, CountryLike, DateLike, PersonLike, Presence, Span, Verdict, spans
from ..api.internal import (
    after_as_of,
    country_name_in,
    dataset,
    day_of,
    events_in_words,
    note_in_words,
    warning_in_words,
)
from ..data.dataset import Dataset
from ..errors import InputError, short_repr
from ..i18n import gettext as _
from ..i18n import language, ngettext, using
from ..i18n.words import day_in_words
from ..lookup.countries import resolve_country
from ..lookup.persons import resolve_person

__all__ = ["ItineraryReport", "Leg", "LegKind", "LegReport", "VerdictChange", "check_itinerary"]

LegKind = Presence
"""How the person is in the country: staying (``visit``), changing planes (``transit``) or flying over it."""

LEG_KINDS: tuple[str, ...] = PRESENCES


@dataclass(frozen=True)
class Leg:
    """One leg of a trip: where, when (a day, or a ``(first, last)`` range, both included), and how.

    >>> Leg("Armenia", ("2024-01-25", "2024-02-05"), "transit").kind
    'transit'
    >>> Leg.parse("ARM@2024-01-25..2024-02-05:transit")
    Leg(country='ARM', date=('2024-01-25', '2024-02-05'), kind='transit')
    >>> Leg.parse("Mongolia@2024-09-03")
    Leg(country='Mongolia', date='2024-09-03', kind='visit')
    >>> Leg.parse("Mongolia 2024-09-03")
    Traceback (most recent call last):
    ...
    icc_rules.errors.InputError: invalid leg 'Mongolia 2024-09-03': expected COUNTRY@DATE[..DATE][:visit|transit|overflight], e.g. ARM@2024-01-25..2024-02-05:transit
    """

    country: CountryLike
    date: DateLike | tuple[DateLike, DateLike]
    kind: LegKind = "visit"

    @classmethod
    def parse(cls, text: str) -> Leg:
        """A leg written as ``COUNTRY@DATE[..DATE][:visit|transit|overflight]`` (the command line's form)."""
        country, at, when = text.partition("@")
        kind = "visit"
        if ":" in when and when.rsplit(":", 1)[1].isalpha():
            when, kind = when.rsplit(":", 1)
        first, dots, last = when.partition("..")
        if not (at and country.strip() and first.strip()) or (dots and not last.strip()):
            raise InputError(f"invalid leg {short_repr(text)}: expected COUNTRY@DATE[..DATE][:{'|'.join(LEG_KINDS)}], "
                             "e.g. ARM@2024-01-25..2024-02-05:transit")
        if kind not in LEG_KINDS:
            raise InputError(f"invalid leg {short_repr(text)}: unknown kind {short_repr(kind)}; expected one of {', '.join(LEG_KINDS)}")
        return cls(country.strip(), (first.strip(), last.strip()) if dots else first.strip(), kind)  # type: ignore[arg-type]


class VerdictChange(BaseModel):
    """A day within a leg on which the verdict changes, and the verdict from that day."""

    model_config = ConfigDict(frozen=True)

    date: datetime.date
    verdict: Verdict
    event: str | None = None


class LegReport(BaseModel):
    """The answer for one leg.

    Attributes:
        number: the leg's position in the trip, from 1.
        country, country_name, kind, start, end: the leg, resolved (``end`` is ``start`` for a single day).
        verdict: the worst verdict on any day of the leg.
        verdict_from: the first day of the leg with that verdict.
        risk_from: the first day of the leg on which its verdict stands in the way of travel (the rules' exposure is
            not ``free``): from that day the person is at risk, or on an overflight would be if the aircraft landed.
            It can come before ``verdict_from``: a duty to arrest that ends in custody puts the person at risk from
            the duty's first day. ``None`` when no day of the leg stands in the way.
        changes: the days within the leg on which the verdict changes.
        rules: the rules that decided the worst verdict.
        at_risk: the person cannot travel there (a visit or transit whose worst verdict is not no_warrant/no_duty).
        flagged: an overflight whose forced landing would meet a duty (or a detained person).
        note: what the verdict means for this kind of leg, in plain words.
        warnings: what the answer rests on that the reader should know (thin sources, a date past ``as_of``, a
            user's file that changes the verdict, with the verdict without it).
        user_data: the user's files the leg's answer rests on; empty for shipped data alone.

    >>> leg = check_itinerary("Putin", ["MN@2024-09-03:overflight"]).legs[0]
    >>> leg.verdict.value, leg.at_risk, leg.flagged, leg.rules[-1]
    ('duty_to_arrest', False, True, 'verdict.duty_to_arrest')
    """

    model_config = ConfigDict(frozen=True)

    number: int
    country: str
    country_name: str
    kind: LegKind
    start: datetime.date
    end: datetime.date
    verdict: Verdict
    verdict_from: datetime.date
    risk_from: datetime.date | None = None
    changes: tuple[VerdictChange, ...] = ()
    rules: tuple[str, ...]
    at_risk: bool
    flagged: bool
    note: str
    warnings: tuple[str, ...] = ()
    user_data: tuple[str, ...] = ()

    @property
    def when(self) -> str:
        """The leg's day, or its range as ``first..last``."""
        return str(self.start) if self.start == self.end else f"{self.start}..{self.end}"


class ItineraryReport(BaseModel):
    """The answer for a whole trip.

    Attributes:
        person, person_name: who travels.
        legs: the report on each leg, in order.
        first_at_risk: the number of the first leg at risk, or ``None``.
        can_travel: True when no visit or transit leg is at risk (flagged overflights do not count).
        flagged_overflights: the numbers of the overflight legs where a forced landing would be a risk.
        data_version, data_as_of: the dataset the answers come from.

    >>> report = check_itinerary("Netanyahu", ["US@2025-02-04", "HU@2025-04-03"])
    >>> report.can_travel, report.first_at_risk, [leg.verdict.value for leg in report.legs]
    (False, 2, ['no_duty', 'duty_to_arrest'])
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    legs: tuple[LegReport, ...]
    first_at_risk: int | None
    can_travel: bool
    flagged_overflights: tuple[int, ...] = ()
    data_version: str
    data_as_of: datetime.date

    def text(self) -> str:
        """A readable report: the overall answer, a line per leg, then what each leg's verdict means, in the current
        language (:func:`icc_rules.i18n.using`).

        >>> print(check_itinerary("Putin", [Leg("CN", "2023-10-17"), Leg("KZ", "2023-10-18", "overflight")]).text())
        Vladimir Putin, 2 legs: can travel (no leg at risk)
          1.  visit       China       2023-10-17  no duty to arrest  can travel
          2.  overflight  Kazakhstan  2023-10-18  no duty to arrest  can travel
        <BLANKLINE>
        Notes:
          2. Kazakhstan: Vladimir Putin would only fly over Kazakhstan: an overflight brings no one before Kazakhstan's authorities unless the aircraft lands, so the verdict is what a forced or emergency landing there would mean.
        <BLANKLINE>
        Data: icc-rules dataset ..., facts checked to ....
        """
        report = self.in_language()
        if report.first_at_risk is not None:
            first = report.legs[report.first_at_risk - 1]
            worst = (f"{first.verdict.label}" if first.risk_from == first.verdict_from
                     else _("{verdict} from {day}").format(verdict=first.verdict.label, day=first.verdict_from))
            head = _("AT RISK, first at leg {number} ({country} from {day}: {worst})").format(
                number=first.number, country=first.country_name, day=first.risk_from, worst=worst)
        else:
            head = _("can travel (no leg at risk)")
        if report.flagged_overflights:
            head += _("; forced landing a risk on overflight leg(s) {numbers}").format(
                numbers=", ".join(map(str, report.flagged_overflights)))
        rows = [(f"{leg.number}.", _(leg.kind), leg.country_name, leg.when, leg.verdict.label, _status(leg))
                for leg in report.legs]
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        legs = ngettext("{count} leg", "{count} legs", len(report.legs)).format(count=len(report.legs))
        lines = [_("{person}, {legs}: {head}").format(person=report.person_name, legs=legs, head=head)]
        lines += ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[5]
                  for row in rows]
        notes = [_("  {number}. {country}: {note}").format(number=leg.number, country=leg.country_name, note=leg.note)
                 for leg in report.legs if leg.note]
        warnings = [f"  {leg.number}. {warning}" for leg in report.legs for warning in leg.warnings]
        if notes:
            lines += ["", _("Notes:"), *notes]
        if warnings:
            lines += ["", _("Warnings:"), *warnings]
        lines += ["", _("Data: icc-rules dataset {version}, facts checked to {as_of}.").format(
            version=report.data_version, as_of=day_in_words(report.data_as_of, language()))]
        return "\n".join(lines)

    def in_language(self, lang: str | None = None) -> ItineraryReport:
        """The report with its texts for a reader (the countries' names, the legs' notes, warnings and the events
        of their changes) in ``lang`` (``"en"``, ``"fr"``; by default the current language); codes, verdicts and days
        stay as they are.

        >>> french = check_itinerary("Putin", ["MN@2024-09-03:overflight"]).in_language("fr")
        >>> french.legs[0].country_name, french.legs[0].note[:40]
        ('Mongolie', 'Vladimir Putin ne ferait que survoler la')
        """
        with using(lang) as lang_used:
            if lang_used == "en":
                return self
            return self.model_copy(update={"legs": tuple(leg.model_copy(update={
                "country_name": country_name_in(leg.country, leg.country_name),
                "note": note_in_words(leg.note),
                "warnings": tuple(map(warning_in_words, leg.warnings)),
                "changes": tuple(change.model_copy(update={"event": events_in_words(change.event)})
                                 if change.event else change for change in leg.changes),
            }) for leg in self.legs)})


def _status(leg: LegReport) -> str:
    if leg.at_risk:
        status = _("AT RISK") if leg.risk_from == leg.start else _("AT RISK from {day}").format(day=leg.risk_from)
    elif leg.flagged:
        status = _("flagged: at risk if forced to land")
    else:
        status = _("can travel")
    if leg.changes:
        status += _(" (changes: {changes})").format(
            changes=", ".join(f"{c.date} {c.verdict.label}" for c in leg.changes))
    return status


def _check_leg(number: int, person: PersonLike, leg: Leg, data: Dataset) -> LegReport:
    if leg.kind not in LEG_KINDS:
        raise InputError(f"leg {number}: unknown kind {short_repr(leg.kind)}; expected one of {', '.join(LEG_KINDS)}")
    where = resolve_country(leg.country)
    if isinstance(leg.date, (tuple, list)):
        if len(leg.date) != 2:
            raise InputError(f"leg {number} ({short_repr(leg.country)}): its dates {short_repr(leg.date)} are "
                             "neither a day nor a (first, last) range of two days")
        start, end = (day_of(day) for day in leg.date)
    else:
        start = end = day_of(leg.date)
    if start > end:
        raise InputError(f"leg {number} ({where.name}): its first day {start} is after its last day {end}")
    found = spans(person, where, start, end, presence=leg.kind, data=data)
    runs: list[Span] = [span for index, span in enumerate(found) if not index or span.verdict != found[index - 1].verdict]
    worst = min(found, key=lambda span: span.verdict)  # the strongest verdict, in the law's order
    decision = worst.decision
    # Whether a day stands in the way of travel is the rules' exposure (from the verdict table's can_travel), never
    # re-decided here: the first such day may belong to a weaker verdict than the worst (a duty before custody).
    risk = next((span for span in found if span.decision.exposure != "free"), None)
    # Where a user's file changes the verdict on some day of the leg, the rules' verdict without it comes first.
    changed = (span.decision.user_data_warning(span.start, span.end) for span in found)
    warnings = dict.fromkeys([*(warning for warning in changed if warning),
                              *(warning for span in found
                                for warning in span.decision.said_of_doubts(span.start, span.end)[0])])
    if (late := after_as_of(data, end)) is not None:
        warnings = {late: None, **warnings}
    return LegReport(
        number=number, country=where.code, country_name=where.name, kind=leg.kind, start=start, end=end,
        verdict=worst.verdict, verdict_from=worst.start, risk_from=risk.start if risk is not None else None,
        changes=tuple(VerdictChange(date=span.start, verdict=span.verdict, event="; ".join(span.events) or None)
                      for span in runs[1:]),
        rules=tuple(reason.rule for reason in decision.reasons if reason.kind in ("derivation", "verdict")),
        at_risk=decision.exposure == "at_risk", flagged=decision.exposure == "if_landing",
        note=" ".join(reason.text for reason in decision.presence_reasons),
        warnings=tuple(warnings),
        user_data=tuple(dict.fromkeys(file for span in found for file in span.decision.user_files)),
    )


def _as_leg(number: int, leg: object) -> Leg:
    """A leg given as a :class:`Leg`, a ``COUNTRY@DATE[..DATE][:kind]`` string or a ``(country, date[, kind])``
    tuple, as a :class:`Leg`."""
    if isinstance(leg, Leg):
        return leg
    if isinstance(leg, str):
        return Leg.parse(leg)
    if isinstance(leg, tuple) and len(leg) in (2, 3):
        return Leg(*leg)  # its kind is checked with the others
    raise InputError(f"leg {number} {short_repr(leg)}: expected a Leg, a 'COUNTRY@DATE[..DATE][:kind]' string or a "
                     "(country, date[, kind]) tuple")


def check_itinerary(person: PersonLike, legs: Iterable[Leg | str | tuple[Any, ...]], *, data: Dataset | None = None
                    ) -> ItineraryReport:
    """The verdict on each leg of a trip, the first leg at risk and whether the person can make the trip.

    Args:
        person: a name, alias or id, or a :class:`~icc_rules.data.models.Person` (as for :func:`~icc_rules.assess`).
        legs: the trip's legs in order: :class:`Leg` objects, ``COUNTRY@DATE[..DATE][:kind]`` strings (see
            :meth:`Leg.parse`) or ``(country, date[, kind])`` tuples.
        data: the dataset (default: the shipped one).

    Returns:
        An :class:`ItineraryReport`; ``text()`` renders it for a reader.

    Raises:
        UnknownPersonError: No person matches ``person``.
        AmbiguousPersonError: ``person`` matches several persons.
        UnknownCountryError: No country matches a leg's country.
        InvalidDateError: A leg's date is not a date.
        InputError: The trip is empty, a leg is not a leg, a leg's kind is unknown, a leg's range is not two days,
            or a range's first day is after its last.

    >>> check_itinerary("Netanyahu", [Leg("US", "2025-02-04"), Leg("HU", "2025-04-03")]).first_at_risk
    2
    >>> check_itinerary("Netanyahu", ["US@2025-02-04", ("HU", "2025-04-03", "transit")]).first_at_risk
    2
    >>> check_itinerary("Netanyahu", [])
    Traceback (most recent call last):
    ...
    icc_rules.errors.InputError: an itinerary needs at least one leg
    """
    data = dataset(data)
    who = resolve_person(data, person)
    if not isinstance(legs, Iterable) or isinstance(legs, (str, Leg)):
        raise InputError(f"legs {short_repr(legs)}: expected a list of legs (Leg objects or 'COUNTRY@DATE' strings)")
    reports = tuple(_check_leg(number, who, _as_leg(number, leg), data) for number, leg in enumerate(legs, 1))
    if not reports:
        raise InputError("an itinerary needs at least one leg")
    first = next((leg.number for leg in reports if leg.at_risk), None)
    return ItineraryReport(
        person=who.id, person_name=who.name, legs=reports, first_at_risk=first, can_travel=first is None,
        flagged_overflights=tuple(leg.number for leg in reports if leg.flagged),
        data_version=data.info.version, data_as_of=data.info.as_of,
    )
