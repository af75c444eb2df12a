"""Queries never see each other's facts, in a row or from several threads at once, and equal cases share one run."""

from __future__ import annotations

import itertools
import random
from concurrent.futures import ThreadPoolExecutor

from icc_rules import Verdict, assess, shipped_data, verdict_of
from icc_rules.api.queries import forget
from icc_rules.law import engine
from icc_rules.law.days import day_number
from icc_rules.law.decide import decider_for
from icc_rules.lookup.dates import to_date

PERSONS = ["putin", "netanyahu", "al-bashir", "duterte", "kony", "saif-gaddafi", "lvova-belova", "gallant"]
COUNTRIES = ["ZAF", "MNG", "CHN", "ARM", "UKR", "HUN", "USA", "SDN", "BDI", "PHL", "NLD", "LBY", "KGZ"]
DAYS = ["2001-01-01", "2009-03-04", "2015-06-14", "2017-10-27", "2019-03-17", "2023-03-17", "2024-02-01",
        "2025-01-01", "2025-03-12", "2026-06-02"]
QUERIES = list(itertools.product(PERSONS, COUNTRIES, DAYS))


def _fresh_answers() -> list[Verdict]:
    """Every query decided by a run of the rules on the facts as they are, on the day itself: nothing kept."""
    decider = decider_for(shipped_data())
    return [decider.run_afresh(person, country, day_number(to_date(day))).verdict for person, country, day in QUERIES]


def test_queries_in_any_order_give_the_answers_of_fresh_runs() -> None:
    one_by_one = _fresh_answers()
    shuffled = list(enumerate(QUERIES))
    random.Random(7).shuffle(shuffled)
    forget(shipped_data())
    again = {index: verdict_of(*query) for index, query in shuffled}
    assert [again[i] for i in range(len(QUERIES))] == one_by_one


def test_threads_give_the_answers_of_a_single_thread_and_leave_no_session() -> None:
    expected = _fresh_answers()
    forget(shipped_data())
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda query: verdict_of(*query), QUERIES))
    assert got == expected
    assert engine._current is None


def test_pairs_of_one_pattern_share_one_run_of_the_engine_but_keep_their_own_reasons() -> None:
    """France and Germany both became parties on 2002-07-01: the engine decides Putin's case there once, and each
    answer still names its own host and cites its own treaty record."""
    data = shipped_data()
    forget(data)
    decider = decider_for(data)
    assert decider.pair("putin", "FRA").pattern == decider.pair("putin", "DEU").pattern
    france = assess("putin", "FRA", "2024-01-01")
    runs = decider.kept["runs"]
    germany = assess("putin", "DEU", "2024-01-01")
    assert decider.kept["runs"] == runs  # no new run: the result on the same pattern was reused
    assert france.verdict == germany.verdict == Verdict.DUTY_TO_ARREST
    assert france.reasons[0].text.startswith("The Rome Statute binds France")
    assert germany.reasons[0].text.startswith("The Rome Statute binds Germany")
    assert any(f.description.startswith("Germany: treaty record") for r in germany.reasons for f in r.facts)
    assert not any("France" in f.description for r in germany.reasons for f in r.facts)
    german_record = data.state("DEU")
    assert german_record is not None
    assert {s.url for s in german_record.sources} <= {s.url for r in germany.reasons for s in r.sources}
