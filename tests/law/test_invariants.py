"""Properties every answer must have, whatever the query: checked over random and exhaustive queries.

* ``can_travel`` is True exactly for the verdicts ``no_warrant`` and ``no_duty``;
* a fact that creates a duty (an accession, an article 12(3) declaration, a referral binding more states) never
  turns a False into a True: with it, every verdict is as strong or stronger, on every day;
* an answer does not depend on the queries asked before it.
"""

from __future__ import annotations

import datetime
import textwrap
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icc_rules import Dataset, Verdict, all_countries, assess, can_travel, load_data, shipped_data, verdict_of
from icc_rules.api.queries import forget
from icc_rules.law.days import from_day_number
from icc_rules.law.decide import decider_for
from icc_rules.law.statute import STATUTE_IN_FORCE, entry_into_force

DATA = shipped_data()
PERSONS = [p.id for p in DATA.persons]
CODES = [c.code for c in all_countries()]
DAYS = st.dates(min_value=datetime.date(1998, 1, 1), max_value=DATA.info.as_of + datetime.timedelta(days=3 * 365))
QUERY = st.tuples(st.sampled_from(PERSONS), st.sampled_from(CODES), DAYS)
SETTINGS = settings(max_examples=300, deadline=None, database=None)


@SETTINGS
@given(query=QUERY)
def test_can_travel_is_true_exactly_for_no_warrant_and_no_duty(query: tuple[str, str, datetime.date]) -> None:
    verdict = verdict_of(*query)
    assert can_travel(*query) is (verdict in (Verdict.NO_WARRANT, Verdict.NO_DUTY))
    answer = assess(*query)
    assert answer.verdict is verdict and answer.can_travel is verdict.can_travel


# --- Facts that create duties ----------------------------------------------------------------------------------------

#: Non-parties that join, on a deposit date, in this hypothetical world.
ACCESSIONS = {"CHN": datetime.date(2020, 1, 1), "USA": datetime.date(2010, 5, 3), "RUS": datetime.date(2005, 1, 10),
              "ISR": datetime.date(2015, 6, 1), "IND": datetime.date(2024, 6, 15)}
SOURCE = 'sources = [{ url = "https://example.org/what-if", title = "A what-if scenario" }]\nverified_on = 2026-01-01'


def _overlay() -> str:
    states = "".join(textwrap.dedent(f"""
        [[state]]
        code = "{code}"
        name = "{code}"
        deposited = {deposited}
        instrument = "accession"
        in_force = {entry_into_force(deposited)}
        """) + SOURCE + "\n" for code, deposited in ACCESSIONS.items())
    return states + textwrap.dedent("""
        [[declaration]]
        id = "WHAT-IF-TUR-UKR"
        state = "TUR"
        situation = "UKR"
        lodged = 2022-03-02
        """) + SOURCE + textwrap.dedent("""

        [[referral]]
        id = "WHAT-IF-UKR"
        resolution = "S/RES/9999 (2023)"
        situation = "UKR"
        adopted = 2023-03-20
        binds = ["BLR", "KGZ", "PRK"]
        """) + SOURCE + textwrap.dedent("""

        [[referral]]
        id = "UNSC-1593"
        resolution = "S/RES/1593 (2005)"
        situation = "DARFUR"
        adopted = 2005-03-31
        binds = ["SDN", "EGY", "ETH", "SAU"]
        """) + SOURCE + "\n"


#: Every country the overlay touches, and a few it does not.
AFFECTED = [*ACCESSIONS, "TUR", "BLR", "KGZ", "PRK", "SDN", "EGY", "ETH", "SAU"]
UNTOUCHED = ["MNG", "ZAF", "HUN", "UKR", "PHL", "BDI", "LBY", "NLD", "ARM", "QAT"]


@pytest.fixture(scope="module")
def what_if(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    path = tmp_path_factory.mktemp("what-if") / "duties.toml"
    path.write_text(_overlay(), encoding="utf-8")
    data = load_data(overlays=[path])
    assert {"state", "declaration", "referral"} <= {table for table, _ in data.origins}
    return data


def _interval_starts(data: Dataset, other: Dataset, person: str, code: str) -> list[datetime.date]:
    """A day in every interval on which either dataset's answer can change: together they cover every day."""
    numbers = {*decider_for(data).pair(person, code).boundaries, *decider_for(other).pair(person, code).boundaries}
    return [STATUTE_IN_FORCE - datetime.timedelta(days=1), *sorted(from_day_number(n) for n in numbers)]


def test_a_duty_creating_fact_never_turns_false_into_true_on_any_day(what_if: Dataset) -> None:
    checked = changed = 0
    for person in PERSONS:
        for code in AFFECTED:
            for day in _interval_starts(DATA, what_if, person, code):
                before, after = verdict_of(person, code, day), verdict_of(person, code, day, data=what_if)
                assert before.can_travel or not after.can_travel, (person, code, day, before, after)
                assert after.rank <= before.rank, f"{person} in {code} on {day}: {before} became {after}"
                checked += 1
                changed += after is not before
    assert changed > 50, "the overlay should change some answers, or it tests nothing"
    assert checked > 1000


@SETTINGS
@given(person=st.sampled_from(PERSONS), code=st.sampled_from(UNTOUCHED), day=DAYS)
def test_the_overlay_changes_nothing_elsewhere(what_if: Dataset, person: str, code: str, day: datetime.date) -> None:
    assert verdict_of(person, code, day, data=what_if) is verdict_of(person, code, day)


def test_without_the_overlay_china_has_no_duty() -> None:
    assert can_travel("putin", "CHN", "2024-01-01")


def test_with_a_hypothetical_accession_china_must_arrest_from_its_entry_into_force(what_if: Dataset) -> None:
    in_force = entry_into_force(ACCESSIONS["CHN"])
    assert can_travel("putin", "CHN", in_force - datetime.timedelta(days=1), data=what_if)
    assert not can_travel("putin", "CHN", max(in_force, datetime.date(2023, 3, 17)), data=what_if)
    answer = assess("putin", "CHN", "2024-01-01", data=what_if)
    assert answer.verdict is Verdict.DUTY_TO_ARREST
    assert any("user data" in warning for warning in answer.warnings)


# --- Independence from earlier queries ------------------------------------------------------------------------------

def _fresh(query: tuple[Any, ...]) -> Any:
    forget(DATA)
    return assess(*query)


@settings(max_examples=60, deadline=None, database=None)
@given(before=st.lists(st.tuples(QUERY, st.booleans()), max_size=25), query=QUERY)
def test_an_answer_does_not_depend_on_the_queries_before_it(before: list[tuple[tuple[Any, ...], bool]],
                                                            query: tuple[Any, ...]) -> None:
    expected = _fresh(query)
    for earlier, clear_first in before:  # from the cache, or decided by the engine again
        if clear_first:
            forget(DATA)
        assess(*earlier)
    assert assess(*query) == expected  # possibly cached by one of the earlier queries
    assert _fresh(query) == expected  # decided by the engine right after them
