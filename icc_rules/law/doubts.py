"""Doubts that can change a verdict, found by the rules.

An answer may rest on a fact that is not confirmed: a probable deposit day, a withdrawal reported by one source, two
days the sources disagree on. Whether the reader must be warned depends on whether the doubt could change the
verdict on the day asked. The rules decide that, not a guess: each such fact is taken away, or given each other
value the data records for it (:class:`~icc_rules.data.models.Alternative`: other days, or a range of days), and the
rules run again over the changed facts. A doubt under which the verdict differs is a :class:`Doubt` the answer
leads with, naming the other verdict; the others only say how sure the answer is.

The rules' answer over changed facts depends only on the pair's pattern and on where the change and the day asked
fall among the pair's dates, and is kept under those (:meth:`~icc_rules.law.decide.Decider.tried`): a doubt costs an
engine run once for every pair of a pattern, not once per pair or per question.

>>> from icc_rules.data import shipped
>>> from icc_rules.law.decide import decider_for
>>> decision = decider_for(shipped()).decide("putin", "HUN", 20260701)
>>> [(d.verdict.value, d.change) for d in changes(decision, 20260701)]
[('residual_duty', 'absent')]
"""

from __future__ import annotations

import bisect
import datetime
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..data.models import Alternative, State
from .days import day_number, from_day_number, is_day, next_day
from .facts import Fact
from .schema import FACT_TYPES
from .statute import entry_into_force
from .verdicts import Verdict

if TYPE_CHECKING:  # a decision is tried again by its decider: this module is called from it, never imports it
    from .decide import Decision, Pair

__all__ = ["Doubt", "Try", "changed_facts", "changes", "doubtful_facts", "how_sure", "run_of_days", "said_on", "tries", "warning"]

#: Facts that say who or where the question is about: a doubt about them is not whether they exist.
_IDENTITY = frozenset({"host", "person", "statute", "situation"})


@dataclass(frozen=True)
class Doubt:
    """A fact an answer rests on that is not confirmed, and what the rules answer without it or with another value.

    ``change`` is ``"absent"`` (the fact taken away) or the ISO day the fact was moved to (``field`` names which of
    its days); ``verdict`` is the rules' verdict then.
    """

    fact: Fact
    change: str
    field: str | None
    verdict: Verdict


def doubtful_facts(decision: Decision) -> tuple[Fact, ...]:
    """The facts ``decision`` rests on (through the rules that decided it, context notes aside) that are not
    confirmed, in the order of the pair's facts. Found once per decision."""
    return decision.once("_doubtful", lambda: _doubtful(decision))


def _doubtful(decision: Decision) -> tuple[Fact, ...]:
    used = decision.rests_on
    return tuple(fact for fact in _unconfirmed(decision.pair) if fact.id in used)


def _unconfirmed(pair: Pair) -> tuple[Fact, ...]:
    """The pair's facts whose record is not confirmed, in the pair's order: found once per pair."""
    return pair.once("_unconfirmed", lambda: tuple(
        fact for fact in pair.facts if fact.record is not None and fact.record.confidence != "confirmed"))


class Try(NamedTuple):
    """A change the rules try for a fact: taken away (``field`` is ``None``), or its date fields that hold ``old``
    moved to ``new`` (day numbers; ``field`` names the alternative's field)."""

    field: str | None
    old: int | None
    new: int | None


_ABSENT = Try(None, None, None)


def changes(decision: Decision, first: int, last: int | None = None) -> tuple[Doubt, ...]:
    """The doubts under which the rules give another verdict than ``decision``'s on some day from ``first`` to
    ``last`` (day numbers; ``last`` defaults to ``first``), each with that verdict (the first found, day by day)."""
    last = first if last is None else last
    found: list[Doubt] = []
    doubtful = doubtful_facts(decision)
    if not doubtful:
        return ()
    days = (first, *(day for day in _slots(decision.pair) if first < day <= last))
    for fact in doubtful:
        for attempt in tries(decision.pair, fact):
            verdict = _other_verdict(decision, fact, attempt, days)
            if verdict is not None:
                found.append(Doubt(fact=fact, change="absent" if attempt.new is None else
                                   from_day_number(attempt.new).isoformat(), field=attempt.field, verdict=verdict))
                break  # one other verdict is enough to say the fact matters
    return tuple(found)


def said_on(decision: Decision, day: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The warnings and the quiet lines of ``decision``'s doubts on ``day``. What the rules answer over a changed set
    of facts is the same on every day between two of the pair's :func:`_slots`, so what is said is kept for each
    run of days between them: asking again costs a bisect and a lookup."""
    if not doubtful_facts(decision):
        return (), ()
    slot = run_of_days(decision.pair, day)
    said: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = decision.kept("doubts_said", dict)
    found = said.get(slot)
    if found is None:
        doubts = changes(decision, day)
        found = said[slot] = (tuple(warning(doubt, decision.verdict) for doubt in doubts), how_sure(decision, doubts))
    return found


def run_of_days(pair: Pair, day: int) -> int:
    """The index of the run of days that holds ``day`` among those over which what ``pair``'s decisions say of their
    doubts stays the same (:func:`said_on`): a decision's warnings and quiet lines are the same on every day of one
    run (up to the data's as-of date)."""
    return bisect.bisect_right(_slots(pair), day)


def tries(pair: Pair, fact: Fact) -> tuple[Try, ...]:
    """Each change the rules try for ``fact`` of ``pair``: taken away when no alternative is recorded, else moved
    to each day its alternatives allow. Found once per pair and fact."""
    kept: dict[str, tuple[Try, ...]] = pair.kept("doubt_tries", dict)
    found = kept.get(fact.id)
    if found is None:
        found = kept[fact.id] = tuple(_tries(pair, fact))
    return found


def _slots(pair: Pair) -> tuple[int, ...]:
    """The days from which the rules' answer over some changed set of the pair's facts may differ from the day
    before: each of the pair's dates and the day after it (where a day's place among them changes), and each day a
    doubt moves a fact to and the day after it. Wider than needed (every changed pair's boundaries are among
    them), so that no changed pair need be made to find them."""
    def make() -> tuple[int, ...]:
        days = {*pair.dates, *(next_day(day) for day in pair.dates)}
        for fact in _unconfirmed(pair):
            if fact.record is not None and fact.record.alternatives:
                moved = [attempt.new for attempt in tries(pair, fact) if attempt.new is not None]
                days.update((*moved, *(next_day(day) for day in moved)))
        return tuple(sorted(days))
    return pair.kept("doubt_slots", make)


def _other_verdict(decision: Decision, fact: Fact, attempt: Try, days: tuple[int, ...]) -> Verdict | None:
    """The first verdict other than ``decision``'s that the rules give, with ``fact`` changed as ``attempt`` says, on
    one of ``days`` (a day of each run of days to try), or ``None``."""
    decider, pair = decision._decider, decision.pair
    # About a person, the verdict is what a doubt may change; about a host alone (no person: the verdict is always
    # no_warrant), whether the Statute binds it.
    host_alone = pair.person is None
    for day in days:
        verdict, party = decider.tried(pair, day, decision.presence, fact.id, attempt,
                                       lambda: changed_facts(pair, fact, attempt))
        if verdict is not decision.verdict or (host_alone and party != ("party" in decision.derived)):
            return verdict
    return None


def changed_facts(pair: Pair, fact: Fact, attempt: Try) -> tuple[Fact, ...]:
    """``pair``'s facts with ``fact`` changed as ``attempt`` says."""
    if attempt.new is None or attempt.old is None:
        return tuple(f for f in pair.facts if f is not fact)
    changed = _with_day(fact, attempt.old, attempt.new)
    return tuple(changed if f is fact else f for f in pair.facts)


def _tries(pair: Pair, fact: Fact) -> Iterator[Try]:
    record = fact.record
    assert record is not None
    if not record.alternatives:
        if fact.type not in _IDENTITY:
            yield _ABSENT
        return
    for alternative in record.alternatives:
        old, moved = _moved_days(record, alternative, pair)
        for new in moved:
            if old is not None and new != old:
                yield Try(alternative.field, old, new)


def _moved_days(record: Any, alternative: Alternative, pair: Pair) -> tuple[int | None, list[int]]:
    """The day the facts hold for the alternative's field, and each day it could hold instead (as the rules see
    them: a deposit moves the entry into force, by article 126)."""
    current = getattr(record, alternative.field, None)
    if not isinstance(current, datetime.date):
        return None, []
    if isinstance(record, State) and alternative.field == "deposited":
        if record.in_force is None or record.in_force != entry_into_force(current):
            return None, []  # the entry into force was not computed from this deposit: it does not move with it
        return day_number(record.in_force), list(_entries_into_force(alternative))
    return day_number(current), _telling_days(alternative, pair)


@functools.lru_cache(maxsize=256)
def _entries_into_force(alternative: Alternative) -> tuple[int, ...]:
    """The days the Statute would enter into force for each deposit day the alternative allows (article 126):
    every day of a range is tried, and the entries into force, far fewer, are kept."""
    if alternative.between is None:
        days = list(alternative.values)
    else:
        start, end = alternative.between
        days = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
    return tuple(sorted({day_number(entry_into_force(day)) for day in days}))


def _telling_days(alternative: Alternative, pair: Pair) -> list[int]:
    """The days worth trying: the recorded ones, or for a range its ends and, inside it, each date the pair names
    and the day after it. The rules only compare dates, so every other day of the range answers as one of these."""
    if alternative.between is None:
        return sorted({day_number(day) for day in alternative.values})
    start, end = day_number(alternative.between[0]), day_number(alternative.between[1])
    inside = [day for day in pair.dates if start <= day <= end]
    return sorted({start, end, *inside, *(from_next(day, end) for day in inside)})


def from_next(day: int, end: int) -> int:
    """The day after ``day``, within a range that ends on ``end``."""
    return min(day_number(from_day_number(day) + datetime.timedelta(days=1)), end)


def _with_day(fact: Fact, old: int, new: int) -> Fact:
    """``fact`` with each of its date fields that holds ``old`` holding ``new``."""
    roles = FACT_TYPES[fact.type].fields
    fields = {name: new if roles[name] == "date" and value == old and is_day(value) else value
              for name, value in fact.fields.items()}
    return Fact(id=fact.id, type=fact.type, fields=fields, record=fact.record, label=fact.label)


def warning(doubt: Doubt, current: Verdict) -> str:
    """One sentence for a reader: the fact, how sure the sources are of it, and the verdict without it.

    >>> from icc_rules.data import shipped
    >>> from icc_rules.law.decide import decider_for
    >>> decision = decider_for(shipped()).decide("putin", "HUN", 20260701)
    >>> print(warning(changes(decision, 20260701)[0], decision.verdict))
    If the reported fact "Hungary: withdrawal revoked 2026-05-29" did not hold, the answer would be: a former party's duty survives (art. 127(2)) (residual_duty), not: the host has a legal duty to arrest (duty_to_arrest).
    """
    confidence = doubt.fact.record.confidence if doubt.fact.record is not None else "unconfirmed"
    if doubt.change == "absent":
        condition = f'If the {confidence} fact "{doubt.fact.label}" did not hold'
    elif doubt.field == "deposited":  # a deposit moves the day the Statute entered into force (article 126)
        condition = (f'If the {confidence} fact "{doubt.fact.label}" held with another deposit day its sources allow, '
                     f"so that the Statute entered into force on {doubt.change}")
    else:
        condition = f'If the {confidence} fact "{doubt.fact.label}" fell on {doubt.change}, as its sources also allow'
    return (f"{condition}, the answer would be: {doubt.verdict.short} ({doubt.verdict.value}), "
            f"not: {current.short} ({current.value}).")


def how_sure(decision: Decision, doubts: tuple[Doubt, ...]) -> tuple[str, ...]:
    """The quiet lines: each record the answer rests on that is not confirmed, but whose doubt cannot change the
    verdict (those that can are ``doubts``, said as warnings), once per record."""
    changing = {id(doubt.fact.record) for doubt in doubts}
    quiet: dict[int, Fact] = {}
    for fact in doubtful_facts(decision):
        if id(fact.record) not in changing:
            quiet.setdefault(id(fact.record), fact)
    return tuple(f"Rests on a {fact.record.confidence if fact.record is not None else 'unconfirmed'} fact that "
                 f"cannot change this verdict: {fact.label}." for fact in quiet.values())
