"""The answer to a query, and how it explains itself.

An :class:`Assessment` is immutable. Its ``reasons`` are the rules that fired, in order, each with the provision it
encodes, the facts it compared and their sources; ``explain()`` renders all of it for a reader, and its ``repr`` is
one line.
"""

from __future__ import annotations

import datetime
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, computed_field

from ..data.models import Finding, Visit, Warrant
from ..errors import InputError, short_repr
from ..law.explain import FactUsed, Reason
from ..law.pending import PendingWithdrawal
from ..law.verdicts import Verdict

__all__ = ["About", "Assessment", "FactUsed", "Reason", "SourcesShown"]

SourcesShown = Literal["best", "all"]
"""How many sources ``explain()`` lists for each fact: the ``best`` two (strongest first), or ``all``."""

#: How many sources ``explain()`` lists per fact by default.
BEST_SOURCES = 2


class About(BaseModel):
    """Who and where an answer is about: the person's dataset id and name, and the country's ISO 3166-1 alpha-3 code
    and name. The base of every answer about a person in a country (:class:`Assessment`, the periods and changes of
    a timeline).

    >>> About(person="putin", person_name="Vladimir Putin", country="MNG", country_name="Mongolia").country_name
    'Mongolia'
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    country: str
    country_name: str


class Assessment(About):
    """Whether a person can travel to a country on a date, and why.

    ``pending_withdrawals`` are the host's withdrawals notified but not yet in effect on the day (rule
    ``status.withdrawal_pending``), each with the day it takes effect; ``explain()`` says them under the verdict.

    >>> from icc_rules import assess
    >>> answer = assess("Putin", "Mongolia", "2024-09-03")
    >>> answer
    <Assessment putin in MNG on 2024-09-03: duty_to_arrest>
    >>> answer.verdict, answer.can_travel
    (<Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>, False)
    >>> [reason.rule for reason in answer.reasons]
    ['status.party', 'warrant.in_force', 'duty.state_party', 'note.official_capacity', 'verdict.duty_to_arrest']
    """

    date: datetime.date
    verdict: Verdict
    reasons: tuple[Reason, ...]
    confirmed: bool = True
    warrants: tuple[Warrant, ...] = ()
    precedents: tuple[Visit | Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    user_data: tuple[str, ...] = ()
    how_sure: tuple[str, ...] = ()
    pending_withdrawals: tuple[PendingWithdrawal, ...] = ()
    data_version: str
    data_as_of: datetime.date

    @computed_field  # type: ignore[prop-decorator]
    @property
    def can_travel(self) -> bool:
        """True exactly when the verdict is ``no_warrant`` or ``no_duty``."""
        return self.verdict.can_travel

    @property
    def rules(self) -> tuple[str, ...]:
        """The ids of the rules that fired, in order."""
        return tuple(reason.rule for reason in self.reasons)

    def __repr__(self) -> str:
        return f"<Assessment {self.person} in {self.country} on {self.date}: {self.verdict.value}>"

    def __str__(self) -> str:
        return self.headline()

    def headline(self) -> str:
        """One line: who, where, when, the verdict and whether the person can travel.

        >>> from icc_rules import assess
        >>> assess("Putin", "Kyrgyzstan", "2023-10-12").headline()
        'Vladimir Putin in Kyrgyzstan on 2023-10-12: no_duty (can travel: True)'
        """
        return (f"{self.person_name} in {self.country_name} on {self.date}: {self.verdict.value} "
                f"(can travel: {self.can_travel})")

    def explain(self, sources: SourcesShown = "best") -> str:
        """A readable account: the verdict, the warnings, each rule that fired with its basis, facts and sources.

        Each fact's sources are listed strongest first (primary, secondary, reference): the best two by default,
        all of them with ``sources="all"``; any other value raises :class:`~icc_rules.errors.InputError`.

        >>> from icc_rules import assess
        >>> print(assess("Putin", "Kyrgyzstan", "2023-10-12").explain())  # doctest: +ELLIPSIS
        Vladimir Putin in Kyrgyzstan on 2023-10-12: no_duty (can travel: True)
          an ICC arrest warrant is in force, but the host state has no legal duty to arrest ...
        <BLANKLINE>
        Why:
          1. [warrant.in_force] Warrant putin-2023 (ICC-01/22) was issued on 2023-03-17 and is in force: ...
        """
        if sources not in get_args(SourcesShown):
            raise InputError(f"sources={short_repr(sources)}: expected one of {', '.join(get_args(SourcesShown))}")
        lines = [self.headline(), f"  {self.verdict.description}"]
        lines += [f"  pending for {pending.state_name}: {pending.in_words}" for pending in self.pending_withdrawals]
        if self.warnings:
            lines += ["", "Warnings:", *(f"  - {warning}" for warning in self.warnings)]
        lines += ["", "Why:"]
        shown: set[object] = set()  # each fact and source is listed once, under the first rule that used it
        for number, reason in enumerate(self.reasons, 1):
            lines.append(f"  {number}. [{reason.rule}] {reason.text}")
            lines.append(f"     legal basis: {reason.legal_basis}")
            for used in reason.facts:
                if used in shown:
                    continue
                shown.add(used)
                mark = "" if used.confidence == "confirmed" else f" ({used.confidence})"
                origin = "" if used.origin == "shipped" else f" [from {used.origin}]"
                lines.append(f"     fact: {used.description}{mark}{origin}")
                listed = used.sources if sources == "all" else used.sources[:BEST_SOURCES]
                for source in listed:
                    if source not in shown:
                        shown.add(source)
                        about = ", ".join(part for part in (source.kind, source.document) if part)
                        lines.append(f"       source: {source.title}{f' [{about}]' if about else ''} <{source.url}>")
                if len(used.sources) > len(listed):
                    lines.append(f"       and {len(used.sources) - len(listed)} more source(s) "
                                 "(explain(sources=\"all\"), --sources all)")
        if self.precedents:
            lines += ["", "Precedents:"]
            for precedent in self.precedents:
                when = precedent.start if isinstance(precedent, Visit) else precedent.date
                lines.append(f"  - {when}: {precedent.summary}")
        if self.how_sure:
            lines += ["", "How sure:", *(f"  - {line}" for line in self.how_sure)]
        lines += ["", f"Data: icc-rules dataset {self.data_version}, facts checked to {self.data_as_of}."]
        return "\n".join(lines)
