"""Running the rule set on durable-rules, so that every run is complete or an error.

durable-rules has sharp edges (see ``docs/architecture.md``; the few of its internals this needs are reached in
:mod:`icc_rules.law._durable` only): its default host runs background threads that can
answer a query themselves or read freed state, first use is lazy and unlocked, exceptions in rule actions are
swallowed (``KeyboardInterrupt`` included, after which the run "completes" with the remaining rules never fired), an
unmatched fact raises, and sessions are capped. This module hides all of it:

* one host per process, without background threads, with the rule set registered and warmed at import;
* rule actions that never swallow anything: an exception raised inside the engine, ``BaseException`` included,
  reaches the caller after the session is deleted, and nothing of the run is returned;
* signals held back while the engine runs (a Ctrl-C or a timer arriving then is raised the moment the run is over,
  as its own exception, and the run's result is dropped), and a query made from inside a running query (a signal
  handler, say) refused with an error instead of a deadlock;
* one lock around each run, held across ``fork`` and re-created in the child;
* one session per run (a fixed id), deleted afterwards, so runs never see each other's facts;
* a catch-all rule that observes every fact, and a unique ``id`` on every fact;
* a run that does not reach exactly one verdict and one exposure is an error.

Each run asserts the facts with the query last (stage 1), then the stage-2 fact, then the ``decide`` fact (stage 3):
every stage is complete before the next begins (:mod:`icc_rules.law.rules`).

>>> result = run([{"id": "q", "t": "query", "date": 20240903, "presence": "visit"}])
>>> result.verdict, [firing.rule for firing in result.firings]
(<Verdict.NO_WARRANT: 'no_warrant'>, ['verdict.no_warrant', 'exposure.free'])
"""

from __future__ import annotations

import _signal  # the C functions behind ``signal``: its pthread_sigmask wrapper turns every result into enums, slowly
import contextlib
import itertools
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from sys import intern as _intern
from typing import Any, NamedTuple

from ..errors import EngineError
from . import _durable
from .rules import DECIDE, RULES, STAGE, Rule
from .verdicts import Verdict

__all__ = ["SESSION", "Firing", "Run", "run"]

RULESET_NAME = "icc_rules"
SESSION = "query"
_SINK = "engine.sink"


class Firing(NamedTuple):
    """A rule that fired: its id, the id of the fact matched under each alias, and the id of the fact it derived."""

    rule: str
    facts: tuple[tuple[str, str], ...]
    derived: str | None = None

    def fact(self, alias: str) -> str:
        """The id of the fact matched as ``alias``."""
        return next(fact_id for name, fact_id in self.facts if name == alias)


class Run(NamedTuple):
    """What one run of the rules found: the rules that fired in order, the verdict and the exposure outcome."""

    firings: tuple[Firing, ...]
    verdict: Verdict
    exposure: str


class _Query:
    """The record of one running query: the rules that fired, and the verdicts and outcomes they reached."""

    def __init__(self) -> None:
        self.firings: list[Firing] = []
        self.verdicts: list[Verdict] = []
        self.outcomes: list[str] = []
        self.counter = itertools.count()


class _Action:
    """A rule's action, run by :mod:`~icc_rules.law._durable`'s loop of actions in place of durable-rules' own
    wrapper (which swallows exceptions): anything raised here, ``KeyboardInterrupt`` included, leaves the engine and
    reaches :func:`run`."""

    __slots__ = ("rule",)

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def __call__(self, closure: _durable.Closure) -> None:
        query = _current
        if query is None:  # only the warm-up and runs of this module assert facts
            raise EngineError(f"rule {self.rule.id} fired outside a run")
        rule = self.rule
        matched = closure.matched
        derived = None
        if rule.verdict is not None:
            query.verdicts.append(rule.verdict)
            # The decide fact: no other verdict rule can fire now.
            closure.retract_fact(_DECIDE if matched["v"] == _DECIDE_FACT else dict(matched["v"]))
        if rule.outcome is not None:
            query.outcomes.append(rule.outcome)
        if rule.derives is not None:
            derived = f"{rule.derives.type}#{next(query.counter)}"
            fact = {"id": derived, "sid": SESSION, "t": rule.derives.type, **rule.derives.constants}
            for name, source in rule.derives.fields.items():
                alias, _, source_field = source.partition(".")
                fact[name] = matched[alias][source_field]
            closure.assert_fact(fact)
        # The aliases and ids are a few short strings that recur in every run: one copy of each is kept.
        query.firings.append(Firing(rule.id, tuple((_intern(alias), _intern(str(content["id"])))
                                                   for alias, content in matched.items()),
                                    None if derived is None else _intern(derived)))


def _definition() -> dict[str, Any]:
    rules: dict[str, Any] = {rule.id: {**rule.definition(), "run": lambda closure: None} for rule in RULES}
    # Observes every fact so that none is "unhandled"; never fires (no fact of type __never__ exists).
    rules[_SINK] = {"all": [{"any": {"$ex": {"id": 1}}}, {"never": {"t": "__never__"}}], "run": lambda c: None}
    return rules


_host = _durable.quiet_host()
_host.register_rulesets({RULESET_NAME: _definition()})
_ruleset = _host.get_ruleset(RULESET_NAME)
#: Each rule's action, by rule id; the catch-all rule never fires.
_ACTIONS: dict[str, _durable.Action] = {rule.id: _Action(rule) for rule in RULES}

_current: _Query | None = None
_lock = threading.Lock()
#: The threads inside :func:`run` (from its first check to its last step): a query from one of them is refused.
_inside: set[int] = set()
_MAIN_THREAD = threading.main_thread().ident

#: The signals held back while the engine runs: every one a process can block, but those that report a fault in
#: the process itself (which cannot wait).
_HELD = frozenset(signal.valid_signals()) - {
    getattr(signal, name) for name in ("SIGKILL", "SIGSTOP", "SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGABRT",
                                       "SIGTRAP", "SIGSYS") if hasattr(signal, name)
} if hasattr(signal, "pthread_sigmask") else frozenset()
#: The signals whose Python handler :func:`_handlers_deferred` may stand in for.
_HANDLEABLE: tuple[int, ...] = tuple(sorted(_HELD or signal.valid_signals()))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back signals in this thread at the kernel; on leaving, those that arrived are delivered to it.

    This is enough in a process of one thread. With other threads alive (a thread pool, a notebook kernel, C
    libraries' threads), the kernel gives the signal to another thread, and Python then runs its handler in the main
    thread at the next instruction: :func:`_handlers_deferred` covers that case.
    """
    if not _HELD:
        yield
        return
    previous = _signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        _signal.pthread_sigmask(signal.SIG_SETMASK, previous)


#: The handler calls put off by the run under way in the main thread, in order of arrival; ``None`` outside a run.
_deferred: list[tuple[Callable[[int, Any], Any], int]] | None = None


class _Deferring:
    """Stands in for a Python signal handler while the main thread is inside the engine: the call is recorded and
    made when the run is over. Outside a run it is the handler itself (it is left installed only when restoring the
    handlers was cut short by another handler's exception)."""

    __slots__ = ("handler",)

    def __init__(self, handler: Callable[[int, Any], Any]) -> None:
        self.handler = handler

    def __call__(self, signum: int, frame: Any) -> Any:
        if _deferred is None:
            return self.handler(signum, frame)
        _deferred.append((self.handler, signum))
        return None


@contextlib.contextmanager
def _handlers_deferred() -> Iterator[None]:
    """In the main thread, where Python runs every signal handler, put off the handlers' calls until the block is
    left: a handler can then neither raise inside durable-rules (which would catch its exception, print it and
    leave the session half done) nor query the engine while this thread holds it.

    Replacing a handler may run handlers of signals already pending (``signal.signal`` checks them first): an
    exception of theirs leaves the block as it is, with every handler already replaced put back.
    """
    global _deferred
    if threading.get_ident() != _MAIN_THREAD:  # Python runs signal handlers only in the main thread
        yield
        return
    deferred: list[tuple[Callable[[int, Any], Any], int]] = []
    _deferred = deferred
    replaced: list[tuple[int, Callable[[int, Any], Any]]] = []
    try:
        for signum in _HANDLEABLE:
            handler = _signal.getsignal(signum)
            if callable(handler) and not isinstance(handler, _Deferring):
                _signal.signal(signum, _Deferring(handler))
                replaced.append((signum, handler))
        yield
    finally:
        try:
            for signum, handler in replaced:
                _signal.signal(signum, handler)
        finally:
            _deferred = None
            _deliver(deferred)


def _deliver(calls: list[tuple[Callable[[int, Any], Any], int]]) -> None:
    """Make the handler calls that were put off, in order; if one raises, the signals still to deliver are sent to
    this thread again (they arrive once its signals are no longer held), as Python does with pending signals."""
    for index, (handler, signum) in enumerate(calls):
        try:
            handler(signum, sys._getframe(1))
        except BaseException:
            for _, later in calls[index + 1:]:
                signal.pthread_kill(threading.get_ident(), later)
            raise


# The facts every run asserts, written as JSON once.
_STAGE_2 = json.dumps({"id": "stage:2", "sid": SESSION, "t": STAGE, "n": 2})
_DECIDE_FACT = {"id": DECIDE, "sid": SESSION, "t": DECIDE}
_DECIDE = json.dumps(_DECIDE_FACT)


def run(facts: Sequence[Mapping[str, Any]] | str) -> Run:
    """Assert ``facts`` (the query fact last) in a fresh session, run the three stages, clean up, and return what
    the rules found. ``facts`` may be given as their JSON text, an array in which each fact names the session
    (``"sid": SESSION``): it is asserted as it is.

    Thread-safe. Raises :class:`~icc_rules.errors.EngineError` if the engine fails, if the run does not reach exactly
    one verdict and one exposure, or if this thread is already inside a run (a signal handler or a callback asking
    during a query). Signal handlers do not run inside the engine: a signal arriving during a run is handled right
    after it, and an exception its handler raises (``KeyboardInterrupt``, a timeout) reaches the caller as it is.
    Either way, nothing of the run is returned.
    """
    me = threading.get_ident()
    if me in _inside:
        raise EngineError("a query was made while another query of the same thread was inside the rules engine "
                          "(from a signal handler or a callback?): make it after the first one returns")
    try:
        _inside.add(me)
        with _signals_held(), _handlers_deferred(), _lock:
            query = _session(facts)
    finally:
        _inside.discard(me)
    if len(query.verdicts) != 1 or len(query.outcomes) != 1:
        raise EngineError(f"the rules reached {len(query.verdicts)} verdict(s) and {len(query.outcomes)} exposure "
                          "outcome(s) instead of one each (please report this as a bug)")
    return Run(tuple(query.firings), query.verdicts[0], query.outcomes[0])


def _session(facts: Sequence[Mapping[str, Any]] | str) -> _Query:
    """One run in the fixed session, deleted afterwards whatever happens; called with the lock held."""
    global _current
    query = _current = _Query()
    try:
        _durable.assert_facts(_ruleset, facts if isinstance(facts, str) else json.dumps(
            [{**fact, "sid": SESSION} for fact in facts], ensure_ascii=False), _ACTIONS)
        _durable.assert_fact(_ruleset, _STAGE_2, _ACTIONS)
        _durable.assert_fact(_ruleset, _DECIDE, _ACTIONS)
    except EngineError:
        raise
    except Exception as error:
        raise EngineError(f"the rules engine failed: {error!r}") from error
    finally:
        _current = None
        with contextlib.suppress(Exception):  # nothing to clean up if the session was never created
            _host.delete_state(RULESET_NAME, SESSION)
    return query


def _hold_lock_across_fork() -> None:
    # A fork while another thread is inside a query would copy its live session into the child, where the next
    # query would run on top of those facts and could answer wrongly. Holding the lock lets that query finish (and
    # delete its session) first.
    _lock.acquire()


def _release_lock_after_fork() -> None:
    _lock.release()


def _reset_lock_in_child() -> None:
    global _lock, _current, _MAIN_THREAD
    _lock = threading.Lock()
    _current = None
    _inside.clear()
    _MAIN_THREAD = threading.main_thread().ident  # the forking thread is the child's main thread


os.register_at_fork(before=_hold_lock_across_fork, after_in_parent=_release_lock_after_fork,
                    after_in_child=_reset_lock_in_child)
run([{"id": "warm-up", "t": "query", "date": 20020701, "presence": "visit"}])  # build the network now, not in a race
