"""An answer is complete or it is an error, and nothing wrong is ever kept.

Reproductions of what issue 11 measured: a missing date (pandas' ``NaT``) once passed the date check, was decided as
``no_warrant`` and kept for the pair's last interval; an interrupt inside a rule action was swallowed by
durable-rules and a weaker verdict returned and kept. Each is an error now, and every answer asked afterwards is
the one a fresh process gives.
"""

from __future__ import annotations

import datetime
import json
import math
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from icc_rules import EngineError, InvalidDateError, assess, assess_many, can_travel, shipped_data, verdict_of, world
from icc_rules.api.queries import forget
from icc_rules.law import engine
from icc_rules.law.days import day_number
from icc_rules.law.decide import decider_for

pandas = pytest.importorskip("pandas")
numpy = pytest.importorskip("numpy")

DATA = shipped_data()
MISSING = [pandas.NaT, numpy.datetime64("NaT", "D"), numpy.datetime64("NaT", "ns"), float("nan"), math.inf, numpy.nan]


@pytest.mark.parametrize("missing", MISSING, ids=repr)
def test_a_missing_date_is_an_error_and_leaves_no_wrong_answer_behind(missing: Any) -> None:
    for call in (can_travel, verdict_of, assess):
        with pytest.raises(InvalidDateError):
            call("kony", "Uganda", missing)
    assert can_travel("kony", "Uganda", "2026-11-28") is False
    assert can_travel("kony", "Uganda", "2030-01-01") is False
    assert not can_travel("kony", "Uganda")  # today


def test_a_world_view_for_a_missing_date_is_an_error_and_the_next_one_is_right() -> None:
    with pytest.raises(InvalidDateError):
        world("netanyahu", pandas.NaT)
    view = world("netanyahu", "2026-11-28")
    assert view.verdict("Hungary").value == "duty_to_arrest"
    assert sum(record.verdict.owes_arrest for record in view.countries) > 100


def test_a_dataframe_with_a_missing_date_fails_that_row_only() -> None:
    frame = pandas.DataFrame({"person": ["kony", "kony", "putin"], "country": ["UG", "UG", "MN"],
                              "date": [pandas.Timestamp("2024-01-01"), pandas.NaT, pandas.Timestamp("2024-09-03")]})
    result = assess_many(frame.to_dict("records"), on_error="record")
    assert [error.index for error in result.errors] == [1]
    assert [answer.verdict.value if answer else None for answer in result.answers] == \
        ["duty_to_arrest", None, "duty_to_arrest"]
    assert verdict_of("kony", "UG", "2030-01-01").value == "duty_to_arrest"


def test_pandas_timestamps_and_numpy_dates_are_days() -> None:
    assert verdict_of("putin", "MN", pandas.Timestamp("2024-09-03 23:59")).value == "duty_to_arrest"
    assert verdict_of("putin", "MN", numpy.datetime64("2024-09-03")).value == "duty_to_arrest"


# --- Exceptions inside the engine ---------------------------------------------------------------------------------


class _Boom(Exception):
    pass


@pytest.fixture
def broken_action(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make the action of ``status.party`` raise ``error`` once, the next time it fires."""
    original = engine._ACTIONS["status.party"]

    def arm(error: BaseException) -> None:
        def run(closure: Any) -> None:
            monkeypatch.setitem(engine._ACTIONS, "status.party", original)
            raise error

        monkeypatch.setitem(engine._ACTIONS, "status.party", run)

    return arm


@pytest.mark.parametrize("error", [KeyboardInterrupt(), _Boom("a timeout raised by a signal handler"), SystemExit(3)])
def test_an_exception_inside_a_rule_action_reaches_the_caller_and_nothing_is_kept(broken_action: Any,
                                                                                  error: BaseException) -> None:
    forget(DATA)
    broken_action(error)
    expected = KeyboardInterrupt if isinstance(error, KeyboardInterrupt) else (
        SystemExit if isinstance(error, SystemExit) else EngineError)
    with pytest.raises(expected):
        can_travel("putin", "MN", "2024-09-03")
    # Asked again: decided by the rules afresh, and right.
    assert can_travel("putin", "MN", "2024-09-03") is False
    assert engine._current is None and not engine._inside


def test_a_run_that_reaches_two_verdicts_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    forget(DATA)
    monkeypatch.setattr(engine._Query, "__init__", _two_verdicts_query)
    with pytest.raises(EngineError, match="2 verdict"):
        verdict_of("putin", "MN", "2024-09-03")
    monkeypatch.undo()
    assert verdict_of("putin", "MN", "2024-09-03").value == "duty_to_arrest"


def _two_verdicts_query(self: Any) -> None:
    import itertools

    from icc_rules import Verdict

    self.firings, self.verdicts, self.outcomes, self.counter = [], [Verdict.NO_WARRANT], [], itertools.count()


def test_a_query_made_from_inside_a_running_query_is_refused_not_deadlocked(monkeypatch: pytest.MonkeyPatch) -> None:
    forget(DATA)
    original = engine._ACTIONS["status.party"]
    inner: list[BaseException] = []

    def run(closure: Any) -> None:
        monkeypatch.setitem(engine._ACTIONS, "status.party", original)
        try:
            can_travel("netanyahu", "HU", "2025-04-03")  # as a signal handler or a callback would
        except EngineError as error:
            inner.append(error)
        original(closure)

    monkeypatch.setitem(engine._ACTIONS, "status.party", run)
    assert can_travel("putin", "MN", "2024-09-03") is False
    assert inner and "inside the rules engine" in str(inner[0])


# --- Interrupts at random points, checked against a fresh process -----------------------------------------------------

_CHILD = textwrap.dedent("""
    import datetime, json, random, signal, sys
    import icc_rules
    from icc_rules import all_countries, can_travel, shipped_data

    class Timeout(Exception):
        pass

    armed = [False]  # a handler Python runs late, after its query (a few instructions on), does nothing

    def interrupt(signum, frame):
        if armed[0]:
            raise Timeout() if random.random() < 0.7 else KeyboardInterrupt()

    queries = json.loads(sys.stdin.read())
    mode = sys.argv[1]
    signal.signal(signal.SIGALRM, interrupt)
    random.seed(5)
    first, interrupted = [], 0
    for person, country, day in queries:
        answer = None
        try:  # the timer may fire anywhere in here, even before the query starts or as the timer is stopped
            try:
                armed[0] = True
                if mode == "interrupted":
                    signal.setitimer(signal.ITIMER_REAL, random.uniform(0.00002, 0.0015))
                answer = can_travel(person, country, day)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                armed[0] = False
        except (Timeout, KeyboardInterrupt):
            interrupted += 1
        first.append(answer)
    again = [can_travel(person, country, day) for person, country, day in queries]
    print(json.dumps({"first": first, "again": again, "interrupted": interrupted}))
""")


def _child(mode: str, queries: list[list[str]]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", _CHILD, mode], input=json.dumps(queries), capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_runs_interrupted_at_random_points_return_only_right_answers_and_keep_none_wrong() -> None:
    import random

    rng = random.Random(11)
    persons = ["putin", "netanyahu", "al-bashir", "duterte", "kony", "saif-gaddafi", "gallant", "lvova-belova"]
    countries = ["MNG", "ZAF", "HUN", "ARM", "UKR", "BDI", "PHL", "SDN", "LBY", "NLD", "CHN", "USA", "GUF", "JEY"]
    start = datetime.date(2002, 7, 1)
    queries = [[rng.choice(persons), rng.choice(countries), str(start + datetime.timedelta(days=rng.randrange(9000)))]
               for _ in range(1200)]
    fresh = _child("plain", queries)["first"]
    interrupted = _child("interrupted", queries)
    assert interrupted["interrupted"] > 100, "the timer should interrupt many runs, or this tests nothing"
    wrong = [(q, got, want) for q, got, want in zip(queries, interrupted["first"], fresh, strict=True)
             if got is not None and got != want]
    assert not wrong, f"{len(wrong)} wrong answers returned under interrupts, first: {wrong[:3]}"
    assert interrupted["again"] == fresh, "an interrupted run left a wrong answer behind"


def test_cached_answers_equal_a_cache_free_run_of_the_rules() -> None:
    """Random queries over every person and many hosts: the kept decision equals a run on the real facts on that
    very day, with nothing kept."""
    import random

    rng = random.Random(3)
    decider = decider_for(DATA)
    hosts = sorted(DATA.host_codes)[:60] + ["CHN", "RUS", "USA", "XKX"]
    for _ in range(400):
        person = rng.choice(DATA.persons).id
        host = rng.choice(hosts)
        day = datetime.date(2002, 1, 1) + datetime.timedelta(days=rng.randrange(9500))
        kept = decider.decide(person, host, day_number(day))
        fresh = decider.run_afresh(person, host, day_number(day))
        assert kept.verdict is fresh.verdict, (person, host, day)
        assert sorted(f.rule for f in kept.run.firings) == sorted(f.rule for f in fresh.firings), (person, host, day)
