"""Queries never see each other's facts, in a row or from several threads at once."""

from __future__ import annotations

import itertools
import random
from concurrent.futures import ThreadPoolExecutor

from icc_rules import Verdict, shipped_data, verdict_of
from icc_rules.facade import _answers
from icc_rules.rules import engine

PERSONS = ["putin", "netanyahu", "al-bashir", "duterte", "kony", "saif-gaddafi", "lvova-belova", "gallant"]
COUNTRIES = ["ZAF", "MNG", "CHN", "ARM", "UKR", "HUN", "USA", "SDN", "BDI", "PHL", "NLD", "LBY", "KGZ"]
DAYS = ["2001-01-01", "2009-03-04", "2015-06-14", "2017-10-27", "2019-03-17", "2023-03-17", "2024-02-01",
        "2025-01-01", "2025-03-12", "2026-06-02"]
QUERIES = list(itertools.product(PERSONS, COUNTRIES, DAYS))


def _fresh_answers() -> list[Verdict]:
    """Every query decided by the rules engine itself, none from the cache."""
    answers = []
    for person, country, day in QUERIES:
        _answers(shipped_data()).decisions.clear()
        answers.append(verdict_of(person, country, day))
    return answers


def test_queries_in_any_order_give_the_same_answers() -> None:
    one_by_one = _fresh_answers()
    shuffled = list(enumerate(QUERIES))
    random.Random(7).shuffle(shuffled)
    _answers(shipped_data()).decisions.clear()
    again = {index: verdict_of(*query) for index, query in shuffled}
    assert [again[i] for i in range(len(QUERIES))] == one_by_one


def test_threads_give_the_answers_of_a_single_thread_and_leave_no_session() -> None:
    expected = _fresh_answers()
    facade_answers = _answers(shipped_data())

    def decide(index: int) -> Verdict:
        facade_answers.decisions.pop(next(iter(facade_answers.decisions), None), None)  # keep the engine busy
        return verdict_of(*QUERIES[index])

    facade_answers.decisions.clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(decide, range(len(QUERIES))))
    assert got == expected
    assert engine._current is None
