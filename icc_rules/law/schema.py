"""The vocabulary of the rules: every type of fact, its fields and what each field is.

A fact is a flat record with a type (``t``) and fields. Each field has a **role**:

* ``date``: a day number (``YYYYMMDD``; :data:`~icc_rules.law.days.NEVER` for "never", ``0`` for "from the
  start"). Rules may compare dates only with other dates, by order; never with a literal.
* ``key``: an identifier (a state code, a warrant id, a situation id). Rules may only test two keys for equality
  (a join); never against a literal.
* ``value``: a word from a closed set (a warrant's kind, an event's kind, ``true``/``false``). Rules may test it
  against a literal.
* ``text``: words for explanations and timelines only (names, titles, case numbers). The engine never sees them.

Because rules can only order dates and join keys, the engine's answer depends on the *order* of the dates and the
*pattern* of the keys, not on their values: :mod:`icc_rules.law.decide` relies on this to decide each distinct
pattern once. :mod:`icc_rules.law.rules` checks every rule against these roles when the rule set is built.

Each ``date`` field of a base fact has an **event** text: how the day reads in a timeline ("the Rome Statute entered
into force for Armenia"). An empty text means the day is not an event worth naming.

>>> FACT_TYPES["warrant"].fields["issued"], FACT_TYPES["warrant"].fields["kind"]
('date', 'value')
>>> sorted(name for name, kind in FACT_TYPES["membership"].fields.items() if kind == "date")
['in_force']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from ..i18n import N_

__all__ = ["FACT_TYPES", "QUERY", "FactType", "Role"]

Role = Literal["date", "key", "value", "text"]


@dataclass(frozen=True)
class FactType:
    """A type of base fact (one made from the records), its fields with their roles, and the event each date field
    marks in a timeline (a template over the fact's fields and ``{host}``, ``{person}``)."""

    name: str
    doc: str
    fields: Mapping[str, Role]
    events: Mapping[str, str] = field(default_factory=dict)


def _type(type_name: str, doc: str, events: Mapping[str, str] | None = None, /, **fields: Role) -> FactType:
    return FactType(type_name, doc, MappingProxyType(fields), MappingProxyType(dict(events or {})))


_DATE: Role = "date"  # for a field named by a keyword ("from")

#: The type of the query fact: the day asked about and how the person is in the host country.
QUERY = "query"

FACT_TYPES: Mapping[str, FactType] = MappingProxyType({fact_type.name: fact_type for fact_type in (
    _type(QUERY, "The question: the day asked about, and how the person is there (visit, transit or overflight).",
          date="date", presence="value"),
    _type("statute", "The Rome Statute itself: the day it entered into force (art. 126(1)).",
          {"in_force": N_("the Rome Statute entered into force")},
          in_force="date"),
    _type("host", "The country asked about: a state, or a territory whose international relations a state "
          "conducts (its `responsible` state).",
          code="key", responsible="key", kind="value", name="text", responsible_name="text"),
    _type("territory", "A territory's record: whether the Statute applies there, and from when (VCLT art. 29).",
          {"from": N_("the Rome Statute was extended to {host}")},
          applies="value", **{"from": _DATE}),
    _type("membership", "A state's instrument under the Statute and the day the Statute entered into force for it.",
          {"in_force": N_("the Rome Statute entered into force for {state_name}")},
          state="key", in_force="date", state_name="text", instrument="text"),
    _type("notice", "A notification of withdrawal received by the UN Secretary-General, and the day it says it "
          "takes effect (art. 127(1)).",
          {"notified": N_("{state_name} notified its withdrawal from the Rome Statute"),
           "takes_effect": N_("the day {state_name}'s notified withdrawal was set to take effect")},
          state="key", notified="date", takes_effect="date", state_name="text", reference="text"),
    _type("revocation", "A state's revocation of a notification of withdrawal.",
          {"date": N_("{state_name} revoked its notified withdrawal")},
          state="key", date="date", state_name="text"),
    _type("withdrawal_record", "The depositary's record that a withdrawal took effect.",
          {"date": N_("{state_name}'s withdrawal from the Rome Statute took effect")},
          state="key", date="date", state_name="text"),
    _type("announcement", "A government's announcement of withdrawal, with no notification recorded.",
          {"date": N_("{state_name} announced a withdrawal (no notification to the UN recorded)")},
          state="key", date="date", state_name="text"),
    _type("declaration", "An article 12(3) declaration accepting the Court's jurisdiction, and whether it stands "
          "(`lodged`) or the Court could not act on it (`rejected`).",
          {"lodged": N_("{state_name} lodged an article 12(3) declaration ({label})")},
          state="key", situation="key", lodged="date", status="value", state_name="text", label="text"),
    _type("referral", "A state a Security Council referral obliges to cooperate.",
          {"adopted": N_("Security Council resolution {resolution} adopted")},
          state="key", situation="key", adopted="date", resolution="text"),
    _type("person", "The person asked about: when they died, if they did.",
          {"died": N_("{person} died")},
          died="date", name="text"),
    _type("warrant", "A warrant of arrest, a summons to appear, or an application for a warrant (its `kind`).",
          {"issued": "{issued_text}", "public": "{public_text}"},
          warrant="key", situation="key", kind="value", issued="date", public="date",
          case="text", kind_text="text", issued_text="text", public_text="text"),
    _type("warrant_event", "A dated step in a warrant's life: an arrest, a surrender, a withdrawal, a conviction ...",
          {"date": N_("warrant {warrant}: {kind_text}")},
          warrant="key", kind="value", date="date", kind_text="text"),
    _type("office", "An office the person held, which can raise a claim of immunity, and the last day the sources "
          "confirm it (`known_until`).",
          {"start": N_("{person} took office as {title}"), "end": N_("{person} left office as {title}"),
           "known_until": ""},
          start="date", end="date", known_until="date", title="text"),
    _type("custody", "A period in detention, by the Court or by a state.",
          {"start": N_("{person} taken into custody by {held_by_name}"),
           "end": N_("{person} left the custody of {held_by_name}")},
          start="date", end="date", held_by_name="text"),
    _type("situation", "A situation in which a warrant was issued, and the day its investigation began.",
          {"opened": N_("investigation opened in the {name}")},
          situation="key", opened="date", name="text"),
)})
