"""Changes the rules found pending on a day: a withdrawal notified but not yet in effect (rule
``status.withdrawal_pending``), read from the rule's firings and the notice it matched, never worked out again.

The views show them (the States Parties, the world, timelines) with the day each takes effect, so a reader sees what
is coming before it comes.

>>> from icc_rules.data import shipped
>>> from icc_rules.law.decide import decider_for
>>> [hungary] = decider_for(shipped()).decide(None, "HUN", 20250603).pending_withdrawals
>>> hungary.takes_effect, hungary.in_words
(datetime.date(2026, 6, 2), 'withdrawal notified on 2025-06-02, takes effect on 2026-06-02 unless revoked')
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from ..data.models import Confidence
from .days import from_day_number
from .engine import Firing
from .facts import Fact

__all__ = ["PENDING_RULE", "PendingWithdrawal", "pending_withdrawals"]

#: The rule whose firings are the pending withdrawals.
PENDING_RULE = "status.withdrawal_pending"


class PendingWithdrawal(BaseModel):
    """A withdrawal from the Statute notified to the UN Secretary-General and not yet in effect on the day asked
    about: until ``takes_effect`` the state remains a party (art. 127(1)). ``confidence`` is the notification
    record's (a notification known only from press reports is ``reported``); ``reference`` its depositary
    notification, if recorded.

    >>> pending = PendingWithdrawal(state="HUN", state_name="Hungary", notified=datetime.date(2025, 6, 2),
    ...                             takes_effect=datetime.date(2026, 6, 2), confidence="reported")
    >>> pending.in_words
    'withdrawal notified on 2025-06-02 (reported), takes effect on 2026-06-02 unless revoked'
    """

    model_config = ConfigDict(frozen=True)

    state: str
    state_name: str
    notified: datetime.date
    takes_effect: datetime.date
    confidence: Confidence = "confirmed"
    reference: str | None = None

    @property
    def in_words(self) -> str:
        """The notification and the day it takes effect, in one phrase (with its confidence when not confirmed)."""
        unsure = "" if self.confidence == "confirmed" else f" ({self.confidence})"
        return f"withdrawal notified on {self.notified}{unsure}, takes effect on {self.takes_effect} unless revoked"


def pending_withdrawals(firings: Sequence[Firing], facts: Mapping[str, Fact]) -> tuple[PendingWithdrawal, ...]:
    """The withdrawals pending in a run: one per firing of :data:`PENDING_RULE`, from the notice it matched
    (``facts``: the run's base facts by id, with their real values), in the order of the firings."""
    found: dict[tuple[str, int], PendingWithdrawal] = {}
    for firing in firings:
        if firing.rule != PENDING_RULE:
            continue
        notice = facts[firing.fact("n")]
        fields, record = notice.fields, notice.record
        found.setdefault((fields["state"], fields["notified"]), PendingWithdrawal(
            state=fields["state"], state_name=fields["state_name"], notified=from_day_number(fields["notified"]),
            takes_effect=from_day_number(fields["takes_effect"]),
            confidence=record.confidence if record is not None else "confirmed",
            reference=fields["reference"] or None))
    return tuple(found.values())
