"""Bad input never gets a silent answer: each kind raises its documented error, with a useful message."""

from __future__ import annotations

import datetime

import pytest

import icc_rules
from icc_rules import (
    AmbiguousPersonError,
    ICCRulesError,
    InvalidDateError,
    UnknownCountryError,
    UnknownPersonError,
    assess,
    can_travel,
)


def test_an_unknown_person_is_named_and_close_matches_suggested() -> None:
    with pytest.raises(UnknownPersonError) as raised:
        can_travel("Vladimir Puttin", "Mongolia", "2024-09-03")
    message = str(raised.value)
    assert "'Vladimir Puttin'" in message and "Vladimir Putin (putin)" in message
    assert isinstance(raised.value, LookupError) and isinstance(raised.value, ICCRulesError)


def test_an_ambiguous_person_lists_the_candidates() -> None:
    with pytest.raises(AmbiguousPersonError) as raised:
        assess("Gaddafi", "Libya", "2020-01-01")
    assert raised.value.candidates == ["muammar-gaddafi", "saif-gaddafi"]


def test_an_unknown_country_is_named_and_close_matches_suggested() -> None:
    with pytest.raises(UnknownCountryError) as raised:
        can_travel("Putin", "Mongolai", "2024-09-03")
    assert "'Mongolai'" in str(raised.value) and "Mongolia" in str(raised.value)


@pytest.mark.parametrize("bad", ["2024-02-30", "0000-01-01", "yesterday", "", "2024-13-01", "3.9.2024", 20240903,
                                 None.__class__, "9" * 500])
def test_a_malformed_date_raises_invalid_date_error(bad: object) -> None:
    with pytest.raises(InvalidDateError) as raised:
        can_travel("Putin", "Mongolia", bad)  # type: ignore[arg-type]
    assert "expected a datetime.date" in str(raised.value)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("person", ["", "   ", "\x00\x1b[31m", "'; DROP TABLE persons; --", 42, None])
def test_hostile_person_strings_raise_unknown_person(person: object) -> None:
    with pytest.raises(UnknownPersonError):
        can_travel(person, "Mongolia", "2024-09-03")  # type: ignore[arg-type]


@pytest.mark.parametrize("country", ["", "\t", "ZZ", "Atlantis", 42, None, "x" * 10_000])
def test_hostile_country_strings_raise_unknown_country(country: object) -> None:
    with pytest.raises(UnknownCountryError):
        can_travel("Putin", country, "2024-09-03")  # type: ignore[arg-type]


def test_datetimes_with_time_zones_use_their_own_calendar_date() -> None:
    late_evening = datetime.datetime(2024, 1, 31, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=4)))
    assert assess("Putin", "Armenia", late_evening).date == datetime.date(2024, 1, 31)
    assert assess("Putin", "Armenia", "2024-02-01T00:10+04:00").verdict.value == "duty_to_arrest"


def test_a_date_after_as_of_carries_a_warning() -> None:
    answer = assess("Putin", "Mongolia", "2030-01-01")
    assert any("as_of" in warning for warning in answer.warnings)


BIG = "x" * 100_000


@pytest.mark.parametrize("call", [
    lambda: icc_rules.check_itinerary("putin", [("MN", "2024-09-03", BIG)]),
    lambda: icc_rules.check_itinerary("putin", [BIG]),
    lambda: icc_rules.check_itinerary("putin", BIG),
    lambda: icc_rules.world("putin", "2024-09-03").save(BIG + ".txt"),
    lambda: icc_rules.world("putin", "2024-09-03").save(None),
    lambda: icc_rules.timeline("putin", BIG),
    lambda: icc_rules.timeline("putin", "MN", BIG),
    lambda: icc_rules.assess_many([(BIG, "MN", "2024-01-01")]),
    lambda: icc_rules.assess_many([("putin", "MN", "2024-01-01")], progress=5),
    lambda: icc_rules.decide("putin", "MN", "2024-09-03", presence=BIG),
    lambda: icc_rules.assess("putin", "MN", "2024-01-01", data=BIG),
    lambda: icc_rules.load_data(overlays=[BIG]),
    lambda: icc_rules.parties_on(BIG),
    lambda: icc_rules.wanted_in(BIG),
    lambda: icc_rules.hosts([BIG]),
    lambda: icc_rules.to_ics(icc_rules.timeline("putin", "ARM", "9999-12-31", "9999-12-31")),
], ids=lambda call: "")
def test_every_error_is_documented_and_quotes_a_bounded_part_of_the_input(call: object) -> None:
    with pytest.raises(icc_rules.ICCRulesError) as raised:
        call()  # type: ignore[operator]
    assert len(str(raised.value)) < 600, str(raised.value)[:200]


@pytest.mark.parametrize("sources", ["none", "ALL", None, 2])
def test_explain_refuses_an_unknown_sources_value_with_input_error(sources: object) -> None:
    """Found by attack: explain(sources="none") raised a bare ValueError."""
    with pytest.raises(icc_rules.InputError, match=r"sources=.*: expected one of best, all"):
        assess("Putin", "Mongolia", "2024-09-03").explain(sources=sources)  # type: ignore[arg-type]
