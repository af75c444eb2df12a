"""Itineraries: every leg's verdict, ranges across a change of status, overflights flagged but never at risk."""

from __future__ import annotations

import datetime

import pytest

from icc_rules import assess
from icc_rules.errors import InputError, InvalidDateError, UnknownCountryError
from icc_rules.law.verdicts import Verdict
from icc_rules.views.itinerary import Leg, check_itinerary


def test_putin_in_armenia_across_its_entry_into_force() -> None:
    report = check_itinerary("Putin", [Leg("Armenia", ("2024-01-25", "2024-02-05"))])
    (leg,) = report.legs
    assert (leg.start, leg.end) == (datetime.date(2024, 1, 25), datetime.date(2024, 2, 5))
    assert leg.verdict is Verdict.DUTY_TO_ARREST and leg.verdict_from == datetime.date(2024, 2, 1)
    assert [(c.date, c.verdict) for c in leg.changes] == [(datetime.date(2024, 2, 1), Verdict.DUTY_TO_ARREST)]
    assert leg.changes[0].event == "the Rome Statute entered into force for Armenia"
    assert leg.at_risk and not report.can_travel and report.first_at_risk == 1
    assert "duty.state_party" in leg.rules
    # The same range a week earlier never crosses the change.
    earlier = check_itinerary("Putin", [Leg("ARM", ("2024-01-18", "2024-01-31"))]).legs[0]
    assert earlier.verdict is Verdict.NO_DUTY and not earlier.changes and not earlier.at_risk


def test_mixed_legs() -> None:
    report = check_itinerary("Putin", [
        Leg("Kyrgyzstan", "2023-10-12"),
        Leg("Kazakhstan", "2023-10-13", "overflight"),
        Leg("Mongolia", "2024-09-03", "overflight"),
        Leg("Türkiye", "2024-09-03", "transit"),
        Leg("Tajikistan", ("2025-10-08", "2025-10-09"), "visit"),
    ])
    assert [leg.verdict.value for leg in report.legs] == [
        "no_duty", "no_duty", "duty_to_arrest", "no_duty", "duty_to_arrest"]
    assert [leg.at_risk for leg in report.legs] == [False, False, False, False, True]
    assert report.flagged_overflights == (3,) and report.first_at_risk == 5 and not report.can_travel
    text = report.text()
    assert "forced or emergency landing" in text and "brings no one before" in text
    assert "AT RISK, first at leg 5 (Tajikistan" in text and "transit stop" in text


def test_an_overflight_alone_never_makes_the_trip_at_risk() -> None:
    report = check_itinerary("Putin", [Leg("CN", "2024-09-02"), Leg("MN", "2024-09-03", "overflight")])
    assert report.can_travel and report.first_at_risk is None and report.flagged_overflights == (2,)
    assert report.legs[1].flagged and not report.legs[1].at_risk
    assert report.text().startswith("Vladimir Putin, 2 legs: can travel (no leg at risk); forced landing a risk")


@pytest.mark.parametrize("kind", ["visit", "transit", "overflight"])
def test_single_day_legs_agree_with_assess(kind: str) -> None:
    legs = [Leg(code, "2025-04-03", kind) for code in ("HUN", "USA", "FRA", "PSE", "ISR")]  # type: ignore[arg-type]
    for leg in check_itinerary("Netanyahu", legs).legs:
        assert leg.verdict == assess("Netanyahu", leg.country, "2025-04-03").verdict


def test_custody_is_at_risk() -> None:
    leg = check_itinerary("Duterte", [Leg("PH", ("2025-03-10", "2025-03-12"))]).legs[0]
    assert leg.verdict is Verdict.IN_CUSTODY and leg.at_risk and leg.verdict_from == datetime.date(2025, 3, 11)


@pytest.mark.parametrize(("text", "leg"), [
    ("ARM@2024-01-25..2024-02-05:transit", Leg("ARM", ("2024-01-25", "2024-02-05"), "transit")),
    ("Mongolia@2024-09-03", Leg("Mongolia", "2024-09-03")),
    (" KG @ 2023-10-12 :overflight", Leg("KG", "2023-10-12", "overflight")),
])
def test_parse(text: str, leg: Leg) -> None:
    assert Leg.parse(text) == leg


@pytest.mark.parametrize("text", ["ARM", "@2024-01-01", "ARM@", "ARM@2024-01-01..", "ARM@2024-01-01:cruise"])
def test_parse_errors(text: str) -> None:
    with pytest.raises(InputError, match="invalid leg"):
        Leg.parse(text)


@pytest.mark.parametrize(("legs", "error"), [
    ([], InputError),
    ([Leg("ARM", ("2024-02-05", "2024-01-25"))], InputError),
    ([Leg("Armenai", "2024-02-05")], UnknownCountryError),
    ([Leg("ARM", "2024-02-30")], InvalidDateError),
    ([Leg("ARM", "2024-02-01", "cruise")], InputError),  # type: ignore[arg-type]
    ([3], InputError),
    ([("ARM",)], InputError),
    ([("ARM", "2024-02-01", "cruise")], InputError),
    ("ARM@2024-02-01", InputError),  # one string, not a list of legs
    (None, InputError),
])
def test_bad_legs(legs: list[Leg], error: type[Exception]) -> None:
    with pytest.raises(error):
        check_itinerary("Putin", legs)


def test_report_dumps_to_json() -> None:
    dumped = check_itinerary("Putin", [Leg("ARM", "2024-02-01")]).model_dump(mode="json")
    assert dumped["legs"][0]["verdict"] == "duty_to_arrest" and dumped["first_at_risk"] == 1


def test_legs_can_be_written_as_strings_or_tuples() -> None:
    written = check_itinerary("Netanyahu", ["US@2025-02-04", ("HU", "2025-04-03", "transit")])
    built = check_itinerary("Netanyahu", [Leg("US", "2025-02-04"), Leg("HU", "2025-04-03", "transit")])
    assert written == built and written.first_at_risk == 2
