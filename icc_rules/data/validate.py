"""Checks of a dataset as a whole: unique and resolvable ids, ISO codes, dates in range and none in the future.

A record of the data folder itself (the shipped data) may not be dated after the dataset's ``as_of``: the sources
were searched up to that day. A record from a user's file may be dated up to the day it is loaded, since users
record what happened after the release; only a fact dated in the future is refused.

Each problem is one line naming the record and the field. :func:`~icc_rules.data.loading.load` refuses a dataset
with any problem. The checks that need the law (no treaty fact before the Statute was adopted, no warrant before it
entered into force, entry into force as article 126 fixes it) are in :mod:`icc_rules.law.checks`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from ..errors import UnknownCountryError
from .countries import country_by_code
from .dataset import TABLES, Dataset
from .models import Sourced

__all__ = ["check"]


def _alternatives(data: Dataset) -> Iterator[str]:
    """An alternative names one of its record's days, and only a record that is not confirmed has one."""
    for table, (_, key, _) in TABLES.items():
        for top in data.records(table):
            for record in _nested(top):
                for alternative in record.alternatives:
                    where = f"{table} {getattr(top, key)}: alternative {alternative.field}"
                    if not isinstance(getattr(record, alternative.field, None), datetime.date):
                        yield f"{where}: the record has no day called {alternative.field!r}"
                    elif record.confidence == "confirmed":
                        yield f"{where}: a confirmed record has no alternatives (say how sure the sources are)"


def _nested(record: Sourced) -> Iterator[Sourced]:
    yield record
    for value in vars(record).values():
        if isinstance(value, tuple):
            for item in value:
                if isinstance(item, Sourced):
                    yield from _nested(item)


def check(data: Dataset) -> Iterator[str]:
    """Every whole-dataset problem: duplicate or dangling ids, unknown codes, facts dated after ``as_of`` (the data
    folder's records) or after today (the records of a user's file).

    >>> from icc_rules.data import shipped
    >>> list(check(shipped()))
    []
    """
    checker = _Checker(data)
    yield from _alternatives(data)
    for table in (checker.states, checker.territories, checker.situations, checker.declarations,
                  checker.referrals, checker.warrants, checker.persons, checker.precedents):
        yield from table()


class _Checker:
    """The checks of one dataset, a method per table; each yields a line per problem."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.as_of, self.loaded_on = data.info.as_of, datetime.date.today()
        self.users = {f"{table} {record_id}" for table, record_id in data.origins}
        self.situation_ids = {s.id for s in data.situations}

    def dated(self, day: datetime.date | None, where: str, earliest: datetime.date | None = None) -> Iterator[str]:
        """A day not after the sources' reach (a user's file: not in the future), and not before ``earliest``."""
        if day is None:
            return
        if _record(where) in self.users:
            if day > self.loaded_on:
                yield f"{where}: {day} is in the future (today is {self.loaded_on}): record what has happened"
        elif day > self.as_of:
            yield f"{where}: {day} is after the dataset's as_of date {self.as_of}"
        if earliest is not None and day < earliest:
            yield f"{where}: {day} is before {earliest}"

    @staticmethod
    def known_country(code: str, where: str) -> Iterator[str]:
        try:
            country_by_code(code)
        except UnknownCountryError:
            yield f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code"

    def known_situation(self, situation: str | None, where: str) -> Iterator[str]:
        if situation is not None and situation not in self.situation_ids:
            yield f"{where}: unknown situation {situation!r}"

    def states(self) -> Iterator[str]:
        for state in self.data.states:
            where = f"state {state.code}"
            yield from self.known_country(state.code, where)
            for name in ("signed", "deposited", "in_force"):
                yield from self.dated(getattr(state, name), f"{where}: {name}")
            if state.in_force and not state.deposited:
                yield f"{where}: in_force without a deposit date"
            for change in state.changes:
                yield from self.dated(change.date, f"{where}: change {change.kind}")
                if change.kind != "withdrawal_effective":
                    continue
                notices = [c for c in state.changes if c.kind == "withdrawal_notified" and c.date <= change.date]
                if notices and notices[-1].takes_effect != change.date:
                    yield (f"{where}: the withdrawal is recorded as taking effect on {change.date}, but the "
                           f"notification of {notices[-1].date} says {notices[-1].takes_effect}")

    def territories(self) -> Iterator[str]:
        for territory in self.data.territories:
            where = f"territory {territory.code}"
            yield from self.dated(territory.applies_from, f"{where}: from")
            yield from self.known_country(territory.code, where)
            yield from self.known_country(territory.state, where)
            if self.data.state(territory.code) is not None:
                yield (f"{where}: state {territory.code} is a treaty record of its own for it; a territory takes "
                       f"its state's ({territory.state}), so one of the two must go")

    def situations(self) -> Iterator[str]:
        for situation in self.data.situations:
            for name in ("referred_on", "preliminary_examination_opened", "investigation_opened"):
                yield from self.dated(getattr(situation, name), f"situation {situation.id}: {name}")
            for code in situation.states:
                yield from self.known_country(code, f"situation {situation.id}")

    def declarations(self) -> Iterator[str]:
        for declaration in self.data.declarations:
            where = f"declaration {declaration.id}"
            yield from self.known_country(declaration.state, where)
            yield from self.dated(declaration.lodged, f"{where}: lodged")
            yield from self.known_situation(declaration.situation, where)

    def referrals(self) -> Iterator[str]:
        for referral in self.data.referrals:
            where = f"referral {referral.id}"
            yield from self.dated(referral.adopted, f"{where}: adopted")
            for code in referral.binds:
                yield from self.known_country(code, where)
            yield from self.known_situation(referral.situation, where)

    def warrants(self) -> Iterator[str]:
        warrant_ids: set[str] = set()
        for person, warrant in self.data.warrants():
            where = f"person {person.id}: warrant {warrant.id}"
            if warrant.id in warrant_ids:
                yield f"{where}: warrant id used twice"
            warrant_ids.add(warrant.id)
            yield from self.known_situation(warrant.situation, where)
            yield from self.dated(warrant.issued, f"{where}: issued")
            yield from self.dated(warrant.made_public, f"{where}: made_public", warrant.issued)
            for event in warrant.events:
                yield from self.dated(event.date, f"{where}: event {event.kind}", warrant.issued)

    def persons(self) -> Iterator[str]:
        for person in self.data.persons:
            where = f"person {person.id}"
            yield from self.dated(person.died, f"{where}: died", datetime.date(1900, 1, 1))
            for office in person.offices:
                title = f"{where}: office {office.title[:60]!r}"
                yield from self.dated(office.start, f"{title}: start")
                yield from self.dated(office.end, f"{title}: end", office.start)
                yield from self.dated(office.confirmed_until, f"{title}: confirmed_until", office.start)
            for period in person.custody:
                yield from self.dated(period.start, f"{where}: custody start", datetime.date(1990, 1, 1))
                yield from self.dated(period.end, f"{where}: custody end", period.start)
                if period.held_by != "ICC":
                    yield from self.known_country(period.held_by, f"{where}: custody")

    def precedents(self) -> Iterator[str]:
        for visit in self.data.visits:
            yield from self.dated(visit.start, f"visit {visit.id}: start")
            yield from self.dated(visit.end, f"visit {visit.id}: end", visit.start)
        for finding in self.data.findings:
            yield from self.dated(finding.date, f"finding {finding.id}: date")
            yield from self.dated(finding.referred_on, f"finding {finding.id}: referred_on")
        person_ids = {p.id for p in self.data.persons}
        precedents: list[tuple[str, str, str | None, str]] = [
            *(("visit", v.id, v.person, v.host) for v in self.data.visits),
            *(("finding", f.id, f.person, f.state) for f in self.data.findings),
        ]
        for kind, record_id, who, host in precedents:
            if who is not None and who not in person_ids:
                yield f"{kind} {record_id}: unknown person {who!r}"
            yield from self.known_country(host, f"{kind} {record_id}")


def _record(where: str) -> str:
    """The record a problem's place names: ``person putin`` in ``person putin: warrant x: issued``."""
    return where.split(":", 1)[0]
