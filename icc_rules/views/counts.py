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

from ..api import standing, state_status
from ..api.internal import dataset
from ..data.dataset import Dataset
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
        return sum(1 for p in data.persons if standing(p, day, data=data).at_large)
    if what == "persons_in_icc_custody":
        return sum(1 for p in data.persons if standing(p, day, data=data).held_by == "ICC")
    if what == "warrants_executed":
        return sum(1 for p in data.persons if p.warrants and "warrant.executed" in standing(
            p, day, data=data).decision.rules)
    return None
