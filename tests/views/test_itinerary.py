"""Itineraries: every leg's verdict, ranges across a change of status, overflights flagged but never at risk."""

from __future__ import annotations

import datetime
import random

import pytest

from icc_rules import assess, shipped_data
from icc_rules.api import spans
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


@pytest.mark.parametrize(("person", "leg", "risk_from", "verdict_from"), [
    ("Bemba", "BEL@2008-05-20..2008-05-30", "2008-05-23", "2008-05-24"),
    ("Duterte", "NLD@2025-03-05..2025-03-12", "2025-03-07", "2025-03-11"),
    ("Al-Senussi", "FIN@2011-06-01..2012-06-01", "2011-06-27", "2012-03-17"),
])
def test_a_leg_is_at_risk_from_the_first_day_any_verdict_stands_in_the_way(person: str, leg: str, risk_from: str,
                                                                            verdict_from: str) -> None:
    """Found by attack: a duty to arrest followed by custody within one leg named custody's first day as the first
    day at risk (Al-Senussi in Finland: eight months late)."""
    report = check_itinerary(person, [leg])
    (found,) = report.legs
    assert found.verdict is Verdict.IN_CUSTODY and found.at_risk
    assert (str(found.risk_from), str(found.verdict_from)) == (risk_from, verdict_from)
    assert f"from {risk_from}: in custody from {verdict_from})" in report.text()
    assert f"AT RISK from {risk_from} " in report.text()


def _random_legs(count: int, seed: int) -> list[tuple[str, Leg]]:
    """``count`` legs of persons with warrants, each starting near a day on which their verdict somewhere changes,
    so that most legs cross a change."""
    generator = random.Random(seed)
    persons = sorted(person.id for person in shipped_data().persons if person.warrants)
    countries = ["NLD", "BEL", "FIN", "FRA", "HUN", "MNG", "ARM", "PHL", "LBY", "SDN", "COD", "CIV", "UKR", "USA",
                 "RUS", "ZAF", "KEN", "UGA", "CAF", "MLI", "TUR", "ISR", "PSE", "TCD"]
    legs = []
    while len(legs) < count:
        person, country = generator.choice(persons), generator.choice(countries)
        days = spans(person, country, "2002-07-01", "2026-11-28")
        pivot = generator.choice(days).start
        start = pivot - datetime.timedelta(days=generator.randrange(0, 20))
        end = start + datetime.timedelta(days=generator.randrange(0, 25))
        kind = generator.choice(["visit", "transit", "overflight"])
        legs.append((person, Leg(country, (start.isoformat(), end.isoformat()), kind)))  # type: ignore[arg-type]
    return legs


@pytest.mark.parametrize(("person", "leg"), _random_legs(300, seed=18))
def test_random_legs_agree_with_the_answers_day_by_day(person: str, leg: Leg) -> None:
    """A leg's worst verdict, its first day, its first day at risk and whether it is at risk or flagged, all as
    ``assess`` answers each day of it."""
    first, last = (datetime.date.fromisoformat(str(day)) for day in leg.date)
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    verdicts = [assess(person, leg.country, day).verdict for day in days]
    (report,) = check_itinerary(person, [leg]).legs
    worst = min(verdicts)
    stands_in_the_way = [day for day, verdict in zip(days, verdicts, strict=True) if not verdict.can_travel]
    assert report.verdict is worst
    assert report.verdict_from == days[verdicts.index(worst)]
    assert report.risk_from == (stands_in_the_way[0] if stands_in_the_way else None)
    assert report.at_risk == (bool(stands_in_the_way) and leg.kind != "overflight")
    assert report.flagged == (bool(stands_in_the_way) and leg.kind == "overflight")


@pytest.mark.parametrize("dates", [("2024-09-03",), ("2024-09-03", "2024-09-04", "2024-09-05"), ()])
def test_a_leg_whose_range_is_not_two_days_is_an_input_error_naming_it(dates: tuple[str, ...]) -> None:
    """Found by attack: ("MNG", ("2024-09-03",)) raised "not enough values to unpack"."""
    with pytest.raises(InputError, match=r"leg 2 \('MNG'\): its dates .* are neither a day nor a \(first, last\)"):
        check_itinerary("Putin", ["KG@2023-10-12", ("MNG", dates)])
