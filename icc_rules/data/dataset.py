"""The :class:`Dataset`: an immutable, validated set of records with lookups by id.

A dataset also carries the state that layers above keep for it (the decisions already made, the name index),
through :meth:`Dataset.attached`: that state lives as long as the dataset and is freed with it, and it is never
pickled (a dataset sent to another process starts afresh there).

>>> from icc_rules.data import shipped
>>> data = shipped()
>>> data.person("kony").name, data.situation("UGA").investigation_opened
('Joseph Kony', datetime.date(2004, 7, 29))
>>> data.state("ARM").in_force
datetime.date(2024, 2, 1)
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from types import MappingProxyType
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from .models import (
    Checked,
    DatasetInfo,
    Declaration,
    Finding,
    Person,
    Referral,
    Situation,
    State,
    Territory,
    Visit,
    Warrant,
)

__all__ = ["TABLES", "Dataset"]

#: Which model each top-level TOML table holds, which field identifies a record of it, and the Dataset attribute
#: that holds its records.
TABLES: Mapping[str, tuple[type[BaseModel], str, str]] = MappingProxyType({
    "state": (State, "code", "states"),
    "situation": (Situation, "id", "situations"),
    "declaration": (Declaration, "id", "declarations"),
    "referral": (Referral, "id", "referrals"),
    "person": (Person, "id", "persons"),
    "territory": (Territory, "code", "territories"),
    "visit": (Visit, "id", "visits"),
    "finding": (Finding, "id", "findings"),
})

T = TypeVar("T")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the state attached to it is its own
class Dataset:
    """An immutable, validated set of records with lookups by id.

    ``origins`` maps ``(table, id)`` to the file a record came from, so answers can say whether a fact is shipped
    data or a user's file; ``conflicts`` lists the records a user's file superseded; ``user_data`` maps
    ``host:CODE``, ``person:ID`` and ``situation:ID`` to the user's files that added, replaced or removed something
    said of them (answers about them say so); ``directory`` is the data directory the records were loaded from
    (``None`` for a dataset built by hand), over which the user's files were loaded.

    >>> from icc_rules import shipped_data
    >>> data = shipped_data()
    >>> data.person("putin").name, data.origin("person", "putin"), data.conflicts
    ('Vladimir Putin', 'shipped', ())
    """

    info: DatasetInfo
    states: tuple[State, ...] = ()
    situations: tuple[Situation, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    referrals: tuple[Referral, ...] = ()
    persons: tuple[Person, ...] = ()
    territories: tuple[Territory, ...] = ()
    visits: tuple[Visit, ...] = ()
    findings: tuple[Finding, ...] = ()
    origins: Mapping[tuple[str, str], str] = field(default_factory=dict, compare=False)
    conflicts: tuple[str, ...] = ()
    user_data: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    directory: str | None = field(default=None, compare=False)
    _attached: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    # --- lookups -------------------------------------------------------------------------------------------------

    @cached_property
    def _states_by_code(self) -> Mapping[str, State]:
        return {s.code: s for s in self.states}

    @cached_property
    def _persons_by_id(self) -> Mapping[str, Person]:
        return {p.id: p for p in self.persons}

    @cached_property
    def _situations_by_id(self) -> Mapping[str, Situation]:
        return {s.id: s for s in self.situations}

    @cached_property
    def _territories_by_code(self) -> Mapping[str, Territory]:
        return {t.code: t for t in self.territories}

    def state(self, code: str) -> State | None:
        """The treaty record of a state (alpha-3 code), or ``None`` if it never deposited an instrument."""
        return self._states_by_code.get(code)

    def territory(self, code: str) -> Territory | None:
        """The record of a territory (alpha-3 code) another state is responsible for, if there is one."""
        return self._territories_by_code.get(code)

    def person(self, person_id: str) -> Person:
        """The person with this id (``KeyError`` if none; :func:`icc_rules.lookup.persons.resolve_person` finds one
        by name)."""
        return self._persons_by_id[person_id]

    def situation(self, situation_id: str) -> Situation:
        """The situation with this id."""
        return self._situations_by_id[situation_id]

    def origin(self, table: str, record_id: str) -> str:
        """The file a record was loaded from (``"shipped"`` for the package's own data)."""
        return self.origins.get((table, record_id), "shipped")

    def warrants(self) -> Iterator[tuple[Person, Warrant]]:
        """Every warrant, summons and application with its person."""
        for person in self.persons:
            for warrant in person.warrants:
                yield person, warrant

    @cached_property
    def host_codes(self) -> frozenset[str]:
        """The countries the data says something about as hosts: a treaty record, a territory record, an article
        12(3) declaration or a binding referral. Every other country has no host facts at all.

        >>> from icc_rules.data import shipped
        >>> {"ZAF", "SDN", "GUF"} <= shipped().host_codes, "CHN" in shipped().host_codes
        (True, False)
        """
        codes = {s.code for s in self.states} | {t.code for t in self.territories}
        codes |= {d.state for d in self.declarations} | {code for r in self.referrals for code in r.binds}
        return frozenset(codes)

    def records(self, table: str) -> tuple[Checked, ...]:
        """The records of one table (``"state"``, ``"territory"``, ``"person"``...).

        >>> from icc_rules.data import shipped
        >>> shipped().records("territory")[0].code
        'ABW'
        """
        return tuple(getattr(self, TABLES[table][2]))

    def verification_dates(self) -> Iterator[tuple[str, str, datetime.date]]:
        """``(table, id, verified_on)`` for every top-level record, for finding records due a fresh check."""
        for table, (_, key, _) in TABLES.items():
            for record in self.records(table):
                yield table, getattr(record, key), record.verified_on

    # --- state attached by the layers above ---------------------------------------------------------------------

    def attached(self, key: str, make: Callable[[], T]) -> T:
        """The state a layer above keeps for this dataset under ``key``, made by ``make()`` on first use.

        It lives as long as the dataset (a dataset that is dropped frees it) and is never pickled.
        """
        found = self._attached.get(key)
        if found is None:  # two threads may both make one; the first stored is the one every caller gets
            found = self._attached.setdefault(key, make())
        return cast(T, found)

    def __getstate__(self) -> dict[str, Any]:
        """Only the records travel (to a process pool, say); what was attached and cached is made again there."""
        state = {f.name: getattr(self, f.name) for f in fields(self) if f.init}
        state["origins"] = dict(self.origins)
        state["user_data"] = dict(self.user_data)
        return state

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "origins", MappingProxyType(dict(self.origins)))
        object.__setattr__(self, "user_data", MappingProxyType(dict(self.user_data)))
        object.__setattr__(self, "_attached", {})
