"""Reverse queries agree with assess: who is wanted in a country, and what each host of a person did."""

from __future__ import annotations

import datetime

import pytest

from icc_rules import assess, decide, shipped_data, verdict_of
from icc_rules.errors import UnknownCountryError
from icc_rules.law.verdicts import Verdict
from icc_rules.views.reverse import hosts, wanted_in

DATA = shipped_data()


@pytest.mark.parametrize(("country", "date"), [
    ("Mongolia", "2024-09-03"), ("Sudan", "2010-01-01"), ("Burundi", "2018-01-01"), ("Philippines", "2025-03-09"),
    ("Netherlands", "2025-06-01"), ("Russia", "2024-09-03"), ("Ukraine", "2024-06-01"), ("Libya", "2012-01-01"),
])
def test_wanted_in_agrees_with_assess(country: str, date: str) -> None:
    found = wanted_in(country, date)
    free = {p.id for p in DATA.persons if assess(p, country, date).verdict.owes_arrest}
    held = {p.id for p in DATA.persons
            if (custody := decide(p, country, date).held) is not None and custody.owed_if_free is not None}
    assert {answer.person for answer in found} == free | held
    assert set(found.held) == held
    assert all(answer.verdict.owes_arrest and not answer.can_travel for answer in found if answer.person in free)
    assert all(answer.verdict is Verdict.IN_CUSTODY for answer in found if answer.person in held)
    names = [answer.person_name.casefold() for answer in found]
    assert len(names) == len(set(names))


def test_persons_held_elsewhere_on_other_grounds_are_listed_with_their_custody() -> None:
    """Custody in Sudan outranks Mongolia's duty, but a reader asking who Mongolia must arrest expects al-Bashir and
    Hussein listed, with who holds them: the rules still derive the duty under the custody."""
    found = wanted_in("Mongolia", "2024-09-03")
    for person in ("al-bashir", "hussein"):
        assert person in {answer.person for answer in found}
        held = found.held[person]
        assert (held.by, held.owed_if_free) == ("Sudan", Verdict.DUTY_TO_ARREST)
        assert held.in_words.startswith("held by Sudan since 2019-04-11, on other grounds")
    assert "putin" not in found.held


def test_persons_in_custody_are_not_listed() -> None:
    """A person in the Court's custody (the warrant executed) is not listed: no duty stands under that custody."""
    assert verdict_of("Duterte", "NLD", "2025-06-01") is Verdict.IN_CUSTODY
    assert "duterte" not in {answer.person for answer in wanted_in("NLD", "2025-06-01")}
    assert "duterte" in {answer.person for answer in wanted_in("NLD", "2025-03-08")}


def test_a_non_party_binds_no_one_and_an_unknown_country_is_an_error() -> None:
    assert wanted_in("United States", "2025-01-01") == []
    with pytest.raises(UnknownCountryError):
        wanted_in("Atlantis")


def test_hosts_lists_the_visits_with_the_rules_verdicts() -> None:
    report = hosts("al-Bashir")
    visits = [v for v in DATA.visits if v.person == "al-bashir"]
    assert {v.id for v in report.visits} == {v.id for v in visits}
    assert [v.start for v in report.visits] == sorted((v.start for v in report.visits), reverse=True)
    for visit in report.visits:
        assert visit.verdict == assess("al-Bashir", visit.host, visit.start).verdict
        assert visit.arrest_duty_ignored == (visit.verdict.owes_arrest and visit.outcome == "not_arrested")
    south_africa = next(v for v in report.visits if v.host == "ZAF")
    assert south_africa.start == datetime.date(2015, 6, 13) and south_africa.arrest_duty_ignored
    assert {f.person for f in report.findings} == {"al-bashir"}
    assert "ZAF" in {f.state for f in report.findings}
    assert "South Africa" in report.table()


def test_hosts_of_a_person_without_visits() -> None:
    report = hosts("Kony")
    assert report.visits == () and report.table().startswith("Joseph Kony: 0 recorded visits")
