"""Turning the dataset into the facts the rule set reasons over, for one person and one host state.

Facts are flat dicts with a unique ``id`` and a type ``t``; dates are ``YYYYMMDD`` integers and an open end is
:data:`~icc_rules.dates.NEVER`. Each fact remembers the records it was made from (its provenance), so an answer
can cite the sources of every fact a rule used. The facts of a pair do not depend on the date asked about, so they
are built once per pair; the date enters only through the query fact.

>>> from icc_rules.dataset import shipped
>>> facts = pair_facts(shipped(), "putin", "ARM")
>>> [f.fact["t"] for f in facts.facts if f.fact["t"] in ("membership", "warrant")]
['membership', 'warrant']
>>> 20240201 in facts.breakpoints
True
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from .dataset import Dataset
from .dates import NEVER, day_number, optional_day_number
from .models import ENDING_EVENTS, Person, Sourced, State, TreatyChange, Warrant
from .statute import STATUTE_IN_FORCE

#: How a warrant's ending event reads in an explanation.
_ENDED_BY = {
    "arrested": "executed: the person was arrested",
    "surrendered": "executed: the person was surrendered to the Court",
    "transferred": "executed: the person was transferred to the Court",
    "withdrawn": "withdrawn by the Court",
    "vacated": "vacated by the Court",
    "proceedings_terminated": "proceedings terminated",
}
_KIND_TEXT = {"summons": "a summons to appear", "requested": "an application for a warrant not granted by then"}


class Evidence(NamedTuple):
    """A record a fact was made from; ``since`` is the first day (``YYYYMMDD``) an answer can rest on it."""

    label: str
    record: Sourced
    since: int = 0


@dataclass(frozen=True, eq=False)  # identity: each fact is made once per pair
class Fact:
    """One engine fact and the records it was made from.

    A record of a later event (a revocation, a withdrawal taking effect, a warrant's execution) only supports
    answers from its own date: before it, the answer does not rest on it and its confidence does not matter.
    """

    fact: Mapping[str, Any]
    provenance: tuple[Evidence, ...]

    def evidence_on(self, day: int) -> tuple[Evidence, ...]:
        """The records an answer about ``day`` rests on."""
        return tuple(e for e in self.provenance if e.since <= day)


@dataclass(frozen=True)
class PairFacts:
    """Every fact about one person and one host, and the days on which any of them can change an answer."""

    person: Person
    host_code: str
    host_name: str
    facts: tuple[Fact, ...]
    breakpoints: tuple[int, ...]

    def interval(self, day: int) -> int:
        """The index of the interval between breakpoints that contains ``day``: answers are equal within one."""
        return bisect.bisect_right(self.breakpoints, day)

    def by_id(self) -> Mapping[str, Fact]:
        """The facts keyed by their ``id``."""
        return {f.fact["id"]: f for f in self.facts}


def _state_facts(state: State, not_before: datetime.date | None = None, evidence: tuple[Evidence, ...] = ()
                 ) -> Iterator[Fact]:
    """The treaty facts of ``state``; for one of its territories, ``not_before`` is the day the Statute was extended
    there and ``evidence`` the territory's record."""
    ends = next((c for c in state.changes if c.kind == "withdrawal_effective"), None)
    if ends is None:  # art. 127(1): a notification not revoked in time takes effect on its own
        ends = next((c for c in state.changes if c.kind == "withdrawal_notified" and not _revoked_in_time(state, c)),
                    None)
    if state.in_force is not None:
        provenance: tuple[Evidence, ...] = (Evidence(f"{state.name}: treaty record", state), *evidence)
        in_force = max(state.in_force, not_before) if not_before else state.in_force
        end_day = None
        if ends is not None:
            end_day = ends.date if ends.kind == "withdrawal_effective" else ends.takes_effect
            assert end_day is not None
            label = (f"{state.name}: withdrawal took effect {end_day}" if ends.kind == "withdrawal_effective" else
                     f"{state.name}: withdrawal notified {ends.date}, taking effect {end_day} (art. 127(1))")
            provenance += (Evidence(label, ends, day_number(end_day)),)
        yield Fact({"id": "membership", "t": "membership", "in_force": day_number(in_force),
                    "ends": optional_day_number(end_day)}, provenance)
    for index, change in enumerate(state.changes):
        if change.kind == "withdrawal_notified":
            assert change.takes_effect is not None  # the model requires it
            revoked = next((c for c in state.changes if c.kind == "withdrawal_revoked" and c.date >= change.date),
                           None)
            provenance = (Evidence(f"{state.name}: withdrawal notified {change.date}", change),)
            if revoked is not None:
                provenance += (Evidence(f"{state.name}: withdrawal revoked {revoked.date}", revoked,
                                        day_number(revoked.date)),)
            yield Fact({"id": f"notice:{index}", "t": "notice", "notified": day_number(change.date),
                        "takes_effect": day_number(change.takes_effect),
                        "revoked": optional_day_number(revoked.date if revoked else None)}, provenance)
        elif change.kind == "withdrawal_announced":
            yield Fact({"id": f"announcement:{index}", "t": "announcement", "date": day_number(change.date)},
                       (Evidence(f"{state.name}: withdrawal announced {change.date}", change),))


def _revoked_in_time(state: State, notice: TreatyChange) -> bool:
    return any(c.kind == "withdrawal_revoked" and notice.date <= c.date and (
        notice.takes_effect is None or c.date < notice.takes_effect) for c in state.changes)


def _warrant_fact(warrant: Warrant) -> Fact:
    ending = min((e for e in warrant.events if e.kind in ENDING_EVENTS), key=lambda e: e.date, default=None)
    provenance: tuple[Evidence, ...] = (Evidence(f"warrant {warrant.id}", warrant),)
    if ending is not None:
        provenance += (
            Evidence(f"warrant {warrant.id}: {ending.kind} {ending.date}", ending, day_number(ending.date)),
        )
    return Fact({
        "id": f"warrant:{warrant.id}", "t": "warrant", "warrant": warrant.id, "situation": warrant.situation,
        "case": warrant.case or warrant.situation, "kind": warrant.kind,
        "kind_text": _KIND_TEXT.get(warrant.kind, "a warrant of arrest"),
        "issued": day_number(warrant.issued), "public": day_number(warrant.made_public or warrant.issued),
        "ends": optional_day_number(ending.date if ending else None),
        "ended_by": _ENDED_BY.get(ending.kind, "") if ending else "",
    }, provenance)


def _person_facts(data: Dataset, person: Person) -> Iterator[Fact]:
    yield Fact({"id": f"person:{person.id}", "t": "person", "died": optional_day_number(person.died)},
               (Evidence(f"{person.name}: identity" + (f", died {person.died}" if person.died else ""), person),))
    for warrant in person.warrants:
        yield _warrant_fact(warrant)
    for index, office in enumerate(person.offices):
        yield Fact({"id": f"office:{index}", "t": "office", "title": office.title, "start": day_number(office.start),
                    "end": optional_day_number(office.end)}, (Evidence(f"{person.name}: {office.title}", office),))
    for index, period in enumerate(person.custody):
        held_by = period.held_by
        state = data.state(held_by)
        held_by_name = "the ICC" if held_by == "ICC" else (state.name if state else _country_name(held_by))
        yield Fact({"id": f"custody:{index}", "t": "custody", "start": day_number(period.start),
                    "end": optional_day_number(period.end), "held_by": held_by, "held_by_name": held_by_name},
                   (Evidence(f"{person.name}: custody from {period.start}", period),))
    for situation_id in sorted({w.situation for w in person.warrants}):
        situation = data.situation(situation_id)
        yield Fact({"id": f"situation:{situation_id}", "t": "situation", "situation": situation_id,
                    "opened": optional_day_number(situation.investigation_opened)},
                   (Evidence(f"{situation.name}: investigation opened {situation.investigation_opened}", situation),))


def _country_name(code: str) -> str:
    from .countries import country_by_code

    return country_by_code(code).name


def _host_facts(data: Dataset, host_code: str) -> Iterator[Fact]:
    territory = data.territory(host_code)
    if territory is not None:
        sovereign = data.state(territory.state)
        sovereign_name = sovereign.name if sovereign else _country_name(territory.state)
        record = Evidence(f"{_country_name(host_code)}: territory of {sovereign_name}", territory)
        yield Fact({"id": "territory", "t": "territory", "applies": territory.applies,
                    "state_name": sovereign_name}, (record,))
        if not territory.applies:
            return
        host_code = territory.state
        if sovereign is not None:
            yield from _state_facts(sovereign, territory.applies_from, (record,))
    elif (state := data.state(host_code)) is not None:
        yield from _state_facts(state)
    for declaration in data.declarations:
        if declaration.state == host_code:
            yield Fact({"id": f"declaration:{declaration.id}", "t": "declaration",
                        "situation": declaration.situation, "lodged": day_number(declaration.lodged)},
                       (Evidence(f"article 12(3) declaration {declaration.id}", declaration),))
    for referral in data.referrals:
        if host_code in referral.binds:
            yield Fact({"id": f"referral:{referral.id}", "t": "referral", "situation": referral.situation,
                        "resolution": referral.resolution, "adopted": day_number(referral.adopted)},
                       (Evidence(f"Security Council {referral.resolution}", referral),))


def person_facts(data: Dataset, person_id: str) -> tuple[Fact, ...]:
    """The facts about ``person_id`` alone (identity, warrants, offices, custody, situations): the same in every
    host, so they can be made once and shared by the person's pairs."""
    return tuple(_person_facts(data, data.person(person_id)))


def host_facts(data: Dataset, host_code: str) -> tuple[Fact, ...]:
    """The facts about ``host_code`` alone (treaty status, territory, declarations, referrals): the same for every
    person, so they can be made once and shared by the host's pairs."""
    return tuple(_host_facts(data, host_code))


def pair_facts(data: Dataset, person_id: str, host_code: str, made: tuple[tuple[Fact, ...], tuple[Fact, ...]] | None
               = None) -> PairFacts:
    """Every fact the rules need about ``person_id`` in ``host_code`` (alpha-3), with the days they can change;
    ``made`` is the person's and the host's facts if they are already made (:func:`person_facts`,
    :func:`host_facts`)."""
    person = data.person(person_id)
    state = data.state(host_code)
    of_person, of_host = made if made is not None else (person_facts(data, person_id), host_facts(data, host_code))
    facts = (*of_host, *of_person)
    days = {day_number(STATUTE_IN_FORCE)}
    for item in facts:
        days.update(v for k, v in item.fact.items()
                    if isinstance(v, int) and not isinstance(v, bool) and k != "id" and v != NEVER)
    return PairFacts(person, host_code, state.name if state else _country_name(host_code), facts,
                     tuple(sorted(days)))
