"""The public decision API: one call per question, each answered by the rules (:mod:`icc_rules.law`).

* :func:`assess`, :func:`can_travel`, :func:`verdict_of`: a person in a country on a day;
* :func:`decide`: the rules' decision itself, for a visit, a transit or an overflight;
* :func:`spans`: the decisions over a range of days, one per interval (the material of timelines);
* :func:`standing`: where a person stands on a day, whatever the country (wanted, in custody, no warrant);
* :func:`state_status`: what the rules find about a country alone on a day (is the Statute binding it?);
* :func:`load_data`, :func:`shipped_data`: the datasets they answer from;
* the vocabulary of the answers: :class:`Verdict`, :class:`Decision` (and :class:`Held`, who holds a person in
  custody), :class:`PendingWithdrawal`, :data:`Presence`, :data:`RULES`, :data:`STATUTE_IN_FORCE`.

The views (:mod:`icc_rules.views`) are built on these names, and on the few of :mod:`icc_rules.api.internal`, the
internal API declared for them.
"""

from ..law.decide import PRESENCES, Decision, Held, Presence
from ..law.pending import PendingWithdrawal
from ..law.rules import RULES, Rule
from ..law.standing import PersonStanding
from ..law.statute import STATUTE_IN_FORCE
from ..law.verdicts import Verdict
from .answers import Assessment, FactUsed, Reason, best_source
from .datasets import load_data, shipped_data
from .queries import (
    CountryLike,
    DateLike,
    PersonLike,
    Span,
    assess,
    can_travel,
    decide,
    spans,
    standing,
    state_status,
    verdict_of,
)

__all__ = [
    "PRESENCES", "RULES", "STATUTE_IN_FORCE", "Assessment", "CountryLike", "DateLike", "Decision", "FactUsed",
    "Held", "PendingWithdrawal", "PersonLike", "PersonStanding", "Presence", "Reason", "Rule", "Span", "Verdict",
    "assess", "best_source", "can_travel", "decide", "load_data", "shipped_data", "spans", "standing", "state_status", "verdict_of",
]
