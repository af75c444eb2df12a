"""Every use of durable-rules' internals, in one place, each with why it is needed.

durable-rules 2.0.28 (2020, the only release on PyPI, and the version ``pyproject.toml`` pins) gives no public way to
do two things :mod:`icc_rules.law.engine` must do to answer correctly: run without its background threads, and run a
rule's action without the wrapper that swallows its exceptions. The second is done by running the loop of actions
here, over the compiled engine's functions, which also gives each action the facts its rule matched as plain dicts
and spares every action durable-rules' own bookkeeping (a run takes a fifth less time). Each is checked against
2.0.28's ``durable/engine.py``; a new release of durable-rules means reading each again. Everything else
(``register_rulesets``, ``get_ruleset``, ``delete_state``) is durable-rules' public API, used by the engine directly.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["BROKEN_BUILD", "Action", "Closure", "assert_fact", "assert_facts", "engine", "quiet_host"]

#: What to do when durable-rules' compiled engine cannot be imported (built on Python 3.13 without the flag).
BROKEN_BUILD = """durable-rules was built without the flag Python 3.13 needs, so its engine cannot load ({error}).
Fix it either way:
  uv:  uv sync   (this project's pyproject.toml gives uv the flag; uv rebuilds durable-rules with it)
  pip: CPPFLAGS="-DPyEval_CallObject=PyObject_CallObject" pip install --force-reinstall --no-cache-dir \\
           --no-binary durable-rules durable-rules==2.0.28
(see docs/installation.md)"""

try:
    with warnings.catch_warnings():  # durable's own modules warn on import on some Pythons; not ours to show
        warnings.simplefilter("ignore")
        import durable_rules_engine
        from durable import engine
except ImportError as error:
    if "PyEval_CallObject" not in str(error):
        raise
    raise ImportError(BROKEN_BUILD.format(error=error), name="durable_rules_engine") from error


class _QuietHost(engine.Host):  # type: ignore[misc]
    """A host without durable-rules' background dispatch threads (they race with queries and crash)."""

    # Internal: ``Host.__init__`` calls ``self._run()`` (2.0.28), which starts two timer threads that dispatch
    # pending actions every ~0.2 s. They can run a query's rules themselves (the query then returns no verdict) and
    # read a session's freed state (a segfault, upstream issues 291 and 292); there is no public switch for them.
    def _run(self) -> None:
        pass


def quiet_host() -> Any:
    """A durable-rules host whose rules run only inside the calls that assert facts: no background threads."""
    return _QuietHost()


class Closure:
    """What an action is given when its rule fires: the facts the rule matched, by alias (the plain dicts that were
    asserted), and the session's ``assert_fact`` and ``retract_fact``, which take effect at once."""

    __slots__ = ("_ruleset", "matched")

    def __init__(self, ruleset: Any, matched: dict[str, Any]) -> None:
        self._ruleset = ruleset
        self.matched = matched

    def assert_fact(self, fact: dict[str, Any] | str) -> None:
        """Assert ``fact`` (a dict, or its JSON text) in the session."""
        _result(durable_rules_engine.assert_fact(self._ruleset._handle, _text(fact)), fact)

    def retract_fact(self, fact: dict[str, Any] | str) -> None:
        """Retract ``fact`` (a dict, or its JSON text) from the session."""
        _result(durable_rules_engine.retract_fact(self._ruleset._handle, _text(fact)), fact)


def _text(fact: dict[str, Any] | str) -> str:
    """A fact as the compiled engine reads it: JSON, written as durable-rules writes it."""
    return fact if isinstance(fact, str) else json.dumps(fact, ensure_ascii=False)


Action = Callable[[Closure], None]
"""A rule's action: called with the :class:`Closure` of the firing. Whatever it raises leaves the engine as it is."""


def assert_facts(ruleset: Any, facts: str, actions: Mapping[str, Action]) -> None:
    """Assert ``facts`` (the JSON text of an array of facts) in ``ruleset`` and run, in this thread and to the end,
    the action of every rule that fires, from ``actions`` (by rule name). An exception an action raises stops the
    run and reaches the caller."""
    _run_actions(ruleset, durable_rules_engine.assert_facts(ruleset._handle, facts), facts, actions)


def assert_fact(ruleset: Any, fact: dict[str, Any] | str, actions: Mapping[str, Action]) -> None:
    """:func:`assert_facts` for one fact (a dict, or its JSON text)."""
    _run_actions(ruleset, durable_rules_engine.assert_fact(ruleset._handle, _text(fact)), fact, actions)


# Internal: the loop of ``Ruleset.do_actions`` and ``Ruleset._flush_actions`` (2.0.28) over the compiled engine's
# functions (``start_action_for_state``, ``update_state``, ``complete_and_start_action``), without what the engine
# does not need here: a ``Closure`` and its ``Content`` wrappers made for every action, its clock read twice, the
# session state decoded and encoded again unchanged, and three nested callbacks. A run spends a fifth less time.
# Actions never change the session state, so the state the engine gave is handed back as it came. An exception
# raised by an action leaves the loop at once, as in 2.0.28 (whose callback then raises it from ``assert_facts``);
# the caller deletes the session either way.
def _run_actions(ruleset: Any, result: Any, asserted: Any, actions: Mapping[str, Action]) -> None:
    state = _result(result, asserted)
    started = durable_rules_engine.start_action_for_state(ruleset._handle, state)
    if not started:
        return
    state_json, message = started[0], json.loads(started[1])
    while True:
        ((rule, matched),) = message.items()
        actions[rule](Closure(ruleset, matched))
        durable_rules_engine.update_state(ruleset._handle, state_json)
        following = durable_rules_engine.complete_and_start_action(ruleset._handle, state)
        if not following:
            return
        message = json.loads(following)


def _result(result: Any, message: Any) -> Any:
    """What durable-rules' ``Ruleset._handle_result`` (2.0.28) makes of a compiled call's result code: 1 and 2 are
    its exceptions for a fact no rule handles or only observes, 3 a state with nothing to do."""
    if result[0] == 1:
        raise engine.MessageNotHandledException(message)
    if result[0] == 2:
        raise engine.MessageObservedException(message)
    return 0 if result[0] == 3 else result[1]
