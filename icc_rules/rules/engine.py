"""Running the rule set on durable-rules, safely.

durable-rules has sharp edges (``../shared/notes/durable-rules.md``): its default host runs background threads that
can answer a query themselves or read freed state, first use is lazy and unlocked, exceptions in actions are
swallowed, an unmatched fact raises, and sessions are capped. This module hides all of it:

* one host per process, without background threads, with the rule set registered and warmed at import;
* one lock around each query, held across ``fork`` (no session is ever copied into a child) and
  re-created in the child;
* one session per query (a fixed id), deleted afterwards, so queries never see each other's facts;
* a catch-all rule that observes every fact, and a unique ``id`` on every fact;
* every rule action records which rule fired on which facts (the trace), and errors in actions are re-raised.

>>> firings, verdict = run([{"id": "q", "t": "query", "date": 20240903}])
>>> verdict, [f.rule for f in firings]
(<Verdict.NO_WARRANT: 'no_warrant'>, ['verdict.no_warrant'])
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from durable import engine

from ..errors import EngineError
from ..verdicts import Verdict
from .ruleset import RULES, Rule

RULESET_NAME = "icc_rules"
SESSION = "query"
_SINK = "engine.sink"


class Firing(NamedTuple):
    """A rule that fired, with the facts it matched (by alias) and the fact it derived, if any (a named tuple:
    results are kept by the thousand, and tuples are light)."""

    rule: str
    facts: Mapping[str, Mapping[str, Any]]
    derived: str | None = None


class _QuietHost(engine.Host):  # type: ignore[misc]
    """A host without durable-rules' background dispatch threads (they race with queries and crash)."""

    def _run(self) -> None:
        pass


class _Query:
    """The mutable record of one running query: the trace, the verdict, an error raised inside an action."""

    def __init__(self) -> None:
        self.firings: list[Firing] = []
        self.verdict: Verdict | None = None
        self.error: BaseException | None = None
        self.counter = itertools.count()


_current: _Query | None = None
_lock = threading.Lock()


def _action(rule: Rule) -> Callable[[Any], None]:
    def fire(closure: Any) -> None:
        query = _current
        if query is None or query.error is not None:
            return
        try:
            matched = {alias: dict(getattr(content, "_d", content)) for alias, content in closure._m.items()}
            if rule.verdict is not None:
                if query.verdict is None:  # verdicts fire strongest first; the first one is the answer
                    query.verdict = rule.verdict
                    query.firings.append(Firing(rule.id, matched))
                return
            derived = None
            if rule.derives:
                derived = f"{rule.derives}#{next(query.counter)}"
                new_fact = {"id": derived, "sid": SESSION, "t": rule.derives, "rule": rule.id}
                new_fact.update(_derived_fields(rule.derives, matched))
                closure.assert_fact(new_fact)
            query.firings.append(Firing(rule.id, matched, derived))
        except BaseException as error:  # noqa: BLE001 - durable-rules would swallow it: run() re-raises it
            query.error = error

    return fire


def _derived_fields(kind: str, matched: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The fields a derived fact carries, copied from the facts that produced it."""
    if kind == "wanted":
        return {"warrant": matched["w"]["warrant"], "situation": matched["w"]["situation"]}
    if kind == "former_party":
        return {"effective": matched["m"]["ends"]}
    if "w" in matched and "warrant" in matched["w"]:
        return {"warrant": matched["w"]["warrant"], "situation": matched["w"]["situation"]}
    return {}


def _definition() -> dict[str, Any]:
    rules: dict[str, Any] = {}
    for rule in RULES:
        body: dict[str, Any] = {"all": [copy.deepcopy(dict(c)) for c in rule.conditions], "run": _action(rule)}
        if rule.priority > 1 or rule.kind == "verdict":
            body["pri"] = rule.priority
        rules[rule.id] = body
    # Observes every fact so that none is "unhandled"; never fires (no fact of type __never__ exists).
    rules[_SINK] = {"all": [{"any": {"$ex": {"id": 1}}}, {"never": {"t": "__never__"}}], "run": lambda c: None}
    return rules


_host = _QuietHost()
_host.register_rulesets({RULESET_NAME: _definition()})


def run(facts: Sequence[Mapping[str, Any]]) -> tuple[list[Firing], Verdict]:
    """Assert ``facts`` (the query fact last) in a fresh session, let the verdict rules decide, and clean up.

    Returns the rules that fired, in order, and the verdict. Thread-safe; raises
    :class:`~icc_rules.errors.EngineError` if the engine fails or reaches no verdict.
    """
    global _current
    with _lock:
        query = _Query()
        _current = query
        try:
            session_facts = [{**f, "sid": SESSION} for f in facts]
            _host.assert_facts(RULESET_NAME, session_facts)
            _host.assert_fact(RULESET_NAME, {"id": "decide", "sid": SESSION, "t": "decide"})
        except Exception as error:  # anything from the C engine is a failure to decide
            raise EngineError(f"the rules engine failed: {error!r}") from error
        finally:
            _current = None
            with contextlib.suppress(Exception):  # nothing to clean up if the session was never created
                _host.delete_state(RULESET_NAME, SESSION)
    if query.error is not None:
        raise EngineError(f"a rule action failed: {query.error!r}") from query.error
    if query.verdict is None:
        raise EngineError("the rules engine reached no verdict (please report this as a bug)")
    return query.firings, query.verdict


def _hold_lock_across_fork() -> None:
    # A fork while another thread is inside a query would copy its live session into the child, where the next
    # query would run on top of those facts and could answer wrongly. Holding the lock lets that query finish (and
    # delete its session) first.
    _lock.acquire()


def _release_lock_after_fork() -> None:
    _lock.release()


def _reset_lock_in_child() -> None:
    global _lock, _current
    _lock = threading.Lock()
    _current = None


os.register_at_fork(before=_hold_lock_across_fork, after_in_parent=_release_lock_after_fork,
                    after_in_child=_reset_lock_in_child)
run([{"id": "warm-up", "t": "query", "date": 20020701}])  # build the network now, not in a race between threads
