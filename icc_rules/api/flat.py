"""Answers as flat rows: what :func:`~icc_rules.api.assess` answers, without the reasons' texts and sources, at the
cost of a lookup per query once its interval is decided (the material of bulk answers).

A :class:`FlatAnswer` is made once per decision of the rules (a pair and an interval of days) and shared by every
query on that interval; the rules decide first-time pairs as they decide everything else, so pairs of one pattern
share a run of the engine (:mod:`icc_rules.law.decide`). Each field is the one :func:`~icc_rules.api.assess` gives
(the tests compare them on random queries).

>>> from icc_rules import shipped_data
>>> import datetime
>>> answer = flat_answers(shipped_data()).answer("Putin", "MN", datetime.date(2024, 9, 3))
>>> answer.person, answer.country, answer.verdict.value, answer.rules[-1]
('putin', 'MNG', 'duty_to_arrest', 'verdict.duty_to_arrest')
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from ..data.dataset import Dataset
from ..data.models import Person
from ..law.days import day_number
from ..law.decide import Decision, Pair, decider_for
from ..law.rules import RULES_BY_ID
from ..law.verdicts import Verdict
from ..lookup.countries import Country, resolve_country
from ..lookup.persons import resolve_person
from .queries import CountryLike, PersonLike, answers_for, on_the_day

__all__ = ["FLAT_KEPT", "FlatAnswer", "FlatAnswers", "flat_answers"]

#: How many flat answers one dataset keeps (one per pair and interval asked about) before it starts afresh: 300,000
#: random queries over every person and country ask about some 60,000.
FLAT_KEPT = 100_000


class FlatAnswer(NamedTuple):
    """The answer of :func:`~icc_rules.api.assess` as flat values: who, where, the verdict, the ids of the rules that
    fired (as ``Assessment.rules``), the warnings, and the data's version and as-of date (the day asked about is
    the caller's)."""

    person: str
    person_name: str
    country: str
    country_name: str
    verdict: Verdict
    rules: tuple[str, ...]
    warnings: tuple[str, ...]
    data_version: str
    data_as_of: datetime.date
    kept_whole: bool = True  # the same warnings every day of its interval up to as_of (no user file, no doubt)
    kept_per_run: bool = False  # else the same on every day of a run of days of its doubts up to as_of (no user file)

    @property
    def can_travel(self) -> bool:
        """True exactly when the verdict is ``no_warrant`` or ``no_duty``."""
        return self.verdict.can_travel


class _Asked:
    """A pair as asked (the person and country as written), resolved once: the rules' pair, who and where, and the
    flat answer of each interval asked about so far."""

    __slots__ = ("answers", "by_run", "country", "country_name", "pair", "person", "person_name")
    answers: dict[int, FlatAnswer]
    by_run: dict[tuple[int, int], FlatAnswer] | None  # answers with a doubt, by interval and run of days of them

    def __init__(self, pair: Pair, person: Person, country: Country) -> None:
        self.pair, self.answers, self.by_run = pair, {}, None
        self.person, self.person_name, self.country, self.country_name = (person.id, person.name, country.code,
                                                                           country.name)

    def kept(self, interval: int, number: int, day: datetime.date) -> FlatAnswer | None:
        """The answer kept for ``day`` (its day number ``number``, in ``interval``), up to the data's as-of date: the
        interval's, when nothing in it depends on the day, else the one kept for the run of days of its doubts."""
        found = self.answers.get(interval)
        if found is None or day > found.data_as_of:
            return None
        if found.kept_whole:
            return found
        if not found.kept_per_run or self.by_run is None:
            return None
        return self.by_run.get((interval, self.pair.doubts_run(number)))


class FlatAnswers:
    """The flat answers of one dataset (get it with :func:`flat_answers`), kept per pair as asked and interval of
    days: a name resolves to the same person and the rules give every day of an interval the same decision, so a
    kept answer is the one the rules give. Bounded: it starts afresh when :data:`FLAT_KEPT` answers are kept."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.decider = decider_for(data)
        self._asked: dict[tuple[object, object], _Asked] = {}
        self._count = 0
        self._rules: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each list of rules
        answers_for(data).also_forget.append(self.forget)

    def forget(self) -> None:
        """Forget every answer kept (:func:`~icc_rules.api.queries.forget` does, with the rules' decisions)."""
        self._asked.clear()
        self._count = 0

    def known(self, person: str, country: str, day: datetime.date) -> FlatAnswer | None:
        """The answer kept for this query, if one is (the fast path of bulk answers), on a day up to the data's
        as-of date; else ``None``."""
        asked = self._asked.get((person, country))
        if asked is None:
            return None
        number = day_number(day)
        return asked.kept(asked.pair.interval(number), number, day)

    def answer(self, person: PersonLike, country: CountryLike, day: datetime.date) -> FlatAnswer:
        """The answer about ``person`` in ``country`` on ``day`` (arguments and errors as for
        :func:`~icc_rules.api.assess`, the day a ``datetime.date``)."""
        key = (person, country) if type(person) is str and type(country) is str else None
        asked = self._asked.get(key) if key is not None else None
        if asked is None:
            who, where = resolve_person(self.data, person), resolve_country(country)
            asked = _Asked(self.decider.pair(who.id, where.code), who, where)
            if key is not None:
                if self._count >= FLAT_KEPT:
                    self._asked.clear()
                    self._count = 0
                self._asked[key] = asked
        number = day_number(day)
        interval = asked.pair.interval(number)
        found = asked.kept(interval, number, day)
        if found is not None:
            return found
        answer = asked.answers.get(interval)
        if answer is None:
            answer = asked.answers[interval] = self._made(asked, self.decider.decide(asked.person, asked.country,
                                                                                      number))
            self._count += 1
            if answer.kept_whole and day <= answer.data_as_of:
                return answer
        # What depends on the day (the as_of warning, a user's file or a doubt that changes the verdict) is said
        # as assess() says it; what a doubt says is kept for its run of days.
        said = on_the_day(self.data, self.decider.decide(asked.person, asked.country, number), day)
        found = answer if said is None else answer._replace(warnings=said[0])
        if answer.kept_per_run and day <= answer.data_as_of:
            if asked.by_run is None:
                asked.by_run = {}
            asked.by_run[(interval, asked.pair.doubts_run(number))] = found
            self._count += 1
        return found

    def _made(self, asked: _Asked, decision: Decision) -> FlatAnswer:
        # The rules of Assessment.rules: every rule that fired but those that say how exposed the person is.
        rules = tuple(rule for rule in decision.rules if RULES_BY_ID[rule].kind != "exposure")
        info = self.data.info
        return FlatAnswer(asked.person, asked.person_name, asked.country, asked.country_name, decision.verdict,
                          self._rules.setdefault(rules, rules), (), info.version, info.as_of,
                          not decision.user_files and not decision.doubtful,
                          not decision.user_files and decision.doubtful)


def flat_answers(data: Dataset) -> FlatAnswers:
    """The :class:`FlatAnswers` of ``data`` (made on first use, freed with the dataset)."""
    return data.attached("api.flat", lambda: FlatAnswers(data))
