"""Every rule, on made-up facts, the day before and the day of each boundary it declares.

Independent of the shipped data: each test builds a small world (a state, a person, a warrant ...) in memory, asks
about the days around each date the rule compares, and reads which rules fired and the verdict. In the manner of
python-holidays' per-country tests: one test per legal step, each at its boundaries.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from icc_rules import Verdict, assess, decide
from icc_rules.data.dataset import Dataset
from icc_rules.data.models import (
    Custody,
    DatasetInfo,
    Declaration,
    Office,
    Person,
    Referral,
    Situation,
    Source,
    State,
    Territory,
    TreatyChange,
    Warrant,
    WarrantEvent,
)
from icc_rules.data.validate import check

D = datetime.date
DAY = datetime.timedelta(days=1)
SOURCE = (Source(url="https://example.org/made-up", title="A made-up fact for a test", kind="primary"),)
CHECKED = D(2030, 1, 1)
IN_FORCE, ISSUED, OPENED = D(2010, 3, 1), D(2012, 5, 1), D(2011, 1, 1)


def _sourced(**fields: Any) -> dict[str, Any]:
    return {"sources": SOURCE, **fields}


def state(code: str = "ARM", in_force: D = IN_FORCE, *changes: TreatyChange) -> State:
    """A state whose instrument entered into force on ``in_force``."""
    return State(code=code, name=f"State {code}", deposited=in_force - 60 * DAY, instrument="ratification",
                 in_force=in_force, change=changes, verified_on=CHECKED, **_sourced())


def change(kind: str, day: D, takes_effect: D | None = None) -> TreatyChange:
    return TreatyChange(kind=kind, date=day, takes_effect=takes_effect, **_sourced())  # type: ignore[arg-type]


def warrant(issued: D = ISSUED, *events: WarrantEvent, kind: str = "warrant", public: D | None = None,
            situation: str = "SIT", warrant_id: str = "w-1") -> Warrant:
    return Warrant(id=warrant_id, situation=situation, kind=kind, issued=issued, made_public=public,  # type: ignore[arg-type]
                   event=events, **_sourced())


def event(kind: str, day: D) -> WarrantEvent:
    return WarrantEvent(kind=kind, date=day, **_sourced())  # type: ignore[arg-type]


def person(*warrants: Warrant, died: D | None = None, custody: tuple[Custody, ...] = (),
           offices: tuple[Office, ...] = (), checked: D = CHECKED) -> Person:
    return Person(id="someone", name="Some One", died=died, warrant=warrants or (warrant(),), custody=custody,
                  office=offices, verified_on=checked, **_sourced())


def world(*records: Any, opened: D | None = OPENED) -> Dataset:
    """A dataset of ``records`` (states, persons, territories, declarations, referrals) and one situation, ``SIT``,
    whose investigation opened on ``opened``; checked as the loader would."""
    tables: dict[str, list[Any]] = {"states": [], "persons": [], "territories": [], "declarations": [],
                                    "referrals": []}
    for record in records:
        name = {State: "states", Person: "persons", Territory: "territories", Declaration: "declarations",
                Referral: "referrals"}[type(record)]
        tables[name].append(record)
    if not tables["persons"]:
        tables["persons"].append(person())
    situation = Situation(id="SIT", name="Situation in a made-up place", trigger="proprio_motu",
                          investigation_opened=opened, verified_on=CHECKED, **_sourced())
    data = Dataset(info=DatasetInfo(version="test", as_of=CHECKED), situations=(situation,),
                   **{name: tuple(found) for name, found in tables.items()})
    assert not list(check(data)), list(check(data))
    return data


def fired(data: Dataset, host: str, day: D) -> tuple[str, ...]:
    return assess("someone", host, day, data=data).rules


def verdict(data: Dataset, host: str, day: D) -> Verdict:
    return assess("someone", host, day, data=data).verdict


# --- Articles 126 and 127: membership --------------------------------------------------------------------------------

def test_status_party_from_the_day_the_statute_enters_into_force_for_the_state() -> None:
    data = world(state("ARM", D(2010, 3, 1)))
    assert "status.party" not in fired(data, "ARM", D(2010, 2, 28))
    assert "status.party" in fired(data, "ARM", D(2010, 3, 1))
    assert verdict(data, "ARM", D(2012, 5, 1)) is Verdict.DUTY_TO_ARREST


def test_a_notified_withdrawal_is_pending_until_the_day_it_takes_effect() -> None:
    data = world(state("ARM", D(2010, 3, 1), change("withdrawal_notified", D(2015, 1, 10), D(2016, 1, 10))))
    assert "status.withdrawal_pending" not in fired(data, "ARM", D(2015, 1, 9))
    pending = fired(data, "ARM", D(2015, 1, 10))
    assert "status.withdrawal_pending" in pending and "status.party" in pending
    last = fired(data, "ARM", D(2016, 1, 9))
    assert "status.party" in last and "status.withdrawal_took_effect" not in last
    effective = fired(data, "ARM", D(2016, 1, 10))
    assert "status.withdrawal_took_effect" in effective and "status.party" not in effective


def test_a_withdrawal_revoked_in_time_never_takes_effect() -> None:
    data = world(state("ARM", D(2010, 3, 1), change("withdrawal_notified", D(2015, 1, 10), D(2016, 1, 10)),
                       change("withdrawal_revoked", D(2015, 12, 1))))
    assert "status.withdrawal_pending" in fired(data, "ARM", D(2015, 11, 30))
    on_revocation = fired(data, "ARM", D(2015, 12, 1))
    assert "status.withdrawal_revoked" in on_revocation and "status.withdrawal_pending" not in on_revocation
    after = fired(data, "ARM", D(2016, 1, 10))
    assert "status.party" in after and "status.withdrawal_took_effect" not in after


def test_a_revocation_after_the_withdrawal_took_effect_changes_nothing() -> None:
    data = world(state("ARM", D(2010, 3, 1), change("withdrawal_notified", D(2015, 1, 10), D(2016, 1, 10)),
                       change("withdrawal_revoked", D(2016, 2, 1))))
    late = fired(data, "ARM", D(2016, 3, 1))
    assert "status.withdrawal_took_effect" in late and "status.withdrawal_revoked" not in late


def test_the_depositarys_record_of_the_day_a_withdrawal_took_effect_decides_it() -> None:
    data = world(state("ARM", D(2010, 3, 1), change("withdrawal_notified", D(2015, 1, 10), D(2016, 1, 10)),
                       change("withdrawal_effective", D(2016, 1, 10))))
    assert "status.party" in fired(data, "ARM", D(2016, 1, 9))
    effective = fired(data, "ARM", D(2016, 1, 10))
    assert "status.withdrawal_recorded" in effective and "status.withdrawal_took_effect" not in effective


def test_an_announced_withdrawal_changes_nothing() -> None:
    data = world(state("ARM", D(2010, 3, 1), change("withdrawal_announced", D(2020, 9, 22))))
    assert "status.withdrawal_announced" not in fired(data, "ARM", D(2020, 9, 21))
    announced = fired(data, "ARM", D(2020, 9, 22))
    assert "status.withdrawal_announced" in announced and "status.party" in announced


# --- Article 127(2): the residual duty --------------------------------------------------------------------------------

@pytest.mark.parametrize(("opened", "expected"), [
    (D(2015, 6, 1), Verdict.RESIDUAL_DUTY),    # while a party
    (D(2016, 1, 9), Verdict.RESIDUAL_DUTY),    # the last day as a party
    (D(2016, 1, 10), Verdict.NO_DUTY),         # the day the withdrawal took effect: no longer a party
    (D(2017, 1, 1), Verdict.NO_DUTY),          # after it
    (None, Verdict.NO_DUTY),                   # not opened
])
def test_a_former_party_keeps_a_duty_for_investigations_begun_while_it_was_a_party(opened: D | None,
                                                                                  expected: Verdict) -> None:
    data = world(state("ARM", D(2010, 3, 1), change("withdrawal_notified", D(2015, 1, 10), D(2016, 1, 10))),
                 opened=opened)
    assert verdict(data, "ARM", D(2018, 1, 1)) is expected


# --- VCLT art. 29: territories ----------------------------------------------------------------------------------------

def test_a_territory_takes_its_states_status_from_the_day_the_statute_was_extended_to_it() -> None:
    territory = Territory(code="BMU", state="GBR", applies=True, applies_from=D(2015, 6, 1), verified_on=CHECKED,
                          **_sourced())
    data = world(state("GBR", D(2010, 3, 1)), territory)
    before = fired(data, "BMU", D(2015, 5, 31))
    assert "status.territory_not_yet" in before and "status.party" not in before
    assert verdict(data, "BMU", D(2015, 5, 31)) is Verdict.NO_DUTY
    on = fired(data, "BMU", D(2015, 6, 1))
    assert "status.territory" in on and "status.party" in on
    assert verdict(data, "BMU", D(2015, 6, 1)) is Verdict.DUTY_TO_ARREST


def test_an_excluded_territory_has_no_duty_as_a_party() -> None:
    territory = Territory(code="JEY", state="GBR", applies=False, verified_on=CHECKED, **_sourced())
    data = world(state("GBR", D(2010, 3, 1)), territory)
    rules = fired(data, "JEY", D(2020, 1, 1))
    assert "status.territory_excluded" in rules and "status.party" not in rules
    assert verdict(data, "JEY", D(2020, 1, 1)) is Verdict.NO_DUTY


# --- Article 58: the warrant ------------------------------------------------------------------------------------------

def test_a_warrant_is_in_force_from_the_day_it_is_issued() -> None:
    data = world()
    assert verdict(data, "CHN", D(2012, 4, 30)) is Verdict.NO_WARRANT
    assert "warrant.in_force" in fired(data, "CHN", D(2012, 5, 1))
    assert verdict(data, "CHN", D(2012, 5, 1)) is Verdict.NO_DUTY


@pytest.mark.parametrize(("kind", "rule"), [
    ("arrested", "warrant.executed"), ("surrendered", "warrant.executed"), ("transferred", "warrant.executed"),
    ("withdrawn", "warrant.lifted"), ("vacated", "warrant.lifted"), ("proceedings_terminated", "warrant.lifted"),
])
def test_a_warrant_ends_the_day_it_is_executed_or_lifted(kind: str, rule: str) -> None:
    held = (Custody(start=D(2014, 1, 1), end=D(2014, 2, 1), held_by="CHN", **_sourced()),) \
        if rule == "warrant.executed" else ()
    data = world(person(warrant(D(2012, 5, 1), event(kind, D(2014, 1, 1))), custody=held))
    assert "warrant.in_force" in fired(data, "CHN", D(2013, 12, 31))
    ended = fired(data, "CHN", D(2014, 1, 1))
    assert rule in ended and "warrant.in_force" not in ended


@pytest.mark.parametrize("kind", ["charges_confirmed", "convicted", "sentenced", "interim_release", "acquitted"])
def test_other_events_do_not_end_a_warrant(kind: str) -> None:
    data = world(person(warrant(D(2012, 5, 1), event(kind, D(2014, 1, 1)))))
    assert "warrant.in_force" in fired(data, "CHN", D(2014, 1, 1))


def test_a_warrant_calls_for_no_arrest_from_the_day_the_person_died() -> None:
    data = world(person(warrant(D(2012, 5, 1)), died=D(2016, 3, 3)))
    assert "warrant.in_force" in fired(data, "CHN", D(2016, 3, 2))
    dead = fired(data, "CHN", D(2016, 3, 3))
    assert "warrant.person_deceased" in dead and "warrant.in_force" not in dead


def test_a_summons_or_an_application_is_not_a_warrant_of_arrest() -> None:
    for kind in ("summons", "requested"):
        data = world(person(warrant(D(2012, 5, 1), kind=kind)))
        assert "warrant.not_an_arrest_warrant" not in fired(data, "CHN", D(2012, 4, 30))
        rules = fired(data, "CHN", D(2012, 5, 1))
        assert "warrant.not_an_arrest_warrant" in rules and "warrant.in_force" not in rules


def test_a_sealed_warrant_is_in_force_and_says_it_was_under_seal_until_made_public() -> None:
    data = world(person(warrant(D(2012, 5, 1), public=D(2013, 2, 1))))
    assert "warrant.under_seal" in fired(data, "CHN", D(2013, 1, 31))
    assert "warrant.under_seal" not in fired(data, "CHN", D(2013, 2, 1))
    assert verdict(data, "CHN", D(2012, 5, 1)) is Verdict.NO_DUTY


# --- Articles 59 and 60: custody ---------------------------------------------------------------------------------------

def test_a_detained_person_is_in_custody_from_the_first_day_to_the_day_before_release() -> None:
    data = world(state("ARM", D(2010, 3, 1)),
                 person(warrant(), custody=(Custody(start=D(2014, 1, 1), end=D(2015, 1, 1), held_by="ARM",
                                                    **_sourced()),)))
    assert verdict(data, "ARM", D(2013, 12, 31)) is Verdict.DUTY_TO_ARREST
    assert verdict(data, "ARM", D(2014, 1, 1)) is Verdict.IN_CUSTODY   # custody outranks every duty
    assert verdict(data, "ARM", D(2014, 12, 31)) is Verdict.IN_CUSTODY
    assert verdict(data, "ARM", D(2015, 1, 1)) is Verdict.DUTY_TO_ARREST


# --- Articles 12(3) and 13(b): declarations and referrals ------------------------------------------------------------

def test_an_article_12_3_declaration_binds_from_the_day_it_is_lodged() -> None:
    lodged = Declaration(id="d", state="UKR", situation="SIT", lodged=D(2014, 4, 17), verified_on=CHECKED,
                         **_sourced())
    data = world(lodged)
    assert verdict(data, "UKR", D(2014, 4, 16)) is Verdict.NO_DUTY
    assert "duty.article_12_3" in fired(data, "UKR", D(2014, 4, 17))
    assert verdict(data, "UKR", D(2014, 4, 17)) is Verdict.DUTY_TO_ARREST


def test_a_declaration_for_another_situation_or_rejected_binds_no_one() -> None:
    other = Declaration(id="d", state="UKR", situation=None, lodged=D(2014, 4, 17), verified_on=CHECKED,
                        **_sourced())
    rejected = Declaration(id="r", state="EGY", situation="SIT", lodged=D(2014, 4, 17), status="rejected",
                           verified_on=CHECKED, **_sourced())
    data = world(other, rejected)
    assert verdict(data, "UKR", D(2015, 1, 1)) is Verdict.NO_DUTY
    assert verdict(data, "EGY", D(2015, 1, 1)) is Verdict.NO_DUTY
    assert "declaration.rejected" in fired(data, "EGY", D(2015, 1, 1))


def test_a_security_council_referral_binds_the_states_it_names_from_its_adoption() -> None:
    referral = Referral(id="r", resolution="S/RES/0000", situation="SIT", adopted=D(2012, 6, 1), binds=("SDN",),
                        verified_on=CHECKED, **_sourced())
    data = world(referral)
    assert verdict(data, "SDN", D(2012, 5, 31)) is Verdict.NO_DUTY
    assert "duty.security_council" in fired(data, "SDN", D(2012, 6, 1))
    assert verdict(data, "TCD", D(2012, 6, 1)) is Verdict.NO_DUTY  # a state it does not name


# --- Articles 27 and 98(1): offices -------------------------------------------------------------------------------------

def test_an_office_is_stated_as_held_only_up_to_the_last_day_the_sources_confirm() -> None:
    office = Office(title="President", state="CHN", start=D(2012, 3, 1), **_sourced())
    data = world(person(warrant(), offices=(office,), checked=D(2020, 6, 30)))
    assert "note.official_capacity" in fired(data, "CHN", D(2020, 6, 30))
    later = fired(data, "CHN", D(2020, 7, 1))
    assert "note.official_capacity_last_known" in later and "note.official_capacity" not in later


def test_an_office_that_ended_is_not_held_after_it() -> None:
    office = Office(title="Minister", state="CHN", start=D(2012, 3, 1), end=D(2014, 3, 1), **_sourced())
    data = world(person(warrant(), offices=(office,)))
    assert "note.official_capacity" in fired(data, "CHN", D(2014, 2, 28))
    assert not {"note.official_capacity", "note.official_capacity_last_known"} & set(fired(data, "CHN", D(2014, 3, 1)))


# --- Time, presence and exposure ---------------------------------------------------------------------------------------

def test_before_the_statute_entered_into_force_there_was_no_warrant() -> None:
    data = world()
    assert "note.before_statute" in fired(data, "CHN", D(2002, 6, 30))
    assert "note.before_statute" not in fired(data, "CHN", D(2002, 7, 1))


@pytest.mark.parametrize(("presence", "exposure", "rule"), [
    ("visit", "at_risk", None), ("transit", "at_risk", "presence.transit"),
    ("overflight", "if_landing", "presence.overflight"),
])
def test_how_the_person_is_there_decides_whether_they_are_within_reach(presence: str, exposure: str,
                                                                         rule: str | None) -> None:
    data = world(state("ARM", D(2010, 3, 1)))
    decision = decide("someone", "ARM", D(2015, 1, 1), presence=presence, data=data)  # type: ignore[arg-type]
    assert decision.verdict is Verdict.DUTY_TO_ARREST and decision.exposure == exposure
    assert rule is None or rule in decision.rules
    free = decide("someone", "CHN", D(2015, 1, 1), presence=presence, data=data)  # type: ignore[arg-type]
    assert free.exposure == "free"
