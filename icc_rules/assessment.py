"""The answer to a query, and how it explains itself.

An :class:`Assessment` is immutable. Its ``reasons`` are the rules that fired, in order, each with the provision it
encodes, the facts it compared and their sources; ``explain()`` renders all of it for a reader.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field

from .models import Confidence, Finding, Source, Visit, Warrant
from .verdicts import Verdict

RuleKind = Literal["derivation", "note", "verdict"]


class FactUsed(BaseModel):
    """A recorded fact a rule relied on, with how well it is supported.

    >>> FactUsed(description="Hungary: withdrawal revoked 2026-05-29", confidence="reported").confidence
    'reported'
    """

    model_config = ConfigDict(frozen=True)

    description: str
    confidence: Confidence = "confirmed"
    note: str | None = None
    origin: str = "shipped"


class Reason(BaseModel):
    """One rule that fired: its id, what it found in plain words, its legal basis and the facts and sources it used.

    >>> Reason(rule="verdict.no_warrant", kind="verdict", text="No warrant.", legal_basis="Rome Statute art. 58").rule
    'verdict.no_warrant'
    """

    model_config = ConfigDict(frozen=True)

    rule: str
    kind: RuleKind
    text: str
    legal_basis: str
    facts: tuple[FactUsed, ...] = ()
    sources: tuple[Source, ...] = ()


class Assessment(BaseModel):
    """Whether a person can travel to a country on a date, and why.

    >>> from icc_rules import assess
    >>> answer = assess("Putin", "Mongolia", "2024-09-03")
    >>> answer.verdict, answer.can_travel
    (<Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>, False)
    >>> [reason.rule for reason in answer.reasons]
    ['status.party', 'warrant.in_force', 'duty.state_party', 'note.official_capacity', 'verdict.duty_to_arrest']
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    country: str
    country_name: str
    date: datetime.date
    verdict: Verdict
    reasons: tuple[Reason, ...]
    warrants: tuple[Warrant, ...] = ()
    precedents: tuple[Visit | Finding, ...] = ()
    warnings: tuple[str, ...] = ()
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

    def explain(self) -> str:
        """A readable account: the verdict, each rule that fired with its basis, facts and sources, and warnings.

        >>> from icc_rules import assess
        >>> print(assess("Putin", "Kyrgyzstan", "2023-10-12").explain())  # doctest: +ELLIPSIS
        Vladimir Putin in Kyrgyzstan on 2023-10-12: no_duty (can travel: True)
          an ICC arrest warrant is in force, but the host state has no legal duty to arrest ...
        <BLANKLINE>
        Why:
          1. [warrant.in_force] Warrant putin-2023 (ICC-01/22) was issued on 2023-03-17 and is in force: ...
        """
        lines = [
            (f"{self.person_name} in {self.country_name} on {self.date}: {self.verdict.value} "
             f"(can travel: {self.can_travel})"),
            f"  {self.verdict.description}",
            "",
            "Why:",
        ]
        shown: set[object] = set()  # each fact and source is listed once, under the first rule that used it
        for number, reason in enumerate(self.reasons, 1):
            lines.append(f"  {number}. [{reason.rule}] {reason.text}")
            lines.append(f"     legal basis: {reason.legal_basis}")
            for used in reason.facts:
                if used not in shown:
                    shown.add(used)
                    mark = "" if used.confidence == "confirmed" else f" ({used.confidence})"
                    origin = "" if used.origin == "shipped" else f" [from {used.origin}]"
                    lines.append(f"     fact: {used.description}{mark}{origin}")
            for source in reason.sources:
                if source not in shown:
                    shown.add(source)
                    lines.append(f"     source: {source.title} <{source.url}>")
        if self.warnings:
            lines += ["", "Warnings:", *(f"  - {warning}" for warning in self.warnings)]
        if self.precedents:
            lines += ["", "Precedents:"]
            for precedent in self.precedents:
                when = precedent.start if isinstance(precedent, Visit) else precedent.date
                lines.append(f"  - {when}: {precedent.summary}")
        lines += ["", f"Data: icc-rules dataset {self.data_version}, facts checked to {self.data_as_of}."]
        return "\n".join(lines)
