"""A person's standing on a day, whatever the country: wanted, in custody, or no warrant in force.

The rules answer it as they answer any question: for the person in a country that owes the Court nothing of its
own (no treaty, declaration, territory or referral record), where the verdict turns on the person alone. A verdict
of ``no_duty`` there means a warrant is in force (the person is wanted), ``in_custody`` that they are held, and
``no_warrant`` that no warrant is in force (none issued yet, only a summons, or every warrant executed, withdrawn
or ended). Who holds a detained person, which warrants are in force and which of them were still sealed are read
from the rules that fired, never worked out again from the records.

>>> from icc_rules.data import shipped
>>> from icc_rules.law.decide import decider_for
>>> putin = standing(decider_for(shipped()), "putin", 20240903)
>>> putin.status, putin.warrants_in_force, putin.held_by
('wanted', ('putin-2023',), None)
>>> duterte = standing(decider_for(shipped()), "duterte", 20250601)
>>> duterte.status, duterte.held_by
('in custody', 'ICC')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from ..data.countries import all_countries
from ..errors import DataError
from .decide import Decider, Decision
from .verdicts import Verdict

__all__ = ["STATUS", "PersonStanding", "Status", "nowhere", "standing"]

Status = Literal["wanted", "in custody", "no warrant in force"]
"""A person's standing, in the words readers use."""

#: The standing each verdict means in a country that owes the Court nothing of its own.
STATUS: Mapping[Verdict, Status] = MappingProxyType({
    Verdict.IN_CUSTODY: "in custody",
    Verdict.DUTY_TO_ARREST: "wanted",
    Verdict.RESIDUAL_DUTY: "wanted",
    Verdict.NO_DUTY: "wanted",
    Verdict.NO_WARRANT: "no warrant in force",
})


@dataclass(frozen=True)
class PersonStanding:
    """What the rules find about a person alone on a day.

    ``held_by`` is ``"ICC"`` or the alpha-3 code of the state holding a detained person (``None``: not detained);
    ``warrants_in_force`` are the warrants the rules find in force, ``sealed`` those of them not yet made public.
    """

    person: str
    status: Status
    held_by: str | None
    warrants_in_force: tuple[str, ...]
    sealed: tuple[str, ...]
    decision: Decision

    @property
    def at_large(self) -> bool:
        """Wanted on a warrant in force, every one of them public, and not held by the Court: the Court's own way
        of counting (a person a state holds on other grounds is still at large for it)."""
        return self.status != "no warrant in force" and bool(self.warrants_in_force) and not self.sealed \
            and self.held_by != "ICC"


def nowhere(decider: Decider) -> str:
    """A country that owes the Court nothing of its own in ``decider``'s data: where a person's standing is read.

    Raises:
        DataError: every country has host facts in this data.
    """
    found = decider.data.attached("law.nowhere", lambda: next(
        (c.code for c in all_countries() if c.code not in decider.data.host_codes), ""))
    if not found:
        raise DataError("every country has host facts in this data: no country shows a person's standing alone")
    return str(found)


def standing(decider: Decider, person_id: str, day: int) -> PersonStanding:
    """The standing of ``person_id`` on ``day`` (a day number), as the rules find it."""
    decision = decider.decide(person_id, nowhere(decider), day)
    facts = decision.pair.by_id
    held_by = None
    in_force: list[str] = []
    sealed: list[str] = []
    for firing in decision.run.firings:
        if firing.rule == "custody.detained":
            record = facts[firing.fact("c")].record
            held_by = getattr(record, "held_by", None)
        elif firing.rule == "warrant.in_force":
            in_force.append(str(facts[firing.fact("w")].fields["warrant"]))
        elif firing.rule == "warrant.under_seal":
            sealed.append(str(facts[firing.fact("w")].fields["warrant"]))
    return PersonStanding(person=person_id, status=STATUS[decision.verdict], held_by=held_by,
                          warrants_in_force=tuple(in_force), sealed=tuple(sealed), decision=decision)
