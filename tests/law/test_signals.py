"""Signal handlers beside threads: a handler can neither wedge the engine nor change an answer.

Reproductions of issue 18: with one more thread alive (an idle thread, a thread pool, a busy thread that queries
too), the kernel hands a signal to another thread and Python runs its handler in the main thread while the main
thread is inside the rules engine. A handler that queried then could deadlock, one that raised could leave the
thread unable to answer (39 later queries refused in one run) or come out as an ``EngineError`` with durable-rules'
traceback on stderr. Each attack runs in a child process with a timer firing at random points of random queries,
and every answer is checked against a fresh process's.
"""

from __future__ import annotations

import datetime
import json
import random
import subprocess
import sys
import textwrap
from typing import Any

import pytest

_CHILD = textwrap.dedent("""
    import concurrent.futures, json, random, signal, sys, threading
    from icc_rules import EngineError, can_travel, shipped_data
    from icc_rules.api.queries import forget

    class Timeout(Exception):
        pass

    threads, attack = sys.argv[1], sys.argv[2]
    queries = json.loads(sys.stdin.read())
    data = shipped_data()
    rng = random.Random(5)
    stop = threading.Event()
    inner = {"answers": [], "refused": 0, "other": []}
    armed = [False]  # a handler Python runs late, after its query (a few instructions on), does nothing

    def handler(signum, frame):
        if not armed[0]:
            return
        if attack == "raise":
            raise Timeout() if rng.random() < 0.7 else KeyboardInterrupt()
        index = rng.randrange(len(queries))
        try:
            inner["answers"].append([index, can_travel(*queries[index])])
        except EngineError as error:
            assert "inside the rules engine" in str(error), error
            inner["refused"] += 1
        except BaseException as error:
            inner["other"].append(repr(error))

    busy_answers = []

    def busy():
        while not stop.is_set():
            sum(i * i for i in range(2000))
            index = len(busy_answers) % len(queries)
            busy_answers.append([index, can_travel(*queries[index])])

    if threads == "idle":
        threading.Thread(target=stop.wait, daemon=True).start()
    elif threads == "pool":
        pool = concurrent.futures.ThreadPoolExecutor(4)
        list(pool.map(abs, range(8)))  # its workers alive and idle
    elif threads == "busy":
        threading.Thread(target=busy, daemon=True).start()

    signal.signal(signal.SIGALRM, handler)
    can_travel("putin", "MNG", "2024-09-03")  # loaded and warm before the timer runs
    first, interrupted = [], 0
    for person, country, day in queries:
        forget(data)  # every query runs the rules
        answer = None
        try:
            try:
                armed[0] = True
                if attack != "none":
                    signal.setitimer(signal.ITIMER_REAL, rng.uniform(0.00002, 0.0015))
                answer = can_travel(person, country, day)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                armed[0] = False
        except (Timeout, KeyboardInterrupt):
            interrupted += 1
        first.append(answer)
    stop.set()
    signal.signal(signal.SIGALRM, signal.SIG_IGN)  # the attack is over: a last alarm still on its way is ignored
    forget(data)
    again = [can_travel(*query) for query in queries]
    print(json.dumps({"first": first, "again": again, "interrupted": interrupted, "inner": inner,
                      "busy": busy_answers}))
""")


def _queries(count: int) -> list[list[str]]:
    rng = random.Random(11)
    persons = ["putin", "netanyahu", "al-bashir", "duterte", "kony", "saif-gaddafi", "gallant", "lvova-belova"]
    countries = ["MNG", "ZAF", "HUN", "ARM", "UKR", "BDI", "PHL", "SDN", "LBY", "NLD", "CHN", "USA", "GUF", "JEY"]
    start = datetime.date(2002, 7, 1)
    return [[rng.choice(persons), rng.choice(countries), str(start + datetime.timedelta(days=rng.randrange(9000)))]
            for _ in range(count)]


QUERIES = _queries(800)


def _child(threads: str, attack: str) -> dict[str, Any]:
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, threads, attack], input=json.dumps(QUERIES),
                              capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"deadlock: the child ({threads} threads, handlers that {attack}) did not finish in 120 s")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr == "", f"the engine printed on stderr: {done.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def fresh() -> list[bool]:
    answers: list[bool] = _child("none", "none")["first"]
    return answers


@pytest.mark.parametrize("threads", ["idle", "pool", "busy"])
def test_a_handler_that_raises_reaches_the_caller_as_itself_and_leaves_every_answer_right(
        fresh: list[bool], threads: str) -> None:
    result = _child(threads, "raise")
    assert result["interrupted"] > 50, "the timer should interrupt many queries, or this tests nothing"
    wrong = [(query, got) for query, got, want in zip(QUERIES, result["first"], fresh, strict=True)
             if got is not None and got != want]
    assert not wrong, f"{len(wrong)} wrong answers under interrupts, first: {wrong[:3]}"
    assert result["again"] == fresh, "an interrupted query left the thread unable to answer, or a wrong answer kept"
    assert all(fresh[index] == answer for index, answer in result["busy"])


@pytest.mark.parametrize("threads", ["idle", "pool", "busy"])
def test_a_handler_that_queries_is_refused_at_once_or_answered_right_never_deadlocked(
        fresh: list[bool], threads: str) -> None:
    result = _child(threads, "query")
    inner = result["inner"]
    assert inner["refused"] > 20, "the timer should land inside many queries, or this tests nothing"
    assert not inner["other"], inner["other"][:3]
    assert all(fresh[index] == answer for index, answer in inner["answers"]), "a handler's query answered wrongly"
    assert result["first"] == fresh
    assert result["again"] == fresh
    assert all(fresh[index] == answer for index, answer in result["busy"])


def test_a_handler_called_inside_the_engine_runs_once_after_the_run_and_is_put_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    from icc_rules import can_travel, shipped_data
    from icc_rules.api.queries import forget
    from icc_rules.law import engine

    forget(shipped_data())
    calls: list[tuple[int, bool]] = []

    def handler(signum: int, frame: Any) -> None:
        calls.append((signum, engine._current is None))  # True: called when no run is under way

    previous = signal.signal(signal.SIGUSR1, handler)
    original = engine._ACTIONS["status.party"]

    def run(closure: Any) -> None:
        monkeypatch.setitem(engine._ACTIONS, "status.party", original)
        standing_in = signal.getsignal(signal.SIGUSR1)
        assert standing_in is not handler
        standing_in(signal.SIGUSR1, None)  # as Python would, had the kernel given the signal to another thread
        original(closure)

    try:
        monkeypatch.setitem(engine._ACTIONS, "status.party", run)
        assert can_travel("putin", "MN", "2024-09-03") is False
        assert calls == [(signal.SIGUSR1, True)]
        assert signal.getsignal(signal.SIGUSR1) is handler
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGUSR1, previous)
