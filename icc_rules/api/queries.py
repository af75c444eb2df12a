"""The public decision API: :func:`assess`, :func:`can_travel`, :func:`verdict_of`, and beneath them :func:`decide`,
:func:`spans` and :func:`state_status`, which the views (timelines, world, trips, reverse queries) are built on.

Every function resolves forgiving inputs (names in any case, accents, word order or script; ISO codes or country
names; dates as ``date``, ``datetime`` or ISO 8601 strings) and validates them before anything is looked up or
kept, then asks the rules (:mod:`icc_rules.law.decide`). Nothing here decides any point of law.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, get_args

from ..data._pydantic_fast import constructed, copied_with
from ..data.dataset import Dataset
from ..data.models import Finding, Person, Visit
from ..errors import InputError, short_repr
from ..law.days import day_number, from_day_number
from ..law.decide import Decision, Presence, decider_for
from ..law.standing import PersonStanding
from ..law.standing import standing as person_standing
from ..law.verdicts import Verdict
from ..lookup.countries import Country, resolve_country
from ..lookup.dates import to_date, today
from ..lookup.persons import resolve_person
from .answers import Assessment
from .datasets import shipped_data

__all__ = [
    "CountryLike", "DateLike", "PersonLike", "Span", "assess", "can_travel", "decide", "spans", "state_status",
    "verdict_of",
]

PersonLike = str | Person
CountryLike = str | Country
DateLike = datetime.date | datetime.datetime | str | None

#: How many answers are remembered per query as asked (strings and dates) before the memory starts afresh.
QUERY_MEMORY = 16_384
#: How many full answers are kept, one per pair and interval, before the memory starts afresh.
ASSESSMENTS_KEPT = 20_000
#: The fields every answer built here sets, one set shared by all of them (pydantic would make one per answer; the
#: answers are frozen, so it is never changed).
_SET_FIELDS = {"person", "person_name", "country", "country_name", "date", "verdict", "reasons", "confirmed",
               "warrants", "precedents", "warnings", "user_data", "pending_withdrawals", "data_version", "data_as_of"}

T = TypeVar("T")


class _Answers:
    """What one dataset remembers of the answers it gave: per query as asked, and per decision."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.decider = decider_for(data)
        self.by_query: dict[tuple[Any, ...], Any] = {}
        self.also_forget: list[Callable[[], None]] = []  # what else keeps answers for the dataset (the flat answers)
        self.assessments: dict[int, tuple[Decision, Assessment]] = {}
        visits: dict[tuple[str, str], list[Visit]] = defaultdict(list)
        for visit in data.visits:
            visits[(visit.person, visit.host)].append(visit)
        findings: dict[str, list[Finding]] = defaultdict(list)
        for finding in data.findings:
            findings[finding.state].append(finding)
        self._visits, self._findings = dict(visits), dict(findings)

    def precedents(self, person_id: str, host: str) -> tuple[Visit | Finding, ...]:
        """The person's visits to the host, and every non-compliance finding against the host."""
        return (*self._visits.get((person_id, host), ()), *self._findings.get(host, ()))

    def remember(self, key: tuple[Any, ...], answer: Any) -> Any:
        """Keep the answer to a query as it was asked, so that asking again costs one lookup (bounded)."""
        if len(self.by_query) >= QUERY_MEMORY:
            self.by_query.clear()
        self.by_query[key] = answer
        return answer

    def verdict(self, who: Person, where: Country, day: datetime.date) -> Verdict:
        """The verdict alone: no answer is built."""
        return self.decider.decide(who.id, where.code, day_number(day)).verdict

    def assessment(self, who: Person, where: Country, day: datetime.date) -> Assessment:
        """The full answer: built once per decision (pair and interval), then copied with the day asked about."""
        decision = self.decider.decide(who.id, where.code, day_number(day))
        made = self.assessments.get(id(decision))
        if made is None or made[0] is not decision:
            if len(self.assessments) >= ASSESSMENTS_KEPT:
                self.assessments.clear()
            # Every value comes from a validated record or from the rules: built without validating it again.
            made = self.assessments[id(decision)] = (decision, constructed(
                Assessment, _SET_FIELDS, person=who.id, person_name=who.name, country=where.code,
                country_name=where.name, date=day, verdict=decision.verdict,
                reasons=tuple(r for r in decision.reasons if r.kind != "exposure"), confirmed=not decision.user_files,
                warrants=who.warrants, precedents=self.precedents(who.id, where.code), warnings=(), how_sure=(),
                user_data=decision.user_files, pending_withdrawals=decision.pending_withdrawals,
                data_version=self.data.info.version, data_as_of=self.data.info.as_of,
            ))
        answer = made[1]
        said = on_the_day(self.data, decision, day)
        if said is None:
            return answer if answer.date == day else _on_day(answer, day)
        warnings, how_sure, sure = said
        return _on_day(answer, day, warnings, how_sure=how_sure, confirmed=answer.confirmed and sure)


def day_dependent(data: Dataset, decision: Decision, day: datetime.date) -> bool:
    """Whether what an answer says beside its verdict may change from one day of its interval to another: a day
    after as_of, a user's file, or a fact that is not confirmed (the data without it may change inside the
    interval). An answer that is not can be kept for its whole interval."""
    return day > data.info.as_of or bool(decision.user_files) or decision.doubtful


def on_the_day(data: Dataset, decision: Decision, day: datetime.date
               ) -> tuple[tuple[str, ...], tuple[str, ...], bool] | None:
    """What an answer says on ``day`` that depends on the day (:func:`day_dependent`): its warnings (the as_of
    warning, a user's file that changes the verdict, a doubt that changes it), its quiet "how sure" lines, and
    whether no doubt changes the verdict. ``None`` when nothing depends on the day. Every door says it this way."""
    if not day_dependent(data, decision, day):
        return None
    changed = decision.user_data_warning(day) if decision.user_files else None
    doubts, quiet = decision.said_of_doubts(day) if decision.doubtful else ((), ())
    late = after_as_of(data, day)
    warnings = (*(w for w in (changed, late) if w is not None), *doubts)
    return warnings, quiet, not doubts


def _on_day(answer: Assessment, day: datetime.date, warnings: tuple[str, ...] | None = None, **more: Any
            ) -> Assessment:
    """``answer`` for another day of its interval (with other warnings, if given): what ``model_copy(update=...)``
    does, in half the time (a bulk of new queries makes one per query). The values are checked ones, so nothing is
    validated again."""
    if warnings is not None:
        more["warnings"] = warnings
    return copied_with(answer, date=day, **more)


def forget(data: Dataset) -> None:
    """Forget every answer and decision kept for ``data``, so that the rules decide afresh (for tests and
    benchmarks; answers are the same either way)."""
    answers = answers_for(data)
    answers.by_query.clear()
    answers.assessments.clear()
    for forgetting in answers.also_forget:
        forgetting()
    decider_for(data).forget()


def after_as_of(data: Dataset, day: datetime.date) -> str | None:
    """The warning an answer about ``day`` carries when ``day`` is after the dataset's as_of date."""
    as_of = data.info.as_of
    if day <= as_of:
        return None
    return (f"{day} is after the dataset's as_of date {as_of}: its sources were searched up to {as_of} only, so "
            "anything that happened since (a new warrant, an arrest, an accession or withdrawal) is not known to this "
            "answer")


def dataset(data: object) -> Dataset:
    """``data`` as a :class:`Dataset` (``None``: the shipped one), or :class:`~icc_rules.errors.InputError`."""
    if data is None:
        return shipped_data()
    if not isinstance(data, Dataset):
        raise InputError(f"data={short_repr(data)}: expected a Dataset (from icc_rules.load_data()) or None for "
                         "the shipped data")
    return data


def answers_for(data: Dataset) -> _Answers:
    """The answers ``data`` remembers (made on first use, freed with the dataset)."""
    return data.attached("api.answers", lambda: _Answers(data))


def day_of(date: object) -> datetime.date:
    """The day a ``date`` argument names (``None``: today), or :class:`~icc_rules.errors.InvalidDateError`."""
    return today() if date is None else to_date(date)


def presence_of(presence: object) -> Presence:
    """``presence`` checked against :data:`~icc_rules.law.decide.PRESENCES`."""
    if presence not in get_args(Presence):
        raise InputError(f"presence={short_repr(presence)}: expected one of {', '.join(get_args(Presence))}")
    return presence  # type: ignore[return-value]


def _answer(kind: str, person: PersonLike, country: CountryLike, date: DateLike, data: Dataset | None,
            make: Callable[[_Answers, Person, Country, datetime.date], T]) -> T:
    """The answer of kind ``kind`` to a query: remembered under the query as asked, else ``make``-d from the
    person, country and day it names (and remembered, when the query can be)."""
    data = dataset(data)
    answers = answers_for(data)
    key = _query_key(kind, person, country, date)
    found: T | None = answers.by_query.get(key) if key else None
    if found is None:
        found = make(answers, resolve_person(data, person), resolve_country(country), day_of(date))
        if key:
            answers.remember(key, found)
    return found


def _query_key(kind: str, person: object, country: object, date: object) -> tuple[Any, ...] | None:
    """The key under which an answer to this exact query can be remembered, or ``None`` when it must not be:
    "today" changes, and only plain strings and dates are cheap and safe to hash."""
    if type(person) is str and type(country) is str and (type(date) is datetime.date or (
            type(date) is str and date.strip().casefold() != "today")):
        return (kind, person, country, date)
    return None


def assess(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
           ) -> Assessment:
    """Whether ``person`` faces a legal duty of arrest in ``country`` on ``date``, and why.

    Args:
        person: a name or alias as people write it (``"Vladimir Putin"``, ``"putin"``, ``"Путин"``), a dataset id
            or a :class:`~icc_rules.data.models.Person`.
        country: an ISO 3166-1 alpha-2, alpha-3 or numeric code, a name (``"Kyrgyz Republic"``, ``"Türkiye"``,
            ``"Kosovo"``) or a :class:`~icc_rules.data.countries.Country`.
        date: a ``datetime.date``, a ``datetime.datetime``, an ISO 8601 string or ``"today"``; ``None`` means today.
        data: the dataset to use (default: the shipped one; see :func:`icc_rules.load_data` for your own files).

    Returns:
        An :class:`~icc_rules.api.answers.Assessment` with the verdict, the reasons, warrants, precedents and
        warnings.

    Raises:
        UnknownPersonError: No person in the dataset matches ``person`` (its ``suggestions`` hold close matches).
        AmbiguousPersonError: ``person`` matches several persons (its ``candidates`` lists their ids).
        UnknownCountryError: No country matches ``country``.
        InvalidDateError: ``date`` is not a date, a datetime or an ISO 8601 string of a real day (``NaT`` and
            ``NaN`` included).
        InputError: ``data`` is not a Dataset.

    >>> assess("Netanyahu", "Hungary", "2025-04-03").verdict
    <Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>
    >>> assess("al-Bashir", "SD", "2010-01-01").rules
    ('warrant.in_force', 'duty.security_council', 'note.official_capacity', 'verdict.duty_to_arrest')
    """
    return _answer("assess", person, country, date, data, _Answers.assessment)


def verdict_of(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
               ) -> Verdict:
    """Just the verdict of :func:`assess`, without building the full answer (the fast path for bulk use).

    >>> verdict_of("Duterte", "Netherlands", "2025-06-01")
    <Verdict.IN_CUSTODY: 'in_custody'>
    """
    return _answer("verdict", person, country, date, data, _Answers.verdict)


def can_travel(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
               ) -> bool:
    """True when ``person`` can enter ``country`` on ``date`` without a legal duty of arrest there.

    That is, exactly when the verdict of :func:`assess` is ``no_warrant`` or ``no_duty``. Arguments and errors are
    those of :func:`assess`.

    >>> can_travel("Vladimir Putin", "China", "2023-10-17")
    True
    >>> can_travel("Vladimir Putin", "South Africa", "2023-08-22")
    False
    """
    return verdict_of(person, country, date, data=data).can_travel


def decide(person: PersonLike, country: CountryLike, date: DateLike = None, *, presence: Presence = "visit",
           data: Dataset | None = None) -> Decision:
    """The rules' decision itself: the verdict, the exposure (whether the person is within the host's reach, which
    depends on ``presence``: ``visit``, ``transit`` or ``overflight``), the rules that fired, the reasons, whether
    every fact it rests on is confirmed, and on a given day the doubts that could change the verdict
    (``doubts(day)``, ``sure(day)``).

    Arguments and errors are those of :func:`assess`, and ``presence`` must be one of the three (``InputError``).

    >>> decision = decide("Putin", "Mongolia", "2024-09-03", presence="overflight")
    >>> decision.verdict.value, decision.exposure
    ('duty_to_arrest', 'if_landing')
    """
    data = dataset(data)
    who, where, day, how = resolve_person(data, person), resolve_country(country), day_of(date), presence_of(presence)
    return decider_for(data).decide(who.id, where.code, day_number(day), how)


@dataclass(frozen=True)
class Span:
    """An interval of days on which the rules' answer for a person in a country is one :attr:`decision`: from
    ``start`` to ``end`` (both included); ``events`` are what happened on ``start``, if anything did.

    >>> span = spans("Putin", "Armenia", "2024-01-01", "2024-03-01")[1]
    >>> span.start, span.verdict.value, span.events
    (datetime.date(2024, 2, 1), 'duty_to_arrest', ('the Rome Statute entered into force for Armenia',))
    """

    start: datetime.date
    end: datetime.date
    decision: Decision

    @property
    def verdict(self) -> Verdict:
        """The decision's verdict."""
        return self.decision.verdict

    @property
    def events(self) -> tuple[str, ...]:
        """What happened on the span's first day among the pair's facts, as timelines name it."""
        return self.decision.pair.events_on(day_number(self.start))


def spans(person: PersonLike, country: CountryLike, start: DateLike, end: DateLike, *, presence: Presence = "visit",
          data: Dataset | None = None) -> list[Span]:
    """The rules' decisions from ``start`` to ``end`` (both included), one per interval of days on which nothing
    the rules compare changes: the material of timelines.

    >>> [(str(s.start), s.verdict.value) for s in spans("Putin", "Armenia", "2024-01-30", "2024-02-02")]
    [('2024-01-30', 'no_duty'), ('2024-02-01', 'duty_to_arrest')]
    """
    data = dataset(data)
    who, where = resolve_person(data, person), resolve_country(country)
    first, last, how = day_of(start), day_of(end), presence_of(presence)
    if first > last:
        raise InputError(f"the start {first} is after the end {last}")
    found = list(decider_for(data).spans(who.id, where.code, day_number(first), day_number(last), how))
    made = []
    for index, (day, decision) in enumerate(found):
        following = found[index + 1][0] if index + 1 < len(found) else None
        made.append(Span(start=from_day_number(day),
                         end=from_day_number(following) - datetime.timedelta(days=1) if following else last,
                         decision=decision))
    return made


def standing(person: PersonLike, date: DateLike = None, *, data: Dataset | None = None) -> PersonStanding:
    """Where ``person`` stands on ``date``, whatever the country: wanted, in custody (and held by whom), or with no
    warrant in force, with the warrants the rules find in force. Arguments and errors are those of :func:`assess`.

    >>> duterte = standing("Duterte", "2025-06-01")
    >>> duterte.status, duterte.held_by
    ('in custody', 'ICC')
    >>> standing("Putin", "2024-09-03").warrants_in_force
    ('putin-2023',)
    """
    data = dataset(data)
    who, day = resolve_person(data, person), day_of(date)
    return person_standing(decider_for(data), who.id, day_number(day))


def state_status(country: CountryLike, date: DateLike = None, *, data: Dataset | None = None) -> Decision:
    """The rules' decision on ``country`` alone on ``date``: what they derived about the host whoever the person
    (``"party" in decision.derived`` when the Statute binds it), with the rules that fired and their reasons.

    >>> status = state_status("Hungary", "2025-06-03")
    >>> "party" in status.derived, "status.withdrawal_pending" in status.rules
    (True, True)
    """
    data = dataset(data)
    where, day = resolve_country(country), day_of(date)
    return decider_for(data).decide(None, where.code, day_number(day))
