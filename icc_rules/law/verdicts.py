"""The five verdicts, strongest first, and what each means: declared once, in :data:`VERDICT_TABLE`.

The order is the law's: where several verdicts apply, the strongest wins (in_custody, duty_to_arrest, residual_duty,
no_duty, no_warrant). The verdict rules of :mod:`icc_rules.law.rules` are generated from the same table (their
priorities are the table's order), so the rule set and the enum cannot disagree.

Verdicts compare by that order, strongest first: the strongest is the *smallest*, as a rank (first place, second
place ...). ``min`` gives the verdict that wins, and ``<``, ``<=``, ``>``, ``>=``, ``min``, ``max`` and ``sorted`` agree:

>>> min(Verdict), max(Verdict)
(<Verdict.IN_CUSTODY: 'in_custody'>, <Verdict.NO_WARRANT: 'no_warrant'>)
>>> Verdict.DUTY_TO_ARREST < Verdict.NO_DUTY, Verdict.NO_DUTY > Verdict.RESIDUAL_DUTY
(True, True)
>>> sorted([Verdict.NO_WARRANT, Verdict.IN_CUSTODY, Verdict.NO_DUTY])[0]
<Verdict.IN_CUSTODY: 'in_custody'>
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from ..i18n import N_, gettext


class Verdict(str, Enum):
    """What the law says about a person in a country on a date.

    >>> Verdict("residual_duty").can_travel, Verdict.RESIDUAL_DUTY.rank, Verdict.RESIDUAL_DUTY.owes_arrest
    (False, 2, True)
    >>> print(Verdict.NO_WARRANT.description)
    no ICC arrest warrant is in force against the person on that date
    """

    IN_CUSTODY = "in_custody"
    DUTY_TO_ARREST = "duty_to_arrest"
    RESIDUAL_DUTY = "residual_duty"
    NO_DUTY = "no_duty"
    NO_WARRANT = "no_warrant"

    @property
    def meaning(self) -> VerdictMeaning:
        """The verdict's row of :data:`VERDICT_TABLE`."""
        return _MEANINGS[self]

    @property
    def can_travel(self) -> bool:
        """True when no legal duty of arrest stands in the way (``no_warrant`` and ``no_duty``)."""
        return self.meaning.can_travel

    @property
    def owes_arrest(self) -> bool:
        """True when the host owes the Court the person's arrest (``duty_to_arrest`` and ``residual_duty``): the
        verdicts under which a free person is at risk of arrest there."""
        return self.meaning.owes_arrest

    def ignored_by(self, outcome: str) -> bool:
        """True when a visit with this ``outcome`` (a :data:`~icc_rules.data.models.VisitOutcome`) ignored the
        host's duty: the verdict owed the arrest, and the person came and was not arrested.

        >>> Verdict.DUTY_TO_ARREST.ignored_by("not_arrested"), Verdict.NO_DUTY.ignored_by("not_arrested")
        (True, False)
        >>> Verdict.DUTY_TO_ARREST.ignored_by("visit_cancelled")
        False
        """
        return self.owes_arrest and outcome == "not_arrested"

    @property
    def description(self) -> str:
        """One plain sentence on what the verdict means."""
        return gettext(self.meaning.description)

    @property
    def phrase(self) -> str:
        """The verdict in plain words for a headline: what the host must do and what it means for a trip.

        >>> print(Verdict.NO_DUTY.phrase)
        no duty to arrest: can travel there without a legal duty to arrest
        """
        return gettext(self.meaning.phrase)

    @property
    def label(self) -> str:
        """The verdict in the fewest plain words: what the host must do (the phrase's first part).

        >>> Verdict.DUTY_TO_ARREST.label, Verdict.IN_CUSTODY.label
        ('must arrest', 'in custody')
        """
        return gettext(self.meaning.phrase.partition(":")[0])

    @property
    def short(self) -> str:
        """A few plain words on what the verdict means, for legends and tables."""
        return gettext(self.meaning.short)

    @property
    def rank(self) -> int:
        """0 for the strongest verdict, 4 for the weakest."""
        return self.meaning.rank

    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Verdict) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Verdict) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Verdict) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Verdict) else NotImplemented

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class VerdictMeaning:
    """A verdict and what it means: whether the person can travel, whether the host owes an arrest, the derived fact
    that establishes it (none for ``no_warrant``, which holds when nothing stronger does), a few words for legends
    (``short``), one sentence (``description``), the words a headline gives it (``phrase``: what the host must do,
    then what it means for a trip), and its rank (0 is the strongest), which is its place in :data:`VERDICT_TABLE`.
    Human text shows these words; the code (``duty_to_arrest``) is for programs."""

    verdict: Verdict
    can_travel: bool
    owes_arrest: bool
    established_by: str | None
    legal_basis: str
    short: str
    description: str
    phrase: str
    rank: int = -1


#: The verdicts, strongest first, with what each means. The one place the order is written.
_ROWS = (
    VerdictMeaning(Verdict.IN_CUSTODY, False, False, "detained", N_("Rome Statute arts. 59 and 60"),
         N_("the person is detained"),
         N_("the person is detained on that date, by the Court or a state, and cannot travel"),
         N_("in custody: detained on that day, so cannot travel")),
    VerdictMeaning(Verdict.DUTY_TO_ARREST, False, True, "duty",
         N_("Rome Statute arts. 86 and 89(1); art. 12(3); art. 13(b)"),
         N_("the host has a legal duty to arrest"),
         N_("an ICC arrest warrant is in force and the host state has a legal duty to arrest and surrender the "
            "person"),
         N_("must arrest: cannot travel there without a legal duty to arrest")),
    VerdictMeaning(Verdict.RESIDUAL_DUTY, False, True, "residual", N_("Rome Statute art. 127(2)"),
         N_("a former party's duty survives (art. 127(2))"),
         N_("the host state has withdrawn from the Rome Statute, but article 127(2) keeps its duty to cooperate for "
         "proceedings begun while it was a party"),
         N_("must still arrest (article 127(2)): cannot travel there without a legal duty to arrest")),
    VerdictMeaning(Verdict.NO_DUTY, True, False, "wanted",
         N_("Vienna Convention on the Law of Treaties art. 34; Rome Statute art. 87(5)"),
         N_("warrant in force, but no legal duty to arrest"),
         N_("an ICC arrest warrant is in force, but the host state has no legal duty to arrest (it may still "
            "cooperate voluntarily, article 87(5))"),
         N_("no duty to arrest: can travel there without a legal duty to arrest")),
    VerdictMeaning(Verdict.NO_WARRANT, True, False, None, N_("Rome Statute art. 58"),
         N_("no warrant in force"),
         N_("no ICC arrest warrant is in force against the person on that date"),
         N_("no warrant in force: can travel there without a legal duty to arrest")),
)

VERDICT_TABLE: tuple[VerdictMeaning, ...] = tuple(replace(row, rank=rank) for rank, row in enumerate(_ROWS))
"""Every verdict's meaning, strongest first."""

_MEANINGS = {meaning.verdict: meaning for meaning in VERDICT_TABLE}
assert list(_MEANINGS) == list(Verdict), "the table lists every verdict once, in the enum's order"
