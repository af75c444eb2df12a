"""Membership at its boundaries: for every state whose status changed, the day before and the day of each change."""

from __future__ import annotations

import datetime

import pytest

from icc_rules import assess, parties_on, shipped_data
from icc_rules.data.models import Warrant

ONE_DAY = datetime.timedelta(days=1)
DATA = shipped_data()

#: Article 58(4): the events after which a warrant no longer calls for an arrest (the test's own reading, held
#: against the rules': executed by an arrest, or by a surrender or transfer of a person already held; withdrawn,
#: vacated, or the proceedings terminated).
ENDING = {"arrested", "surrendered", "transferred", "withdrawn", "vacated", "proceedings_terminated"}


def _ends(warrant: Warrant) -> datetime.date | None:
    return min((event.date for event in warrant.events if event.kind in ENDING), default=None)


def _entries_into_force() -> list[tuple[str, datetime.date]]:
    return [(s.code, s.in_force) for s in DATA.states if s.in_force is not None]


def _withdrawals() -> list[tuple[str, datetime.date]]:
    return [(s.code, c.date) for s in DATA.states for c in s.changes if c.kind == "withdrawal_effective"]


def _revocations() -> list[tuple[str, datetime.date, datetime.date]]:
    found = []
    for state in DATA.states:
        for change in state.changes:
            if change.kind == "withdrawal_notified" and change.takes_effect is not None:
                revoked = [c.date for c in state.changes if c.kind == "withdrawal_revoked" and c.date >= change.date]
                if revoked:
                    found.append((state.code, change.takes_effect, revoked[0]))
    return found


@pytest.mark.parametrize(("code", "in_force"), _entries_into_force())
def test_a_state_is_a_party_from_the_day_the_statute_enters_into_force_for_it(code: str, in_force: datetime.date
                                                                                ) -> None:
    assert "status.party" not in assess("putin", code, in_force - ONE_DAY).rules
    assert "status.party" in assess("putin", code, in_force).rules


@pytest.mark.parametrize(("code", "effective"), _withdrawals())
def test_a_state_stops_being_a_party_the_day_its_withdrawal_takes_effect(code: str, effective: datetime.date
                                                                         ) -> None:
    before = assess("putin", code, effective - ONE_DAY)
    assert "status.party" in before.rules and "status.withdrawal_pending" in before.rules
    after = assess("putin", code, effective)
    assert "status.party" not in after.rules and "status.withdrawal_recorded" in after.rules


@pytest.mark.parametrize(("code", "takes_effect", "revoked"), _revocations())
def test_a_revoked_withdrawal_never_takes_effect(code: str, takes_effect: datetime.date, revoked: datetime.date
                                                 ) -> None:
    assert "status.withdrawal_pending" in assess("putin", code, revoked - ONE_DAY).rules
    on_revocation = assess("putin", code, revoked)
    assert "status.withdrawal_revoked" in on_revocation.rules and "status.withdrawal_pending" not in on_revocation.rules
    for day in (takes_effect - ONE_DAY, takes_effect):
        answer = assess("putin", code, day)
        assert "status.party" in answer.rules and "status.withdrawal_took_effect" not in answer.rules


def test_the_counts_of_states_parties_match_the_published_figures() -> None:
    # Counts announced by the ICC/ASP: 123 (2015, Palestine), 124 (Armenia), 125 (Ukraine).
    assert parties_on(datetime.date(2015, 12, 31)).count == 123
    assert parties_on(datetime.date(2024, 2, 1)).count == 124
    assert parties_on(datetime.date(2025, 1, 1)).count == 125


def _in_force_warrants(answer_rules: tuple[tuple[str, str], ...]) -> set[str]:
    return {text.split()[1] for rule, text in answer_rules if rule == "warrant.in_force"}


def _reasons(person: str, day: datetime.date) -> tuple[tuple[str, str], ...]:
    return tuple((r.rule, r.text) for r in assess(person, "ZAF", day).reasons)


@pytest.mark.parametrize(("person", "warrant"), [
    (person.id, warrant.id) for person, warrant in DATA.warrants()
    if warrant.kind == "warrant" and ((ends := _ends(warrant)) is None or ends > warrant.issued)
    and (person.died is None or person.died > warrant.issued)
])
def test_a_warrant_is_in_force_from_the_day_it_is_issued(person: str, warrant: str) -> None:
    issued = next(w.issued for w in DATA.person(person).warrants if w.id == warrant)
    assert warrant not in _in_force_warrants(_reasons(person, issued - ONE_DAY))
    assert warrant in _in_force_warrants(_reasons(person, issued))


@pytest.mark.parametrize(("person", "warrant"), [
    (person.id, warrant.id) for person, warrant in DATA.warrants() if warrant.kind == "warrant" and _ends(warrant)
])
def test_a_warrant_stops_calling_for_arrest_the_day_it_is_executed_or_withdrawn(person: str, warrant: str) -> None:
    ends = next(_ends(w) for w in DATA.person(person).warrants if w.id == warrant)
    assert ends is not None
    died = DATA.person(person).died
    if died is None or died >= ends:
        assert warrant in _in_force_warrants(_reasons(person, ends - ONE_DAY))
    assert warrant not in _in_force_warrants(_reasons(person, ends))
    assert any(rule in ("warrant.executed", "warrant.lifted") and warrant in text
               for rule, text in _reasons(person, ends))
