"""The data held to the law: the dates the Rome Statute fixes.

Each problem is one line naming the record. :func:`icc_rules.load_data` refuses a dataset with any problem, as it
refuses a malformed record (:mod:`icc_rules.data.validate` checks what needs no law).

>>> from icc_rules.data import shipped
>>> list(check_law(shipped()))
[]
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from ..data.dataset import Dataset
from .rules import EXECUTING_EVENTS
from .statute import STATUTE_ADOPTED, STATUTE_IN_FORCE, entry_into_force, withdrawal_takes_effect

__all__ = ["check_law"]


def check_law(data: Dataset) -> Iterator[str]:
    """Every problem of ``data`` with the law: treaty facts before the Statute was adopted, warrants before it
    entered into force, entry into force other than article 126 gives (unless a note says why), a notified
    withdrawal set to take effect sooner than article 127(1) allows, a warrant executed on a day no custody period
    covers."""

    def not_before(day: datetime.date | None, earliest: datetime.date, where: str) -> Iterator[str]:
        if day is not None and day < earliest:
            yield f"{where}: {day} is before {earliest}"

    for state in data.states:
        where = f"state {state.code}"
        for name in ("signed", "deposited", "in_force"):
            yield from not_before(getattr(state, name), STATUTE_ADOPTED, f"{where}: {name}")
        if state.in_force and state.deposited:
            expected = entry_into_force(state.deposited)
            if expected != state.in_force and not state.note:
                yield (f"{where}: in_force {state.in_force} differs from the article 126 date {expected} for a "
                       f"deposit on {state.deposited}, and no note explains why")
        for change in state.changes:
            yield from not_before(change.date, STATUTE_ADOPTED, f"{where}: change {change.kind}")
            if change.kind == "withdrawal_notified" and change.takes_effect is not None:
                earliest = withdrawal_takes_effect(change.date)
                if change.takes_effect < earliest:
                    yield (f"{where}: a withdrawal notified on {change.date} cannot take effect on "
                           f"{change.takes_effect}, before {earliest} (article 127(1))")
    for declaration in data.declarations:
        yield from not_before(declaration.lodged, STATUTE_ADOPTED, f"declaration {declaration.id}: lodged")
    for person, warrant in data.warrants():
        yield from not_before(warrant.issued, STATUTE_IN_FORCE, f"person {person.id}: warrant {warrant.id}: issued")
        for event in warrant.events:
            held = any(c.start <= event.date and (c.end is None or c.end > event.date) for c in person.custody)
            if event.kind in EXECUTING_EVENTS and not held:
                yield (f"person {person.id}: warrant {warrant.id}: {event.kind} on {event.date}, but no custody "
                       "period covers that day (custody `end` is the first day out of that custody)")
