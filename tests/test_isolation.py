"""Queries never see each other's facts, in a row or from several threads at once."""

from __future__ import annotations

import itertools
import random
from concurrent.futures import ThreadPoolExecutor

from icc_rules import Verdict, assess, shipped_data, verdict_of
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


def test_pairs_with_equal_facts_share_one_run_of_the_engine_but_keep_their_own_reasons() -> None:
    """France and Germany both became parties on 2002-07-01: the engine decides Putin's case there once, and each
    answer still names its own host and cites its own treaty record."""
    facade_answers = _answers(shipped_data())
    facade_answers.decisions.clear()
    assert facade_answers.content("putin", "FRA") == facade_answers.content("putin", "DEU")
    france = assess("putin", "FRA", "2024-01-01")
    runs = len(facade_answers.runs)
    germany = assess("putin", "DEU", "2024-01-01")
    assert len(facade_answers.runs) == runs  # no new run: the result on equal facts was reused
    assert france.verdict == germany.verdict == Verdict.DUTY_TO_ARREST
    assert france.reasons[0].text.startswith("France is bound as a State Party")
    assert germany.reasons[0].text.startswith("Germany is bound as a State Party")
    assert {f.description for r in germany.reasons for f in r.facts} >= {"Germany: treaty record"}
    assert not any("France" in f.description for r in germany.reasons for f in r.facts)
    german_record = shipped_data().state("DEU")
    assert german_record is not None
    assert {s.url for s in german_record.sources} <= {s.url for r in germany.reasons for s in r.sources}
