"""Every use of durable-rules' internals, in one place, each with why it is needed.

durable-rules 2.0.28 (2020, the only release on PyPI, and the version ``pyproject.toml`` pins) gives no public way to
do four things :mod:`icc_rules.law.engine` must do to answer correctly: run without its background threads, run a
rule's action without the wrapper that swallows its exceptions, read the facts a rule matched, and read the clock
without a deprecation warning on every action. Each is done here by a small function over the one internal it
touches, checked against 2.0.28's ``durable/engine.py``; a new release of durable-rules means reading each again.
Everything else (``register_rulesets``, ``get_ruleset``, ``assert_fact(s)``, ``delete_state``, a closure's
``assert_fact`` and ``retract_fact``) is durable-rules' public API, used by the engine directly.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["BROKEN_BUILD", "Action", "engine", "matched", "quiet_host", "set_action"]

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
        from durable import engine
except ImportError as error:
    if "PyEval_CallObject" not in str(error):
        raise
    raise ImportError(BROKEN_BUILD.format(error=error), name="durable_rules_engine") from error


def _unix_now() -> float:
    """durable-rules' clock (seconds of local time since the epoch), without the ``utcfromtimestamp`` it calls, which
    Python 3.12+ deprecates with a warning on every rule action: the same value, no warning."""
    return (datetime.datetime.now() - datetime.datetime(1970, 1, 1)).total_seconds()


# Internal: the module-level function ``durable.engine._unix_now`` (2.0.28), which every closure calls when it is made
# and on each action. Replaced for the warning above; nothing public sets the clock.
engine._unix_now = _unix_now


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


class Action(Protocol):
    """What a ruleset calls when a rule fires (2.0.28's internal protocol of its ``Promise``): ``run(closure,
    complete)``, where ``complete(None)`` says the action is done."""

    def run(self, closure: Any, complete: Callable[[Any], None]) -> None: ...


def set_action(ruleset: Any, rule: str, action: Action) -> None:
    """Make ``action`` what runs when ``rule`` fires, in place of durable-rules' own wrapper of a rule's function."""
    # Internal: ``Ruleset._actions``, the dict of rule name -> Promise (2.0.28). Its Promise catches every exception
    # of the action into the session state and returns normally (KeyboardInterrupt included), so a failed action
    # would leave a run that looks complete; an object with the same ``run`` method lets the exception out instead.
    ruleset._actions[rule] = action


def matched(closure: Any) -> dict[str, Any]:
    """The facts a firing rule matched, by alias, as the plain dicts that were asserted."""
    # Internal: ``Closure._m``, the matched facts by alias (2.0.28), each a dict or a ``Content`` wrapping one in
    # ``_d``. The public way, ``closure.m.<alias>``, wraps each fact again on every field read, and gives no list of
    # the aliases.
    return {alias: getattr(content, "_d", content) for alias, content in closure._m.items()}
