"""Turning records into the facts the rules reason over: translation only, no judgement.

Every record that can matter becomes one fact of a type of :mod:`icc_rules.law.schema`, with its fields copied from
the record (dates as day numbers, a missing end as :data:`~icc_rules.law.days.NEVER`, a missing start as
:data:`~icc_rules.law.days.OPEN_START`) and the record itself as its provenance. Nothing here decides whether a
state is a party, whether a warrant is in force or whether a territory is covered: every withdrawal notice, every
revocation, every warrant event is handed to the rules as it was recorded, and the rules decide.

A host's facts do not depend on the person, nor a person's on the host: each is made once and shared.

>>> from icc_rules.data import shipped
>>> [fact.type for fact in host_facts(shipped(), "ARM")]
['statute', 'host', 'membership']
>>> facts = person_facts(shipped(), "putin")
>>> [fact.type for fact in facts][:3], facts[1].fields["issued"]
(['person', 'warrant', 'office'], 20230317)
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..data.countries import country_by_code
from ..data.dataset import Dataset
from ..data.models import Office, Person, Source, Sourced, State, Warrant
from ..i18n import N_
from .days import NEVER, OPEN_START, day_number, optional_day_number
from .schema import FACT_TYPES
from .statute import STATUTE_IN_FORCE

__all__ = ["STATUTE_RECORD", "Fact", "host_facts", "person_facts"]

#: The Rome Statute itself, as the record behind the ``statute`` fact.
STATUTE_RECORD = Sourced(sources=(Source(
    url="https://www.icc-cpi.int/sites/default/files/RS-Eng.pdf", kind="primary",
    title="Rome Statute of the International Criminal Court (ICC), art. 126: entry into force on 1 July 2002",
    document="UN Treaty Series vol. 2187, no. 38544"),))

#: How each kind of warrant event reads.
EVENT_TEXT: Mapping[str, str] = MappingProxyType({
    "arrested": N_("the person was arrested"),
    "surrendered": N_("the person was surrendered to the Court"),
    "transferred": N_("the person was transferred to the Court"),
    "withdrawn": N_("the warrant was withdrawn by the Court"),
    "vacated": N_("the warrant was vacated by the Court"),
    "proceedings_terminated": N_("the proceedings were terminated"),
    "interim_release": N_("the person was granted interim release"),
    "released": N_("the person was released"),
    "acquitted": N_("the person was acquitted"),
    "convicted": N_("the person was convicted"),
    "sentenced": N_("the person was sentenced"),
    "sentence_completed": N_("the person completed the sentence"),
    "charges_confirmed": N_("the charges were confirmed"),
    "application_rejected": N_("the judges rejected the application"),
    "issued_additional": N_("a further warrant was issued"),
})

#: How each kind of warrant record reads.
_KIND_TEXT = {"warrant": N_("a warrant of arrest"), "summons": N_("a summons to appear"),
              "requested": N_("an application for a warrant not granted by then")}
_ISSUED_TEXT = {"warrant": "arrest warrant {id} issued", "summons": "summons to appear {id} issued",
                "requested": "application for an arrest warrant {id} filed"}


@dataclass(frozen=True, eq=False)  # identity: each fact is made once and shared by the pairs that use it
class Fact:
    """One fact: its ``id`` (unique among the facts of a host or of a person), its type, every field of the type
    (dates as day numbers), the record it was made from, and how that record reads in an explanation."""

    id: str
    type: str
    fields: Mapping[str, Any]
    record: Sourced | None
    label: str

    def engine_fields(self) -> dict[str, Any]:
        """The fields the engine sees: dates, keys and values (never the texts)."""
        roles = FACT_TYPES[self.type].fields
        return {name: value for name, value in self.fields.items() if roles[name] != "text"}

    @functools.cached_property
    def engine_items(self) -> tuple[tuple[str, str, Any], ...]:
        """What the engine is given of the fact, in the order of the names: ``(name, role, value)`` for its id and
        its type (``t``), roles ``value``, and for each of :meth:`engine_fields` with its role (``date``, ``key``
        or ``value``). Made once per fact: a pattern is made from it."""
        roles = FACT_TYPES[self.type].fields
        items = {"id": ("value", self.id), "t": ("value", self.type),
                 **{name: (roles[name], value) for name, value in self.engine_fields().items()}}
        return tuple((name, role, value) for name, (role, value) in sorted(items.items()))


class _Facts:
    """Collects facts, giving each the next id under a prefix and checking its fields against the schema."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.made: list[Fact] = []

    def add(self, fact_type: str, record: Sourced | None, description: str, /, **fields: Any) -> None:
        expected = set(FACT_TYPES[fact_type].fields)
        if set(fields) != expected:  # a translation that forgets or invents a field is a bug here, not in the data
            raise AssertionError(f"{fact_type} fact with fields {sorted(fields)}, expected {sorted(expected)}")
        self.made.append(Fact(f"{self.prefix}{len(self.made)}", fact_type, MappingProxyType(fields), record,
                              description))


def _country_name(code: str) -> str:
    """The country's one short name, as a label starts with it ("Philippines: ...")."""
    return country_by_code(code).name


def _in_text(code: str) -> str:
    """The country's name as rule texts write it mid-sentence, with its article ("the Philippines")."""
    return country_by_code(code).in_text


def _state_facts(facts: _Facts, state: State) -> None:
    """A state's treaty events, each as recorded; labelled with the country's one name (not the state record's
    formal one), and giving the rule texts that name as a sentence writes it."""
    name = _country_name(state.code)
    in_text = _in_text(state.code)
    if state.in_force is not None:
        facts.add("membership", state, f"{name}: treaty record (instrument deposited {state.deposited})",
                  state=state.code, in_force=day_number(state.in_force), state_name=in_text,
                  instrument=state.instrument or "")
    for change in state.changes:
        date = day_number(change.date)
        if change.kind == "withdrawal_notified":
            assert change.takes_effect is not None  # the model requires it
            facts.add("notice", change, f"{name}: withdrawal notified {change.date}, to take effect "
                      f"{change.takes_effect}", state=state.code, notified=date,
                      takes_effect=day_number(change.takes_effect), state_name=in_text,
                      reference=change.depositary_notification or "")
        elif change.kind == "withdrawal_revoked":
            facts.add("revocation", change, f"{name}: withdrawal revoked {change.date}", state=state.code,
                      date=date, state_name=in_text)
        elif change.kind == "withdrawal_effective":
            facts.add("withdrawal_record", change, f"{name}: withdrawal took effect {change.date}",
                      state=state.code, date=date, state_name=in_text)
        elif change.kind == "withdrawal_announced":
            facts.add("announcement", change, f"{name}: withdrawal announced {change.date}", state=state.code,
                      date=date, state_name=in_text)
        # accession_withdrawn: an instrument withdrawn before it took effect left no membership to record


def host_facts(data: Dataset, code: str) -> tuple[Fact, ...]:
    """Every fact about the country ``code`` (alpha-3) as a host, whoever the person: the Statute, the host, and the
    treaty events, declarations and referrals of the state that answers for it (itself, or for a territory the state
    responsible for it)."""
    facts = _Facts("h")
    facts.add("statute", STATUTE_RECORD, "the Rome Statute: in force since 2002-07-01 (art. 126(1))",
              in_force=day_number(STATUTE_IN_FORCE))
    territory = data.territory(code)
    responsible = territory.state if territory is not None else code
    responsible_name = _in_text(responsible)
    facts.add("host", territory, f"{_country_name(code)}: territory of {responsible_name}" if territory else
              _country_name(code), code=code, responsible=responsible,
              kind="territory" if territory is not None else "state", name=_in_text(code),
              responsible_name=responsible_name)
    if territory is not None:
        facts.add("territory", territory, f"{_country_name(code)}: the Statute "
                  + (f"applies there (from {territory.applies_from or 'the start'})" if territory.applies
                     else "does not apply there"),
                  applies=territory.applies, **{"from": optional_day_number(territory.applies_from, OPEN_START)})
    state = data.state(responsible)
    if state is not None:
        _state_facts(facts, state)
    for declaration in data.declarations:
        if declaration.state == responsible:
            facts.add("declaration", declaration, f"article 12(3) declaration {declaration.id}",
                      state=declaration.state, situation=declaration.situation or "",
                      lodged=day_number(declaration.lodged), status=declaration.status,
                      state_name=_in_text(declaration.state), label=declaration.id)
    for referral in data.referrals:
        if responsible in referral.binds:
            facts.add("referral", referral, f"Security Council {referral.resolution}", state=responsible,
                      situation=referral.situation, adopted=day_number(referral.adopted),
                      resolution=referral.resolution)
    return tuple(facts.made)


def _warrant_facts(facts: _Facts, warrant: Warrant) -> None:
    public = warrant.made_public or warrant.issued
    issued_text = _ISSUED_TEXT[warrant.kind].format(id=warrant.id) + (" (under seal)" if public > warrant.issued
                                                                       else "")
    facts.add("warrant", warrant, f"warrant {warrant.id}", warrant=warrant.id, situation=warrant.situation,
              kind=warrant.kind, issued=day_number(warrant.issued), public=day_number(public),
              case=warrant.case or warrant.situation, kind_text=_KIND_TEXT[warrant.kind], issued_text=issued_text,
              public_text=f"warrant {warrant.id} made public" if public > warrant.issued else "")
    for event in warrant.events:
        facts.add("warrant_event", event, f"warrant {warrant.id}: {event.kind.replace('_', ' ')} {event.date}",
                  warrant=warrant.id, kind=event.kind, date=day_number(event.date), kind_text=EVENT_TEXT[event.kind])


def person_facts(data: Dataset, person_id: str) -> tuple[Fact, ...]:
    """Every fact about the person ``person_id``, wherever they are: identity and death (its record is the death,
    :attr:`~icc_rules.data.models.Person.death`, or none), warrants and their events, offices, custody, and the
    situations of their warrants."""
    person: Person = data.person(person_id)
    facts = _Facts("p")
    # The rules read only the death from this fact: it cites the death's own sources, and for a person not known
    # to have died, none (a biography does not bear on whether a warrant is in force; the warrant's sources do).
    facts.add("person", person.death, person.name + (f": died {person.died}" if person.died else ": identity"),
              died=optional_day_number(person.died), name=person.name)
    for warrant in person.warrants:
        _warrant_facts(facts, warrant)
    for office in person.offices:
        confirmed = _confirmed_until(person, office)
        facts.add("office", office, f"{person.name}: {office.title} from {office.start}"
                  + (f" to {office.end}" if office.end else f" (confirmed to {confirmed})"),
                  start=day_number(office.start), end=optional_day_number(office.end),
                  known_until=NEVER if confirmed is None else day_number(confirmed), title=office.title)
    for period in person.custody:
        held_by = "the ICC" if period.held_by == "ICC" else _in_text(period.held_by)
        facts.add("custody", period, f"{person.name}: custody from {period.start}"
                  + (f" to {period.end}" if period.end else ""), start=day_number(period.start),
                  end=optional_day_number(period.end), held_by_name=held_by)
    for situation_id in sorted({w.situation for w in person.warrants}):
        situation = data.situation(situation_id)
        facts.add("situation", situation, f"{situation.name}: investigation opened "
                  f"{situation.investigation_opened or 'not recorded'}", situation=situation_id,
                  opened=optional_day_number(situation.investigation_opened), name=situation.name)
    return tuple(facts.made)


def _confirmed_until(person: Person, office: Office) -> datetime.date | None:
    """The last day the sources confirm an office still held: its ``confirmed_until``, or, for a record that does
    not say, the day the person's record was last checked. None for an office that ended."""
    if office.end is not None:
        return None
    return office.confirmed_until or person.verified_on
