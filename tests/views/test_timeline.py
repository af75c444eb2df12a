"""Timelines: periods cover the range without gaps or overlaps, change only on recorded events, agree with assess."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icc_rules import all_countries, assess, shipped_data
from icc_rules.errors import InputError, InvalidDateError
from icc_rules.law.decide import decider_for
from icc_rules.law.verdicts import Verdict
from icc_rules.views.timeline import Period, next_change, timeline, to_ics

DATA = shipped_data()
ONE_DAY = datetime.timedelta(days=1)
#: Hosts whose status changed, that are bound by referrals or declarations, or that never joined.
HOSTS = ("ARM", "UKR", "HUN", "BDI", "PHL", "ZAF", "GMB", "SDN", "LBY", "CIV", "PSE", "MNG", "NLD", "USA", "RUS",
         "MYS", "BFA", "VEN", "TJK", "KEN", "XKX", "GUF")
PERSONS = tuple(person.id for person in DATA.persons)
DAYS = st.dates(datetime.date(2002, 7, 1), DATA.info.as_of)
PAIRS = st.tuples(st.sampled_from(PERSONS), st.one_of(st.sampled_from(HOSTS),
                                                      st.sampled_from([c.code for c in all_countries()])))
FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def check_periods(periods: list[Period], start: datetime.date, end: datetime.date) -> None:
    assert periods, "a timeline is never empty"
    assert periods[0].start == start and periods[-1].end == end
    for before, after in itertools.pairwise(periods):
        assert before.end + ONE_DAY == after.start, "no gap and no overlap"
        assert before.verdict != after.verdict, "periods are maximal"
        assert before.closed_by == after.opened_by and after.opened_by, "every boundary is a named event"
    assert all(p.start <= p.end for p in periods)


@FAST
@given(pair=PAIRS, first=DAYS, second=DAYS)
def test_periods_tile_the_range_and_change_only_on_recorded_events(pair: tuple[str, str], first: datetime.date,
                                                                   second: datetime.date) -> None:
    person, host = pair
    start, end = min(first, second), max(first, second)
    periods = timeline(person, host, start, end)
    check_periods(periods, start, end)
    breakpoints = set(decider_for(DATA).pair(person, host).boundaries)
    for period in periods[1:]:
        day = period.start
        assert day.year * 10000 + day.month * 100 + day.day in breakpoints, f"{period.start} is no recorded event"


@FAST
@given(pair=PAIRS, days=st.lists(DAYS, min_size=1, max_size=5))
def test_every_day_agrees_with_assess(pair: tuple[str, str], days: list[datetime.date]) -> None:
    person, host = pair
    periods = timeline(person, host, "2002-07-01", DATA.info.as_of)
    for day in days:
        period = next(p for p in periods if p.start <= day <= p.end)
        answer = assess(person, host, day)
        assert period.verdict == answer.verdict, (person, host, day)
        assert {r.rule for r in answer.reasons if r.kind != "note"} <= set(period.rules)


def test_putin_in_armenia_changes_the_day_the_statute_binds_armenia() -> None:
    periods = timeline("Putin", "Armenia")
    assert [(p.start, p.verdict) for p in periods] == [
        (datetime.date(2023, 3, 17), Verdict.NO_DUTY), (datetime.date(2024, 2, 1), Verdict.DUTY_TO_ARREST)]
    assert periods[0].end == datetime.date(2024, 1, 31)
    assert periods[0].opened_by == "arrest warrant putin-2023 issued"
    assert periods[1].opened_by == periods[0].closed_by == "the Rome Statute entered into force for Armenia"
    assert periods[1].closed_by is None and periods[1].end == DATA.info.as_of
    assert periods[1].rules == ("status.party", "warrant.in_force", "duty.state_party", "verdict.duty_to_arrest")


def test_default_start_is_the_first_warrant_and_grounds_that_change_are_all_listed() -> None:
    (period,) = timeline("Putin", "Ukraine")
    assert period.start == datetime.date(2023, 3, 17) and period.verdict is Verdict.DUTY_TO_ARREST
    assert {"duty.article_12_3", "duty.state_party"} <= set(period.rules)


def test_custody_and_an_executed_warrant() -> None:
    periods = timeline("Duterte", "Netherlands", "2025-03-01", "2025-03-31")
    assert [(str(p.start), p.verdict.value) for p in periods] == [
        ("2025-03-01", "no_warrant"), ("2025-03-07", "duty_to_arrest"), ("2025-03-11", "in_custody")]
    assert periods[0].opened_by is None
    assert "under seal" in (periods[1].opened_by or "")


def test_next_change() -> None:
    change = next_change("Putin", "Armenia", "2023-06-01")
    assert change is not None
    assert (change.date, change.before, change.after) == (datetime.date(2024, 2, 1), Verdict.NO_DUTY,
                                                          Verdict.DUTY_TO_ARREST)
    assert change.event == "the Rome Statute entered into force for Armenia"
    assert change.date == timeline("Putin", "Armenia", "2023-06-01")[1].start
    assert next_change("Putin", "Armenia", "2024-02-01") is None
    assert next_change("Putin", "Armenia", "2024-01-31") == change


@pytest.mark.parametrize(("start", "end", "error"), [
    ("2024-02-01", "2024-01-01", InputError), ("2024-02-30", None, InvalidDateError), (None, "soon", InvalidDateError)])
def test_bad_ranges(start: str | None, end: str | None, error: type[Exception]) -> None:
    with pytest.raises(error):
        timeline("Putin", "Armenia", start, end)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_is_rfc_5545() -> None:
    stamp = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    periods = timeline("Laurent Gbagbo", "Côte d'Ivoire", "2002-07-01")
    changes = [c for c in [next_change("Putin", "Armenia", "2023-06-01")] if c]
    text = to_ics([*periods, *changes], stamp=stamp)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(periods) + len(changes)
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)
    assert lines.count("DTSTAMP:20260102T030405Z") == len(uids)
    starts = [line.split(":")[1] for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    assert starts[: len(periods)] == [f"{p.start:%Y%m%d}" for p in periods]
    assert any("Côte d'Ivoire" in line for line in lines if line.startswith("SUMMARY:"))
    descriptions = "".join(line for line in lines if line.startswith("DESCRIPTION:"))
    assert all(mark in descriptions for mark in ("\\n", "\\,", "\\;"))  # TEXT escaping


def test_ics_folding_never_splits_a_character() -> None:
    from icc_rules.render.ics import _fold

    line = "SUMMARY:" + "Путин " * 40
    folded = _fold(line)
    assert all(len(part.encode()) <= 75 for part in folded)
    assert "".join(part[1:] if i else part for i, part in enumerate(folded)) == line
