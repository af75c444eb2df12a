"""Deciding a person in a country on a day: the rules run on the pair's facts, and each distinct case runs once.

Two things make that safe and fast:

* **Intervals.** A rule can compare the day asked about only with the fact fields it declares
  (:data:`~icc_rules.law.rules.COMPARED`, checked when the rule set is built). So a pair's answer can change only on
  the days those fields name: its *boundaries*. Between two boundaries every day gets the same answer, and the rules
  are asked once per interval.
* **Patterns.** Rules can only order dates and join keys (:mod:`icc_rules.law.schema`). So the engine's answer
  depends on the order of the dates and the pattern of the keys, not on their values: the engine is given the facts
  with every date replaced by its rank and every key by its first appearance, and its answer is kept under that
  pattern. Putin in forty states that all joined before 2023 is one pattern, decided once; each answer still names
  its own host and cites its own records, read from the real facts.

Everything kept is bounded and belongs to one dataset (:meth:`~icc_rules.data.dataset.Dataset.attached`): a dropped
dataset takes its decisions with it. Nothing is kept from a run that failed or was interrupted: a run's result is
stored only once it is complete.

>>> from icc_rules.data import shipped
>>> decider = decider_for(shipped())
>>> decision = decider.decide("putin", "ARM", 20240201)
>>> decision.verdict, decision.rules[:2]
(<Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>, ('status.party', 'warrant.in_force'))
>>> [day for day in decider.pair("putin", "ARM").boundaries if day > 20230000]
[20230317, 20240201, 20260122]
"""

from __future__ import annotations

import bisect
import datetime
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, NamedTuple, TypeVar

from ..data.dataset import TABLES, Dataset
from ..data.loading import FILES_NAMED, files_named, without_user_data
from ..data.models import Person, Sourced
from .days import day_number, from_day_number, is_day, next_day
from .doubts import Doubt, Try, changes, doubtful_facts, how_sure, run_of_days, said_on, warning
from .engine import SESSION, Run, run
from .explain import Explained, Reason, confirmed, derivations, ordered, reasons, sentence, used_ids
from .facts import Fact, host_facts, person_facts
from .pending import PendingWithdrawal, pending_withdrawals
from .rules import COMPARED, RULES_BY_ID, matchable
from .schema import FACT_TYPES, QUERY
from .verdicts import Verdict

__all__ = ["PRESENCES", "Decider", "Decision", "Held", "Pair", "Presence", "decider_for", "merged", "user_data_warning"]

T = TypeVar("T")

Presence = Literal["visit", "transit", "overflight"]
"""How the person is in the host country: staying, changing planes, or flying over it."""

PRESENCES: tuple[Presence, ...] = ("visit", "transit", "overflight")

#: How many pairs, engine results and decisions one dataset keeps (each table starts afresh when full). Every
#: person in every country fits; a run of random queries never grows past these.
PAIRS_KEPT = 25_000
RUNS_KEPT = 25_000
DECISIONS_KEPT = 40_000
REASONS_KEPT = 40_000
#: How many answers of the rules over changed facts (doubts tried, :meth:`Decider.tried`) one dataset keeps.
TRIED_KEPT = 25_000

_COMPARED_BY_TYPE: dict[str, list[tuple[str, bool]]] = {}
for _type, _field, _op in COMPARED:  # a test "field <= day" or "field > day" changes on that day; "<", ">=" a day later
    _COMPARED_BY_TYPE.setdefault(_type, []).append((_field, _op in ("$lt", "$gte")))

_DATES = {name: {field for field, role in fact_type.fields.items() if role == "date"}
          for name, fact_type in FACT_TYPES.items()}
_KEYS = {name: {field for field, role in fact_type.fields.items() if role == "key"}
         for name, fact_type in FACT_TYPES.items()}
_EVENTS = {name: [(field, template) for field, template in fact_type.events.items() if template]
           for name, fact_type in FACT_TYPES.items()}


Matched = tuple[tuple[Fact, ...], frozenset[int], frozenset[int]]
"""Facts some rule could match, the days on which an answer resting on them can change, and every day they name."""


def matched_days(facts: Iterable[Fact]) -> Matched:
    """Those of ``facts`` some rule could match (:func:`~icc_rules.law.rules.matchable`: the others, a conviction
    or a confirmation of charges, can change no answer), the days on which a comparison of theirs with the day asked
    changes, and every day they name."""
    matched = tuple(Pair.matchable(tuple(facts)))
    days: set[int] = set()
    for fact in matched:
        for name, later in _COMPARED_BY_TYPE.get(fact.type, ()):
            value = fact.fields[name]
            if is_day(value):
                days.add(next_day(value) if later else value)
    return matched, frozenset(days), frozenset(
        fact.fields[name] for fact in matched for name in _DATES[fact.type] if is_day(fact.fields[name]))


class Held(NamedTuple):
    """A person in custody on the day: who holds them and since when (the custody record the rules matched), and the
    verdict the host would owe the Court were they free: ``duty_to_arrest`` or ``residual_duty`` when the rules
    derived a duty under the custody (the ICC warrant is in force, so the custody is on other grounds), else None.

    >>> Held("Sudan", datetime.date(2019, 4, 11), Verdict.DUTY_TO_ARREST).in_words
    'held by Sudan since 2019-04-11, on other grounds (the ICC warrant is not executed)'
    """

    by: str
    since: datetime.date
    owed_if_free: Verdict | None

    @property
    def in_words(self) -> str:
        """Who holds the person and since when, in plain words."""
        grounds = ", on other grounds (the ICC warrant is not executed)" if self.owed_if_free is not None else ""
        return f"held by {self.by} since {self.since}{grounds}"


class Decided(NamedTuple):
    """A run of the rules with what every decision made from it reads: the ids of the rules that fired in the rule
    set's order, the grounds (derivations and the verdict rule), the types of fact derived, and the ids of the facts
    the verdict rests on (through every rule but the context notes; a derived fact followed back to the facts it
    came from). Made once per run: these depend only on the facts' ids, the same for every pair of the run's
    pattern."""

    run: Run
    rules: tuple[str, ...]
    grounds: tuple[str, ...]
    derived: frozenset[str]
    rests_on: frozenset[str]

    @classmethod
    def of(cls, result: Run) -> Decided:
        rules = tuple(firing.rule for firing in ordered(result.firings))
        derived_by = derivations(result.firings)
        derives = [RULES_BY_ID[rule].derives for rule in rules]
        return cls(result, _one_copy(rules),
                   _one_copy(tuple(rule for rule in rules if RULES_BY_ID[rule].kind in ("derivation", "verdict"))),
                   _one_copy(frozenset(derive.type for derive in derives if derive is not None)),
                   _one_copy(frozenset(fact_id for firing in result.firings if not RULES_BY_ID[firing.rule].context
                                       for fact_id in used_ids(firing, derived_by))))


#: One copy of each list of rules and set of facts that runs share (there are far fewer of them than runs); it starts
#: afresh when it holds RUNS_KEPT.
_COPIES: dict[Any, Any] = {}


def _one_copy(value: T) -> T:
    """The copy of ``value`` kept in :data:`_COPIES` (``value`` itself the first time)."""
    found = _COPIES.get(value)
    if found is None:
        if len(_COPIES) >= RUNS_KEPT:
            _COPIES.clear()
        found = _COPIES[value] = value
    return found


class _Kept(dict[Any, Any]):
    """A dict that starts afresh when it holds ``limit`` entries."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: Any, value: Any) -> Any:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


class _ReadOnly:
    """A class whose attributes are set once, in ``__init__`` through :meth:`_set`, and never again: decisions and
    pairs are shared by every answer that uses them."""

    __slots__ = ()

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: {name!r} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: {name!r} cannot be deleted")


class _Keeping(_ReadOnly):
    """A read-only class that keeps what the law package works out once about it, made on first use."""

    __slots__ = ()
    _kept: dict[str, Any] | None

    def once(self, slot: str, make: Callable[[], T]) -> T:
        """The value of ``slot`` (one of the class's slots, ``None`` until made), made by ``make()`` on first use:
        for what nearly every object needs, kept without a dict. Two threads may both make it: the results are
        equal, either one is kept."""
        found: T | None = getattr(self, slot)
        if found is None:
            found = make()
            self._set(**{slot: found})
        return found

    def kept(self, name: str, make: Callable[[], T]) -> T:
        """What the law package works out once about this object (the doubts it tried, say), made by ``make()`` on
        first use. Two threads may both make it: the results are equal, either one is kept."""
        kept = self._kept
        if kept is None:  # most never need it: made on first use
            kept = {}
            self._set(_kept=kept)
        found = kept.get(name)
        if found is None:
            found = kept[name] = make()
        return found


class _FactsById(_ReadOnly, Mapping[str, Fact]):
    """A pair's facts by id, read from their ids' form (``h3``: the host's fourth fact) instead of kept in a dict:
    there are tens of thousands of pairs."""

    __slots__ = ("_facts", "_hosts")
    _facts: tuple[Fact, ...]
    _hosts: int

    def __init__(self, facts: tuple[Fact, ...]) -> None:
        self._set(_facts=facts, _hosts=sum(1 for fact in facts if fact.id[0] == "h"))

    def __getitem__(self, fact_id: str) -> Fact:
        try:
            index = int(fact_id[1:]) + (self._hosts if fact_id[0] == "p" else 0)
            found = self._facts[index] if fact_id[0] in "hp" and index >= 0 else None
        except (ValueError, IndexError):
            found = None
        if found is None or found.id != fact_id:
            raise KeyError(fact_id)
        return found

    def __contains__(self, fact_id: object) -> bool:
        try:
            self[fact_id]  # type: ignore[index]
        except (KeyError, TypeError):
            return False
        return True

    def get(self, fact_id: str, default: Any = None) -> Any:  # the fast path: no exception for a miss
        if not fact_id or fact_id[0] not in "hp" or not fact_id[1:].isdigit():
            return default
        index = int(fact_id[1:]) + (self._hosts if fact_id[0] == "p" else 0)
        found = self._facts[index] if index < len(self._facts) else None
        return found if found is not None and found.id == fact_id else default

    def __iter__(self) -> Iterator[str]:
        return (fact.id for fact in self._facts)

    def __len__(self) -> int:
        return len(self._facts)


class Pair(_Keeping):
    """Every fact about one person in one host, the days on which its answer can change, and its pattern."""

    __slots__ = ("_kept", "_matched", "_pattern", "_patterns", "_unconfirmed", "boundaries", "dates", "facts", "host",
                 "host_name", "person")
    person: Person | None
    host: str
    host_name: str
    facts: tuple[Fact, ...]
    boundaries: tuple[int, ...]  # the days on which the answer can change
    dates: tuple[int, ...]  # every day a matched fact names
    _matched: tuple[Fact, ...]
    _pattern: str | None
    _patterns: _Kept
    _unconfirmed: tuple[Fact, ...] | None  # its facts not confirmed (law.doubts), found once

    def __init__(self, person: Person | None, host: str, host_name: str, facts: tuple[Fact, ...],
                 patterns: _Kept, matched: Matched | None = None) -> None:
        """``matched``, if given, is :func:`matched_days` of the pair's facts (the decider knows it per host and per
        person)."""
        self._set(person=person, host=host, host_name=host_name, facts=facts)
        found, days, dates = matched_days(facts) if matched is None else matched
        self._set(boundaries=tuple(sorted(days)), dates=tuple(sorted(dates)))
        self._set(_matched=found, _pattern=None, _patterns=patterns, _kept=None, _unconfirmed=None)

    @property
    def pattern(self) -> str:
        """The facts relabelled: pairs with the same pattern get the same answers. Made when first asked for (a pair
        with a doubt tried often needs only its boundaries)."""
        if self._pattern is None:  # two threads may both make it: the texts are equal, either one is kept
            # Each fact's fields sorted, and the session's id in each, so that a run is given this text as it is
            # (engine_text); non-ASCII as it is, as durable-rules writes what it is given.
            made = json.dumps(self._relabelled(self._matched), separators=(",", ":"), ensure_ascii=False)
            self._set(_pattern=self._patterns.get(made) or self._patterns.keep(made, made))  # one copy of each
        assert self._pattern is not None
        return self._pattern

    @staticmethod
    def matchable(facts: tuple[Fact, ...]) -> Iterator[Fact]:
        """Those of ``facts`` some rule could match."""
        return (fact for fact in facts if matchable(fact.type, fact.fields))

    @property
    def by_id(self) -> Mapping[str, Fact]:
        """The pair's facts by id."""
        return _FactsById(self.facts)

    @property
    def person_name(self) -> str:
        return self.person.name if self.person is not None else ""

    def interval(self, day: int) -> int:
        """The index of the interval that holds ``day``: 0 before the first boundary, ``i`` from boundary ``i - 1``."""
        return bisect.bisect_right(self.boundaries, day)

    def doubts_run(self, day: int) -> int:
        """The index of the run of days that holds ``day`` among those over which what each decision of the pair
        says of its doubts stays the same (:func:`~icc_rules.law.doubts.run_of_days`)."""
        return run_of_days(self, day)

    def _rank(self, day: int) -> int:
        """``day``'s place among the pair's dates: ``2(i+1)`` on the i-th date, odd between two dates."""
        index = bisect.bisect_left(self.dates, day)
        return 2 * (index + 1) if index < len(self.dates) and self.dates[index] == day else 2 * index + 1

    def _relabelled(self, matched: tuple[Fact, ...]) -> list[dict[str, Any]]:
        rank = {day: 2 * (index + 1) for index, day in enumerate(self.dates)}
        keys: dict[Any, str] = {}
        relabelled = []
        for fact in matched:
            shown: dict[str, Any] = {"sid": SESSION}
            for name, role, value in fact.engine_items:
                if role == "date":
                    value = rank.get(value, value)  # NEVER and OPEN_START stay what they are
                elif role == "key":
                    value = keys.setdefault(value, f"k{len(keys)}")
                shown[name] = value
            relabelled.append(shown)
        return relabelled

    def engine_facts(self, day: int, presence: Presence) -> list[dict[str, Any]]:
        """Every fact of the pair as it is (matchable or not, dates as day numbers), the query for ``day`` last: what
        a run afresh is given (:meth:`Decider.run_afresh`)."""
        return [*({"id": f.id, "t": f.type, **f.engine_fields()} for f in self.facts),
                {"id": "query", "t": QUERY, "date": day, "presence": presence}]

    def engine_text(self, day: int, presence: Presence) -> str:
        """The facts a kept run on ``day`` is given, as the JSON text the engine reads: the pattern (the matchable
        facts relabelled, each naming the session) with the query added, its day as ranked among the pair's dates,
        so that a run neither decodes nor encodes the facts again.

        >>> from icc_rules.data import shipped
        >>> pair = decider_for(shipped()).pair("putin", "MNG")
        >>> facts = json.loads(pair.engine_text(20240903, "visit"))
        >>> facts[:-1] == json.loads(pair.pattern), facts[-1] == {
        ...     "id": "query", "t": QUERY, "date": pair._rank(20240903), "presence": "visit", "sid": SESSION}
        (True, True)
        """
        query = json.dumps({"id": "query", "t": QUERY, "date": self._rank(day), "presence": presence,
                            "sid": SESSION}, separators=(",", ":"))
        return f"{self.pattern[:-1]},{query}]" if len(self.pattern) > 2 else f"[{query}]"

    def events_on(self, day: int) -> tuple[str, ...]:
        """What happened on ``day`` among the pair's facts, as timelines name it (empty if nothing did)."""
        texts: dict[str, None] = {}
        for fact in self.facts:
            fields = fact.fields
            for name, template in _EVENTS[fact.type]:
                if fields[name] == day:
                    text = sentence(template.format(**fields, host=self.host_name, person=self.person_name), capital=False)
                    if text:
                        texts[text] = None
        return tuple(texts)


class Decision(_Keeping):
    """What the rules decided for a pair on an interval of days: the verdict, the exposure, the rules that fired,
    and (built when first read) the reasons, the warnings and whether every fact it rests on is confirmed.

    >>> from icc_rules import decide
    >>> decision = decide("Putin", "Armenia", "2024-02-01")
    >>> decision.verdict.value, decision.exposure, "party" in decision.derived, decision.confirmed
    ('duty_to_arrest', 'at_risk', True, True)
    """

    __slots__ = ("_decided", "_decider", "_doubtful", "_explained", "_kept", "interval", "pair", "presence")
    _decider: Decider
    pair: Pair
    interval: int
    presence: Presence
    _decided: Decided
    _explained: tuple[tuple[Reason, ...], bool] | None
    _doubtful: tuple[Fact, ...] | None  # the facts it rests on that are not confirmed (law.doubts), found once
    _kept: dict[str, Any] | None

    def __init__(self, decider: Decider, pair: Pair, interval: int, presence: Presence, decided: Decided) -> None:
        self._set(_decider=decider, pair=pair, interval=interval, presence=presence, _decided=decided,
                  _explained=None, _doubtful=None, _kept=None)

    @property
    def run(self) -> Run:
        """The run of the rules this decision comes from (its firings name the facts by id)."""
        return self._decided.run

    @property
    def verdict(self) -> Verdict:
        return self.run.verdict

    @property
    def exposure(self) -> str:
        """``at_risk``, ``if_landing`` or ``free`` (:data:`~icc_rules.law.vocabulary.Exposure`)."""
        return self.run.exposure

    @property
    def rules(self) -> tuple[str, ...]:
        """The ids of the rules that fired, in the rule set's order (exposure rules included)."""
        return self._decided.rules

    @property
    def grounds(self) -> tuple[str, ...]:
        """The rules that decided: the derivations and the verdict rule (notes, which never change a verdict, and
        exposure aside), in the rule set's order."""
        return self._decided.grounds

    @property
    def rests_on(self) -> frozenset[str]:
        """The ids of the pair's facts the verdict rests on (context notes aside)."""
        return self._decided.rests_on

    @property
    def derived(self) -> frozenset[str]:
        """The types of the facts the rules derived (``party``, ``wanted``, ``duty`` ...)."""
        return self._decided.derived

    @property
    def held(self) -> Held | None:
        """Who holds the person, since when, and what the host would owe were they free, when the verdict is
        ``in_custody``; None otherwise. Custody outranks the host's duty, but the rules still derive that duty: it
        is the strongest verdict below custody whose establishing fact they derived, if it owes an arrest.

        >>> from icc_rules import decide
        >>> decide("al-Bashir", "Mongolia", "2024-09-03").held  # doctest: +NORMALIZE_WHITESPACE
        Held(by='Sudan', since=datetime.date(2019, 4, 11), owed_if_free=<Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>)
        >>> decide("Putin", "Mongolia", "2024-09-03").held is None
        True
        """
        if self.verdict is not Verdict.IN_CUSTODY:
            return None
        custody = next(firing for firing in self.run.firings if firing.rule == "custody.detained")
        fields = self.pair.by_id[custody.fact("c")].fields
        owed = next((verdict for verdict in Verdict
                     if verdict.owes_arrest and verdict.meaning.established_by in self.derived), None)
        return Held(fields["held_by_name"], from_day_number(fields["start"]), owed)

    def doubts(self, first: datetime.date, last: datetime.date | None = None) -> tuple[Doubt, ...]:
        """The doubts (facts not confirmed) under which the rules give another verdict on some day from ``first``
        to ``last`` (days of this decision's interval; ``last`` defaults to ``first``): :mod:`~icc_rules.law.doubts`.

        >>> import datetime
        >>> from icc_rules import decide
        >>> july = datetime.date(2026, 7, 1)
        >>> [(d.change, d.verdict.value) for d in decide("Putin", "Hungary", july).doubts(july)]
        [('absent', 'residual_duty')]
        """
        return changes(self, day_number(first), None if last is None else day_number(last))

    @property
    def doubtful(self) -> bool:
        """True when the verdict rests on a fact that is not confirmed (context aside): whether that doubt can
        change it is said day by day (:meth:`doubts`)."""
        return bool(doubtful_facts(self))

    def said_of_doubts(self, first: datetime.date, last: datetime.date | None = None
                       ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What the answer says of its doubts from ``first`` to ``last``: a warning for each doubt that changes the
        verdict (the fact, how sure the sources are of it, and the other verdict), and a quiet "how sure" line for
        each record not confirmed whose doubt cannot change it. For one day, kept for every day on which no changed
        fact's day falls between (:func:`~icc_rules.law.doubts.said_on`)."""
        if last is None or last == first:
            return said_on(self, day_number(first))
        doubts = self.doubts(first, last)
        return tuple(warning(doubt, self.verdict) for doubt in doubts), how_sure(self, doubts)

    def sure(self, first: datetime.date, last: datetime.date | None = None) -> bool:
        """True when no recorded doubt can change the verdict from ``first`` to ``last`` (``last`` defaults to
        ``first``) and no user's file touches the answer: what the map's "not confirmed" mark and an answer's
        ``confirmed`` say. A fact that is not confirmed but cannot change the verdict leaves it sure.

        >>> import datetime
        >>> from icc_rules import decide
        >>> day = datetime.date(2024, 9, 3)
        >>> decide("Putin", "Estonia", day).sure(day), decide("Putin", "Gambia", day).sure(day)
        (True, False)
        """
        if self._decider.user_files(self.pair):
            return False
        if last is None or last == first:  # one day: what the doubts say is kept for its run of days
            return not said_on(self, day_number(first))[0]
        return not self.doubts(first, last)

    @property
    def host_status(self) -> tuple[str, ...]:
        """The rules that fired about the host's standing under the Statute (a party, a withdrawal, a territory), in
        the rule set's order.

        >>> from icc_rules import state_status
        >>> state_status("Hungary", "2025-06-03").host_status
        ('status.party', 'status.withdrawal_pending')
        """
        return tuple(rule for rule in self.rules if RULES_BY_ID[rule].topic == "status")

    @property
    def pending_withdrawals(self) -> tuple[PendingWithdrawal, ...]:
        """The withdrawals notified but not yet in effect on this decision's days (rule
        ``status.withdrawal_pending``), each with the day it takes effect: :mod:`~icc_rules.law.pending`.

        >>> from icc_rules import state_status
        >>> [p.in_words for p in state_status("Hungary", "2025-06-03").pending_withdrawals]
        ['withdrawal notified on 2025-06-02, takes effect on 2026-06-02 unless revoked']
        """
        if "status.withdrawal_pending" not in self.rules:  # most decisions: nothing pending, nothing to keep
            return ()
        return self.kept("pending", lambda: pending_withdrawals(ordered(self.run.firings), self.pair.by_id))

    @property
    def presence_reasons(self) -> tuple[Reason, ...]:
        """The reasons about how the person is in the host: changing planes, or flying over it."""
        return tuple(reason for reason in self.reasons if RULES_BY_ID[reason.rule].topic == "presence")

    def _explanation(self) -> tuple[tuple[Reason, ...], bool]:
        if self._explained is None:  # two threads may both build it: the results are equal, either one is kept
            made = reasons(self.run.firings, self.pair.by_id, self.pair.host_name, self.pair.person_name,
                           self._decider.explained)
            self._set(_explained=(made, confirmed(made) and not self._decider.user_files(self.pair)))
        assert self._explained is not None
        return self._explained

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """A :class:`~icc_rules.law.explain.Reason` for every rule that fired, in the rule set's order."""
        return self._explanation()[0]

    @property
    def confirmed(self) -> bool:
        """True when every fact the verdict rests on is confirmed and shipped (context aside)."""
        return self._explanation()[1]

    @property
    def user_files(self) -> tuple[str, ...]:
        """The user's files that added, replaced or removed something said of this person or this host: the
        decision rests on them (or on the absence of a shipped record one of them replaced)."""
        return tuple(self._decider.user_files(self.pair))

    def without_user_data(self, first: datetime.date, last: datetime.date | None = None
                          ) -> tuple[tuple[datetime.date, Verdict], ...] | None:
        """The verdicts the rules give from ``first`` to ``last`` (default: ``first``) on the data without the user's
        files this decision rests on, each with its first day; ``None`` when no user's file touches it or no
        comparison can be made (:meth:`Decider.without_user_data`)."""
        if not self.user_files:
            return None
        without = self._decider.without_user_data(self.pair, day_number(first), day_number(last or first),
                                                  self.presence)
        return None if without is None else tuple((from_day_number(day), verdict) for day, verdict in without)

    def user_data_warning(self, first: datetime.date, last: datetime.date | None = None) -> str | None:
        """The warning this decision carries from ``first`` to ``last`` (days of its interval; ``last`` defaults to
        ``first``) when the user's files change its verdict on some of those days: it names the files and the
        verdict the rules give without them. ``None`` when no user's file touches it or none changes it."""
        if last is None or last == first:
            return self._decider.user_data_warning(self, day_number(first))
        touched = self._decider.user_files(self.pair)
        if not touched:
            return None
        without = self._decider.without_user_data(self.pair, day_number(first), day_number(last), self.presence)
        return user_data_warning(touched, ((day_number(first), self.verdict),), without)


class Decider:
    """The decisions made for one dataset, bounded; get the one for a dataset with :func:`decider_for`."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self._person_facts: dict[str, tuple[Fact, ...]] = {}
        self._host_facts: dict[str, tuple[Fact, ...]] = {}
        self._matchable: dict[int, tuple[tuple[Fact, ...], Matched]] = {}  # by the facts of a host or person
        self._patterns = _Kept(RUNS_KEPT)
        self._pairs = _Kept(PAIRS_KEPT)
        self._tried = _Kept(TRIED_KEPT)
        self._runs = _Kept(RUNS_KEPT)
        self._decisions = _Kept(DECISIONS_KEPT)
        self._user_warnings = _Kept(DECISIONS_KEPT)
        self._origins = _record_origins(data)
        self.explained = Explained(self.origin_of, REASONS_KEPT)

    def forget(self) -> None:
        """Forget every run and decision, so that the rules decide afresh (tests and benchmarks use this); the facts
        and pairs, which are translations of the records, are kept."""
        self._runs.clear()
        self._tried.clear()
        self._decisions.clear()
        self._user_warnings.clear()

    @property
    def kept(self) -> dict[str, int]:
        """How many pairs, patterns, runs, doubts tried and decisions are kept now."""
        return {"pairs": len(self._pairs), "patterns": len(self._patterns), "runs": len(self._runs),
                "doubts tried": len(self._tried), "decisions": len(self._decisions)}

    def origin_of(self, record: Sourced) -> str:
        """Where a record came from: ``"shipped"``, or the user's file."""
        return self._origins.get(id(record), "shipped")

    def user_files(self, pair: Pair) -> dict[str, list[str]]:
        """The user's files that added, replaced or removed something said of the pair's person, its host (or the
        state responsible for it) or the situations of the person's warrants (``Dataset.user_data``), each with
        what it concerns."""
        touched = self.data.user_data
        if not touched:
            return {}
        host = next(fact for fact in pair.facts if fact.type == "host").fields
        subjects = {f"host:{host['code']}": host["name"], f"host:{host['responsible']}": host["responsible_name"]}
        if pair.person is not None:
            subjects[f"person:{pair.person.id}"] = pair.person.name
            subjects |= {f"situation:{w.situation}": f"the situation {w.situation}" for w in pair.person.warrants}
        found: dict[str, list[str]] = {}
        for key, subject in subjects.items():
            for file in touched.get(key, ()):
                if subject not in found.setdefault(file, []):
                    found[file].append(subject)
        return found

    @property
    def base(self) -> Decider | None:
        """The decider of the data the user's files were loaded over (``None`` when there are none, or when that
        data cannot be loaded alone)."""
        base = without_user_data(self.data)
        return None if base is None else decider_for(base)

    def without_user_data(self, pair: Pair, first: int, last: int, presence: Presence = "visit"
                          ) -> tuple[tuple[int, Verdict], ...] | None:
        """The verdicts the rules give for the pair from ``first`` to ``last`` on the data without the user's
        files, each with the first day it holds (neighbours never share a verdict); ``None`` when that cannot be
        said: no such data, a question about a host alone, or a person the data without the files does not know."""
        base = self.base
        if base is None or pair.person is None or not base.knows(pair.person.id):
            return None
        return merged((day, decision.verdict)
                      for day, decision in base.spans(pair.person.id, pair.host, first, last, presence))

    def knows(self, person_id: str) -> bool:
        """True when the dataset holds a person with this id."""
        try:
            self.data.person(person_id)
        except KeyError:
            return False
        return True

    def user_data_warning(self, decision: Decision, day: int) -> str | None:
        """:meth:`Decision.user_data_warning` for one day, kept per interval of the decision and of the data without
        the user's files (a query's answer with user data costs a lookup, not a run, the second time)."""
        base = self.base
        person = decision.pair.person
        base_interval = (base.pair(person.id, decision.pair.host).interval(day)
                         if base is not None and person is not None and base.knows(person.id) else None)
        key = (None if person is None else person.id, decision.pair.host, decision.interval, decision.presence,
               base_interval)
        found: tuple[str | None] | None = self._user_warnings.get(key)
        if found is None:
            touched = self.user_files(decision.pair)
            without = self.without_user_data(decision.pair, day, day, decision.presence) if touched else None
            found = self._user_warnings.keep(
                key, (user_data_warning(touched, ((day, decision.verdict),), without) if touched else None,))
        return found[0]

    def pair(self, person_id: str | None, host: str) -> Pair:
        """The pair of ``person_id`` (``None``: nobody, for questions about the host alone) and ``host``."""
        found: Pair | None = self._pairs.get((person_id, host))
        if found is None:
            of_person: tuple[Fact, ...] = ()
            if person_id is not None:
                of_person = self._person_facts.get(person_id) or self._person_facts.setdefault(
                    person_id, person_facts(self.data, person_id))
            of_host = self._host_facts.get(host)
            if of_host is None:
                of_host = self._host_facts[host] = host_facts(self.data, host)
            host_fact = next(fact for fact in of_host if fact.type == "host")
            person = None if person_id is None else self.data.person(person_id)
            (host_matched, host_days, host_dates), (person_matched, person_days, person_dates) = (
                self._matched(of_host), self._matched(of_person))
            found = self._pairs.keep((person_id, host), Pair(
                person, host, host_fact.fields["name"], (*of_host, *of_person), self._patterns,
                ((*host_matched, *person_matched), host_days | person_days, host_dates | person_dates)))
        return found

    def _matched(self, facts: tuple[Fact, ...]) -> Matched:
        """:func:`matched_days` of the facts of a host or a person, found once for all their pairs."""
        found = self._matchable.get(id(facts))
        if found is None or found[0] is not facts:
            found = self._matchable[id(facts)] = (facts, matched_days(facts))
        return found[1]

    def decide(self, person_id: str | None, host: str, day: int, presence: Presence = "visit") -> Decision:
        """The rules' decision on ``person_id`` in ``host`` (alpha-3) on ``day`` (a day number)."""
        pair = self.pair(person_id, host)
        interval = pair.interval(day)
        key = (person_id, host, interval, presence)
        found: Decision | None = self._decisions.get(key)
        if found is None or found.pair is not pair:
            found = self._decisions.keep(key, Decision(self, pair, interval, presence,
                                                       self._decided(pair, interval, day, presence)))
        return found

    def _decided(self, pair: Pair, interval: int, day: int, presence: Presence) -> Decided:
        """The run for the pair's ``interval`` (which holds ``day``): kept under the pair's pattern."""
        # Any day of the interval gives the same answer; its first day gives the most shared pattern.
        representative = pair.boundaries[interval - 1] if interval else day
        run_key = (pair.pattern, presence, pair._rank(representative))
        decided: Decided | None = self._runs.get(run_key)
        if decided is None:
            decided = self._runs.keep(run_key, Decided.of(run(pair.engine_text(representative, presence))))
        return decided

    def tried(self, pair: Pair, day: int, presence: Presence, fact_id: str, attempt: Try,
              facts: Callable[[], tuple[Fact, ...]]) -> tuple[Verdict, bool]:
        """The verdict the rules give on ``day`` over ``pair``'s facts changed as ``attempt`` says for the fact
        ``fact_id`` (:mod:`~icc_rules.law.doubts`), and whether they derive that the Statute binds the host; the
        changed facts are made by ``facts()`` when the rules must run.

        Kept under the pair's pattern, the fact's id and the places of the day asked and of the change's days among
        the pair's dates (and the order of the two new days): the rules only order dates, so these give the changed
        facts' pattern, and every pair of a pattern shares the answer."""
        old = new = order = None
        if attempt.new is not None and attempt.old is not None:
            old, new, order = pair._rank(attempt.old), pair._rank(attempt.new), (attempt.new > day) - (attempt.new < day)
        key = (pair.pattern, presence, pair._rank(day), fact_id, old, new, order)
        found: tuple[Verdict, bool] | None = self._tried.get(key)
        if found is None:
            decided = self.decided_for(Pair(pair.person, pair.host, pair.host_name, facts(), self._patterns), day,
                                       presence)
            found = self._tried.keep(key, (decided.run.verdict, "party" in decided.derived))
        return found

    def decided_for(self, pair: Pair, day: int, presence: Presence = "visit") -> Decided:
        """The rules' run for any pair, a changed one included, on ``day``."""
        return self._decided(pair, pair.interval(day), day, presence)

    def spans(self, person_id: str, host: str, first: int, last: int, presence: Presence = "visit"
              ) -> Iterator[tuple[int, Decision]]:
        """The decision on each interval from ``first`` to ``last`` (day numbers), with its first day in the range."""
        pair = self.pair(person_id, host)
        for day in (first, *(b for b in pair.boundaries if first < b <= last)):
            yield day, self.decide(person_id, host, day, presence)

    def run_afresh(self, person_id: str | None, host: str, day: int, presence: Presence = "visit") -> Run:
        """A run of the rules on the pair's facts as they are, on ``day`` itself: no interval, no pattern, nothing
        kept. What every kept decision must agree with (the tests compare them)."""
        pair = Pair(None if person_id is None else self.data.person(person_id), host, "",
                    (*self._host_facts.get(host, host_facts(self.data, host)),
                     *(() if person_id is None else person_facts(self.data, person_id))), _Kept(1))
        return run(pair.engine_facts(day, presence))


def merged(runs: Iterable[tuple[int, Verdict]]) -> tuple[tuple[int, Verdict], ...]:
    """Runs of verdicts, each with its first day, with neighbours of the same verdict merged.

    >>> merged([(1, Verdict.NO_DUTY), (5, Verdict.NO_DUTY), (9, Verdict.DUTY_TO_ARREST)])
    ((1, <Verdict.NO_DUTY: 'no_duty'>), (9, <Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>))
    """
    found: list[tuple[int, Verdict]] = []
    for day, verdict in runs:
        if not found or found[-1][1] != verdict:
            found.append((day, verdict))
    return tuple(found)


def user_data_warning(touched: Mapping[str, Sequence[str]], verdicts: Iterable[tuple[int, Verdict]],
                      without: tuple[tuple[int, Verdict], ...] | None) -> str | None:
    """The one warning an answer carries when the user's files it rests on (``touched``: each file with what it
    changes the data about) change its ``verdicts`` (runs, each with its first day): it names the files, in one line
    however many, and the verdict without them. ``without`` is :meth:`Decider.without_user_data`'s answer for the
    same days; ``None`` when no comparison can be made, which is warned of too.

    >>> touched = {"what-if.toml": ["South Africa"]}
    >>> user_data_warning(touched, [(20230822, Verdict.NO_DUTY)], ((20230822, Verdict.DUTY_TO_ARREST),))
    'rests on user data: what-if.toml changes what the data says about South Africa, and the verdict: without it, must arrest'
    >>> user_data_warning(touched, [(20230822, Verdict.NO_DUTY)], ((20230822, Verdict.NO_DUTY),)) is None
    True
    """
    if without is not None and merged(verdicts) == without:
        return None
    files = list(touched)
    subjects = list(dict.fromkeys(subject for found in touched.values() for subject in found))
    about = ", ".join(subjects[:FILES_NAMED]) + (f" and {len(subjects) - FILES_NAMED} more" if len(subjects) > FILES_NAMED else "")
    said = f"rests on user data: {files_named(files)} change{'s' * (len(files) == 1)} what the data says about {about}"
    them = "it" if len(files) == 1 else "them"
    if without is None:
        return f"{said}; the answer cannot be compared with the data without {them} (the person is not in it, or it cannot be loaded alone)"
    verdicts_without = [verdict.label if index == 0 else f"{verdict.label} from {from_day_number(day)}"
                        for index, (day, verdict) in enumerate(without)]
    return f"{said}, and the verdict: without {them}, {', then '.join(verdicts_without)}"


def _record_origins(data: Dataset) -> dict[int, str]:
    """Maps every record (and every record nested in it) that came from a user's file to that file: one pass."""
    origins: dict[int, str] = {}
    if not data.origins:
        return origins
    for table, (_, key, _) in TABLES.items():
        for record in data.records(table):
            origin = data.origins.get((table, getattr(record, key)))
            if origin is not None:
                for nested in _walk(record):
                    origins[id(nested)] = origin
    return origins


def _walk(record: Any) -> Iterator[Any]:
    yield record
    if isinstance(record, Person) and record.death is not None:  # the death is a record of its own to the rules
        yield record.death
    for value in vars(record).values():
        if isinstance(value, tuple):
            for item in value:
                if isinstance(item, Sourced):
                    yield from _walk(item)


def decider_for(data: Dataset) -> Decider:
    """The :class:`Decider` of ``data``: made on first use, kept with the dataset, freed with it."""
    return data.attached("law.decider", lambda: Decider(data))


