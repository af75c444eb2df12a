"""Threads and processes: every answer is the single-threaded one, and the rules engine keeps no session behind.

Everything kept is forgotten before each call, so the answers come from the rules engine itself, with eight threads
contending for it; the same holds in children made by ``fork`` (also forked in the middle of another thread's
query) and by ``spawn``.
"""

from __future__ import annotations

import datetime
import hashlib
import multiprocessing
import random
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import pytest

from icc_rules import all_countries, assess, can_travel, shipped_data, verdict_of
from icc_rules.api.queries import forget
from icc_rules.data import DATA_DIR
from icc_rules.law import engine
from icc_rules.law.statute import STATUTE_IN_FORCE

DATA = shipped_data()


def _data_files_digest() -> str:
    """A digest of the data files, to tell whether a spawned child (which reads them again) saw the same data."""
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.glob("**/*.toml")):
        digest.update(path.relative_to(DATA_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


DIGEST = _data_files_digest()
CALLS: tuple[Callable[..., Any], ...] = (verdict_of, can_travel, assess)

#: Pairs with many changes of verdict, then random ones over every person, country and day since 2002.
NOTABLE = [("putin", "MNG"), ("putin", "ARM"), ("putin", "UKR"), ("netanyahu", "HUN"), ("al-bashir", "SDN"),
           ("al-bashir", "ZAF"), ("duterte", "PHL"), ("duterte", "NLD"), ("kony", "UGA"), ("saif-gaddafi", "LBY"),
           ("al-bashir", "BDI"), ("netanyahu", "USA")]


def _queries(count: int, seed: int) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    span = (DATA.info.as_of - STATUTE_IN_FORCE).days
    countries = [c.code for c in all_countries()]
    persons = [p.id for p in DATA.persons]
    chosen = []
    for index in range(count):
        person, country = rng.choice(NOTABLE) if index % 3 == 0 else (rng.choice(persons), rng.choice(countries))
        day = STATUTE_IN_FORCE + datetime.timedelta(days=rng.randrange(span + 1))
        chosen.append((index % len(CALLS), person, country, day))
    return chosen


QUERIES = _queries(2000, seed=11)


def _fresh(queries: list[tuple[Any, ...]]) -> list[Any]:
    """Each query answered by the rules engine (the cache of decisions is emptied first)."""
    answers = []
    for call, person, country, day in queries:
        forget(DATA)
        answers.append(CALLS[call](person, country, day))
    return answers


def _session_exists(sid: str) -> bool:
    """Whether the rules engine holds a session ``sid``: durable-rules reports error 309 for one that does not."""
    try:
        engine._host.get_state(engine.RULESET_NAME, sid)
    except Exception as error:  # the C extension raises its own error type
        if "error code: 309" in str(error):
            return False
        raise
    return True


@pytest.fixture(scope="module")
def expected() -> list[Any]:
    return _fresh(QUERIES)


def test_the_session_probe_tells_a_live_session_from_a_deleted_one() -> None:
    with engine._lock:
        engine._host.assert_fact(engine.RULESET_NAME, {"id": "probe", "sid": "probe", "t": "probe"})
        try:
            assert _session_exists("probe")
        finally:
            engine._host.delete_state(engine.RULESET_NAME, "probe")
        assert not _session_exists("probe")


def test_eight_threads_give_the_answers_of_one_thread(expected: list[Any]) -> None:
    results: dict[int, list[Any]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(worker: int) -> None:
        order = list(range(len(QUERIES)))
        random.Random(worker).shuffle(order)
        got: list[Any] = [None] * len(QUERIES)
        try:
            start.wait()
            for index in order:
                call, person, country, day = QUERIES[index]
                forget(DATA)  # through the engine, with the other threads at it too
                got[index] = CALLS[call](person, country, day)
        except BaseException as error:  # noqa: BLE001 - reported by the test thread below
            errors.append(error)
        results[worker] = got

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:3]
    for worker in range(8):
        wrong = [(QUERIES[i], results[worker][i], expected[i]) for i in range(len(QUERIES))
                 if results[worker][i] != expected[i]]
        assert not wrong, f"thread {worker}: {len(wrong)} wrong answers, first: {wrong[0]}"
    assert engine._current is None
    assert not _session_exists(engine.SESSION)


def test_many_queries_leave_no_session_and_no_facts_behind() -> None:
    for call, person, country, day in QUERIES[:500]:
        forget(DATA)
        CALLS[call](person, country, day)
    assert not _session_exists(engine.SESSION)
    with pytest.raises(Exception, match="error code: 309"):
        engine._host.get_facts(engine.RULESET_NAME, engine.SESSION)


def _answer_in_child(connection: Connection, queries: list[tuple[Any, ...]]) -> None:
    vars(engine._host).pop("assert_fact", None)  # undo a test's slowed-down engine, copied by fork
    try:
        answers = _fresh(queries)
        connection.send(("ok", answers, _session_exists(engine.SESSION), _data_files_digest()))
    except BaseException as error:  # noqa: BLE001 - sent to the parent, which fails the test with it
        connection.send(("error", repr(error), None, None))
    finally:
        connection.close()


def _run_child(method: str, queries: list[tuple[Any, ...]]) -> tuple[str, Any, Any]:
    """Run ``queries`` in a child process; returns its status, its answers and whether a session was left."""
    context = multiprocessing.get_context(method)
    receiver, sender = context.Pipe(duplex=False)
    with warnings.catch_warnings():
        # Python 3.12+ warns that forking a multi-threaded process may deadlock: what the engine's fork hooks avoid.
        warnings.simplefilter("ignore", DeprecationWarning)
        child = context.Process(target=_answer_in_child, args=(sender, queries))
        child.start()
    sender.close()
    try:
        if not receiver.poll(120):
            raise AssertionError(f"the {method} child sent no answer in 120 s")
        status, answers, session_left, digest = receiver.recv()
    finally:
        child.join(30)
        if child.is_alive():
            child.kill()
    assert child.exitcode == 0, f"the {method} child exited with {child.exitcode}"
    if method != "fork" and status == "ok" and digest != DIGEST:  # a spawned child reads the files again
        pytest.skip("the data files changed on disk while the tests ran: the child answered from other data")
    return status, answers, session_left


def _methods() -> Iterator[str]:
    available = multiprocessing.get_all_start_methods()
    yield from (method for method in ("fork", "spawn") if method in available)


@pytest.mark.parametrize("method", list(_methods()))
def test_a_child_process_gives_the_same_answers(method: str, expected: list[Any]) -> None:
    count = 600 if method == "fork" else 200
    status, answers, session_left = _run_child(method, QUERIES[:count])
    assert status == "ok", answers
    assert answers == expected[:count]
    assert session_left is False


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")
def test_a_fork_in_the_middle_of_another_threads_query_copies_no_session(monkeypatch: pytest.MonkeyPatch,
                                                                        expected: list[Any]) -> None:
    inside = threading.Event()
    original = engine._durable.assert_fact

    def slow_assert_fact(*args: Any, **kwargs: Any) -> Any:
        inside.set()  # the query's facts are in its session; the verdict step comes next
        time.sleep(0.3)
        return original(*args, **kwargs)

    monkeypatch.setattr(engine._durable, "assert_fact", slow_assert_fact)
    forget(DATA)
    busy = threading.Thread(target=verdict_of, args=("putin", "MNG", "2024-09-03"))
    busy.start()
    try:
        assert inside.wait(10)
        status, answers, session_left = _run_child("fork", QUERIES[:60])
    finally:
        busy.join()
    assert status == "ok", answers
    assert answers == expected[:60]
    assert session_left is False
