"""Figures computed from the data for a day, counted the way the ICC, the UN and others publish them (how many
States Parties, warrants, persons at large), so that the data can be held to the published figures
(:mod:`icc_rules.data.published`). Every figure that needs a point of law asks the rules.

>>> count("states_parties", datetime.date(2024, 2, 1))
124
>>> count("persons_at_large", datetime.date(2025, 1, 1)) > 20
True
"""

from __future__ import annotations

import datetime

from ..api import decide, state_status
from ..api.queries import dataset
from ..data.countries import all_countries
from ..data.dataset import Dataset
from ..data.models import Person
from .states import parties_on

__all__ = ["count"]


def count(what: str, day: datetime.date, *, data: Dataset | None = None) -> int | None:
    """The figure ``what`` (a :data:`~icc_rules.data.published.CountKind`) for ``day``, or ``None`` where the data
    does not model it.

    States Parties and instruments in force follow the rules (articles 126 and 127); persons at large are those the
    rules find wanted on a public warrant, not held by the Court (the Court's own way of counting: a person held by
    a state on other grounds is still at large for it).
    """
    data = dataset(data)
    if what == "states_parties":
        return parties_on(day, data=data).count
    if what == "instruments_deposited":
        return sum(1 for s in data.states if s.deposited is not None and s.deposited <= day
                   and not any(c.kind == "accession_withdrawn" and c.date <= day for c in s.changes)
                   and "withdrawn" not in state_status(s.code, day, data=data).derived)
    if what in ("persons_with_public_warrants", "public_warrants"):
        return sum(1 for p in data.persons if any(
            w.kind == "warrant" and (w.made_public or w.issued) <= day for w in p.warrants))
    if what == "persons_charged":
        return sum(1 for p in data.persons if any(
            w.kind in ("warrant", "summons") and (w.made_public or w.issued) <= day for w in p.warrants))
    if what == "persons_at_large":
        nowhere = _country_without_host_facts(data)
        return sum(1 for p in data.persons if _at_large(data, p, nowhere, day))
    if what == "persons_in_icc_custody":
        return sum(1 for p in data.persons if _held_by_court(p, day))
    if what == "warrants_executed":
        nowhere = _country_without_host_facts(data)
        return sum(1 for p in data.persons if p.warrants and "warrant.executed" in decide(
            p, nowhere, day, data=data).rules)
    return None


def _held_by_court(person: Person, day: datetime.date) -> bool:
    return any(c.held_by == "ICC" and c.start <= day and (c.end is None or c.end > day) for c in person.custody)


def _at_large(data: Dataset, person: Person, nowhere: str, day: datetime.date) -> bool:
    """Wanted on a warrant the rules find in force, all of the person's warrants public by then, and not held by the
    Court."""
    public = all((w.made_public or w.issued) <= day for w in person.warrants if w.kind == "warrant" and w.issued <= day)
    return public and not _held_by_court(person, day) and "wanted" in decide(person, nowhere, day, data=data).derived


def _country_without_host_facts(data: Dataset) -> str:
    return next(c.code for c in all_countries() if c.code not in data.host_codes)
