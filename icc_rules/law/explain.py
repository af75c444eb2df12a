"""The reasons of an answer, built from the rules that fired: each rule's text, its legal basis, and the facts it
used with their sources, confidence and origin (shipped data or a user's file).

A rule that matched a derived fact used, through it, the facts that fact was derived from: the reasons follow the
firings back to the records (a proof tree), so every reason cites the records it rests on.

>>> FactUsed(description="Hungary: withdrawal revoked 2026-05-29", confidence="reported").confidence
'reported'
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, computed_field

from ..data._pydantic_fast import constructed
from ..data.models import Confidence, Source, Sourced
from .days import NEVER, OPEN_START, from_day_number, is_day
from .engine import Firing
from .facts import Fact
from .rules import RULES_BY_ID
from .vocabulary import Rule, RuleKind

__all__ = ["SOURCE_ORDER", "Explained", "FactUsed", "Reason", "confirmed", "derivations", "ordered", "reasons",
           "sentence", "used_ids"]

#: Sources are listed strongest first: primary, then secondary, then reference (then any not yet classified).
SOURCE_ORDER: Mapping[str | None, int] = {"primary": 0, "secondary": 1, "reference": 2, None: 3}


#: A name ending in s takes a bare apostrophe ("the Philippines' withdrawal"); "the" opening a sentence, a capital.
_POSSESSIVE = re.compile(r"(?<=s)'s\b")
_OPENING_THE = re.compile(r"(^|\. )the ")


def sentence(text: str, capital: bool = True) -> str:
    """A text made from a template as English writes it: a country named with its article ("the Philippines") is
    capitalised where it opens a sentence (not in a fragment, with ``capital=False``), and its possessive is "the
    Philippines'".

    >>> sentence("the Philippines is no longer a State Party. the Philippines's withdrawal took effect.")
    "The Philippines is no longer a State Party. The Philippines' withdrawal took effect."
    >>> sentence("Mongolia must arrest Vladimir Putin.")
    'Mongolia must arrest Vladimir Putin.'
    """
    if "s's" in text:
        text = _POSSESSIVE.sub("'", text)
    if capital and (text.startswith("the ") or ". the " in text):
        return _OPENING_THE.sub(lambda found: f"{found.group(1)}The ", text)
    return text


class FactUsed(BaseModel):
    """A recorded fact a rule relied on: how it reads, how well it is supported, where it came from, and its sources
    (strongest first).

    >>> FactUsed(description="Armenia: treaty record").origin
    'shipped'
    """

    model_config = ConfigDict(frozen=True)

    description: str
    confidence: Confidence = "confirmed"
    note: str | None = None
    origin: str = "shipped"
    sources: tuple[Source, ...] = ()


class Reason(BaseModel):
    """One rule that fired: its id, what it found in plain words, its legal basis and the facts it used.

    >>> Reason(rule="verdict.no_warrant", kind="verdict", text="No warrant.", legal_basis="Rome Statute art. 58").rule
    'verdict.no_warrant'
    """

    model_config = ConfigDict(frozen=True)

    rule: str
    kind: RuleKind
    text: str
    legal_basis: str
    facts: tuple[FactUsed, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of every fact the rule used, each once, strongest first."""
        found: dict[tuple[str, str], Source] = {}
        for used in self.facts:
            for source in used.sources:
                found.setdefault((source.url, source.title), source)
        return tuple(sorted(found.values(), key=lambda source: SOURCE_ORDER.get(source.kind, 3)))


#: The fields every reason and fact made by :class:`Explained` sets: one set shared by all of them (they are frozen).
_REASON_FIELDS = {"rule", "kind", "text", "legal_basis", "facts"}
_FACT_FIELDS = {"description", "confidence", "note", "origin", "sources"}


class _Display:
    """A fact's fields as a rule's text shows them: day numbers as ISO dates."""

    def __init__(self, fields: Mapping[str, Any]) -> None:
        self._fields = fields

    def __getattr__(self, name: str) -> str:
        value = self._fields.get(name, "")
        if value == NEVER:
            return "never"
        if value == OPEN_START and name in ("from",):
            return "the start"
        if is_day(value):
            return from_day_number(value).isoformat()
        return str(value)

    def __getitem__(self, name: str) -> str:  # str.format_map reads "{t.from}" as an attribute: this serves "from"
        return self.__getattr__(name)


_POSITION = {rule_id: index for index, rule_id in enumerate(RULES_BY_ID)}
#: The aliases each rule's text names (``{t.from}`` names ``t``).
_SHOWN = {rule_id: frozenset(field.partition(".")[0].partition("[")[0]
                             for _, field, _, _ in string.Formatter().parse(rule.text) if field)
          for rule_id, rule in RULES_BY_ID.items()}


def ordered(firings: Sequence[Firing]) -> list[Firing]:
    """The firings in the rule set's order, and for one rule in the order of the records they matched (the order
    of the data files): the order in which answers list them."""
    if len(firings) < 2:
        return list(firings)

    def place(fact_id: str) -> tuple[int, int]:  # host facts before the person's, each in the order of its records
        if fact_id[:1] in ("h", "p") and fact_id[1:].isdigit():
            return (fact_id[0] == "p", int(fact_id[1:]))
        return (2, 0)

    return sorted(firings, key=lambda firing: (_POSITION[firing.rule], [place(fact_id) for _, fact_id in firing.facts]))


class Explained:
    """The explanations already made for one dataset, shared: one :class:`FactUsed` per fact, one :class:`Reason`
    per distinct reason (the same reason recurs on every interval of a pair, and reasons are many). Bounded: the
    reasons start afresh when ``limit`` are kept."""

    def __init__(self, origin_of: Callable[[Sourced], str], limit: int) -> None:
        self.origin_of = origin_of
        self.limit = limit
        self._facts: dict[int, tuple[Fact, FactUsed]] = {}
        self._reasons: dict[tuple[Any, ...], Reason] = {}

    def fact(self, fact: Fact) -> FactUsed:
        """The fact as an explanation shows it (made once per fact)."""
        found = self._facts.get(id(fact))
        if found is None or found[0] is not fact:
            if len(self._facts) >= self.limit:
                self._facts.clear()
            found = self._facts[id(fact)] = (fact, _fact_used(fact, self.origin_of))
        return found[1]

    def reason(self, rule: Rule, text: str, facts: tuple[FactUsed, ...], legal_basis: str | None = None) -> Reason:
        """The reason, shared with every equal one made before; ``legal_basis`` replaces the rule's own (a verdict
        cites the provision of the path that led to it)."""
        basis = legal_basis or rule.legal_basis
        key = (rule.id, text, tuple(map(id, facts)), basis)
        found = self._reasons.get(key)
        if found is None or found.facts != facts:
            if len(self._reasons) >= self.limit:
                self._reasons.clear()
            # Built from values already checked (the rule set's and the records'): no validation needed.
            found = self._reasons[key] = constructed(Reason, _REASON_FIELDS, rule=rule.id, kind=rule.kind, text=text,
                                                                legal_basis=basis, facts=facts)
        return found


def reasons(firings: Sequence[Firing], facts: Mapping[str, Fact], host: str, person: str,
            explained: Explained) -> tuple[Reason, ...]:
    """A :class:`Reason` for every rule that fired, in the rule set's order.

    ``facts`` are the run's base facts by id (with their real values: the engine may have seen them relabelled);
    ``explained`` makes (and shares) the facts and reasons, and knows where each record came from.
    """
    derived_by = derivations(firings)

    def fields_of(fact_id: str) -> Mapping[str, Any]:
        base = facts.get(fact_id)
        if base is not None:
            return base.fields
        firing = derived_by.get(fact_id)
        if firing is None:  # the query, a stage or the decide fact: nothing to show
            return {}
        derives = RULES_BY_ID[firing.rule].derives
        assert derives is not None
        shown: dict[str, Any] = dict(derives.constants)
        for name, source in derives.fields.items():
            alias, _, source_field = source.partition(".")
            shown[name] = fields_of(firing.fact(alias)).get(source_field, "")
        return shown

    made = []
    for firing in ordered(firings):
        rule: Rule = RULES_BY_ID[firing.rule]
        shown = _SHOWN[rule.id]  # only the facts its text names are shown
        context = {alias: _Display(fields_of(fact_id)) for alias, fact_id in firing.facts if alias in shown}
        text = sentence(rule.text.format(host=host, person=person, **context))
        records = dict.fromkeys(fact for fact in map(facts.get, used_ids(firing, derived_by))
                                if fact is not None and fact.record is not None)
        made.append(explained.reason(rule, text, tuple(explained.fact(fact) for fact in records),
                                     _path_basis(rule, firing, derived_by)))
    return tuple(made)


def derivations(firings: Sequence[Firing]) -> dict[str, Firing]:
    """The firings that derived a fact, by the id of the fact they derived."""
    return {firing.derived: firing for firing in firings if firing.derived}


def used_ids(firing: Firing, derived_by: Mapping[str, Firing]) -> Iterator[str]:
    """The ids of the facts a firing rests on, in the order it matched them: a derived fact is followed back to the
    facts it was derived from (:func:`derivations`). The query and stage facts are among them; a run's pair has
    no fact under their ids."""
    for _, fact_id in firing.facts:
        if fact_id in derived_by:
            yield from used_ids(derived_by[fact_id], derived_by)
        else:
            yield fact_id


def _fact_used(fact: Fact, origin_of: Callable[[Sourced], str]) -> FactUsed:
    record = fact.record
    assert record is not None
    return constructed(  # from a validated record: no validation needed
        FactUsed, _FACT_FIELDS, description=fact.label, confidence=record.confidence, note=record.note, origin=origin_of(record),
        sources=tuple(sorted(record.sources, key=lambda source: SOURCE_ORDER.get(source.kind, 3))))


def confirmed(made: Sequence[Reason]) -> bool:
    """True when every fact the verdict rests on is confirmed and shipped (facts used only for context, such as an
    office held, aside)."""
    return all(fact.confidence == "confirmed" and fact.origin == "shipped"
               for reason in made if not RULES_BY_ID[reason.rule].context for fact in reason.facts)


def _path_basis(rule: Rule, firing: Firing, derived_by: Mapping[str, Firing]) -> str | None:
    """A verdict's legal basis is that of the path taken: the provision of the rule that derived the fact
    establishing it (a State Party's duty, arts. 86 and 89(1); a 12(3) declarant's, art. 12(3); a referral's,
    art. 13(b) and the resolution; a former party's, art. 127(2)). ``None`` for other rules, and for a verdict
    that no derived fact establishes (``no_warrant``)."""
    if rule.kind != "verdict":
        return None
    established = next((fact_id for alias, fact_id in firing.facts if alias == "x"), None)
    deriving = derived_by.get(established) if established is not None else None
    if deriving is None:
        return None
    if rule.verdict is not None and rule.verdict.meaning.established_by == "wanted":
        # no_duty is established by a warrant in force, but rests on the host owing nothing (art. 34 VCLT)
        return None
    return RULES_BY_ID[deriving.rule].legal_basis


SourcesShown = Literal["best", "all"]
