"""The five verdicts, strongest first, with what each means for travel.

>>> Verdict.NO_DUTY.can_travel
True
>>> sorted([Verdict.NO_WARRANT, Verdict.IN_CUSTODY, Verdict.NO_DUTY])[0]
<Verdict.IN_CUSTODY: 'in_custody'>
"""

from __future__ import annotations

from enum import Enum


class Verdict(str, Enum):
    """What the law says about a person in a country on a date.

    Members are ordered from strongest to weakest: where several apply, the strongest (the smallest) wins.

    >>> Verdict("residual_duty").can_travel, Verdict.RESIDUAL_DUTY.rank
    (False, 2)
    >>> print(Verdict.NO_WARRANT.description)
    no ICC arrest warrant is in force against the person on that date
    """

    IN_CUSTODY = "in_custody"
    DUTY_TO_ARREST = "duty_to_arrest"
    RESIDUAL_DUTY = "residual_duty"
    NO_DUTY = "no_duty"
    NO_WARRANT = "no_warrant"

    @property
    def can_travel(self) -> bool:
        """True when no legal duty of arrest stands in the way (``no_warrant`` and ``no_duty``)."""
        return self in (Verdict.NO_DUTY, Verdict.NO_WARRANT)

    @property
    def description(self) -> str:
        """One plain sentence on what the verdict means."""
        return _DESCRIPTIONS[self]

    @property
    def rank(self) -> int:
        """0 for the strongest verdict, 4 for the weakest."""
        return _ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank < other.rank

    def __str__(self) -> str:
        return self.value


_ORDER = list(Verdict)

_DESCRIPTIONS = {
    Verdict.IN_CUSTODY: "the person is detained on that date, by the Court or a state, and cannot travel",
    Verdict.DUTY_TO_ARREST: "an ICC arrest warrant is in force and the host state has a legal duty to arrest "
    "and surrender the person",
    Verdict.RESIDUAL_DUTY: "the host state has withdrawn from the Rome Statute, but article 127(2) keeps its duty "
    "to cooperate for proceedings begun while it was a party",
    Verdict.NO_DUTY: "an ICC arrest warrant is in force, but the host state has no legal duty to arrest "
    "(it may still cooperate voluntarily, article 87(5))",
    Verdict.NO_WARRANT: "no ICC arrest warrant is in force against the person on that date",
}
