"""The vocabulary the rules are written in, and the checker that holds every rule to it.

:mod:`icc_rules.law.rules` is the law; this module is its grammar. A rule (:class:`Rule`) matches facts
(:class:`Match`, :class:`Absent`) with conditions written by the helpers below (:func:`on_or_before_day`,
:func:`same` ...), and a derivation adds a fact (:class:`Derive`).

Building the rule set checks every rule (:func:`check_rules`): a rule that compares the day asked about with a field
it does not declare, with a literal date, or with arithmetic, is refused, because the answers for whole intervals
of days are kept on the strength of those declarations.

>>> from icc_rules.law.rules import RULES
>>> bad = Rule(id="note.test", kind="note", stage=1, legal_basis="none", text="t",
...            when=(Match("s", "statute", {"$lt": {"in_force": 20240501}}),))
>>> check_rules((*RULES, bad))
Traceback (most recent call last):
...
icc_rules.errors.EngineError: rule note.test: statute.in_force is compared with the literal 20240501: compare dates only with other facts' dates or the day asked about (a literal date would not be an interval boundary)
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from ..errors import EngineError
from .schema import FACT_TYPES, QUERY, Role
from .verdicts import Verdict

__all__ = [
    "DECIDE", "STAGE", "VERDICT", "Absent", "Condition", "Derive", "Exposure", "Match", "Q", "Rule",
    "RuleKind", "after_day", "before", "before_day", "check_rules", "derived_types", "literal_tests", "not_before",
    "on_or_after_day", "on_or_before_day", "one_of", "same", "verdict_rule",
]


Condition = dict[str, Any]
RuleKind = Literal["derivation", "note", "verdict", "exposure"]
Exposure = Literal["at_risk", "if_landing", "free"]
"""Whether the person is within the host's reach on the day: ``at_risk`` (on its territory, and the verdict stands in
the way of travel), ``if_landing`` (flying over it: only a landing would bring the person within reach) or
``free`` (the verdict lets the person travel)."""

#: The alias under which every rule sees the query (``q.date`` is the day asked about).
Q = "q"

# --- Conditions ------------------------------------------------------------------------------------------------------


def on_or_before_day(name: str) -> Condition:
    """The fact's date ``name`` is on or before the day asked about (it has happened)."""
    return {"$lte": {name: {Q: "date"}}}


def after_day(name: str) -> Condition:
    """The fact's date ``name`` is after the day asked about (it has not happened yet)."""
    return {"$gt": {name: {Q: "date"}}}


def on_or_after_day(name: str) -> Condition:
    """The fact's date ``name`` is on or after the day asked about."""
    return {"$gte": {name: {Q: "date"}}}


def before_day(name: str) -> Condition:
    """The fact's date ``name`` is before the day asked about."""
    return {"$lt": {name: {Q: "date"}}}


def same(name: str, alias: str, other: str | None = None) -> Condition:
    """The fact's field ``name`` equals field ``other`` (default: the same name) of the fact matched as ``alias``."""
    return {name: {alias: other or name}}


def before(name: str, alias: str, other: str) -> Condition:
    """The fact's date ``name`` is before the date ``other`` of the fact matched as ``alias``."""
    return {"$lt": {name: {alias: other}}}


def not_before(name: str, alias: str, other: str) -> Condition:
    """The fact's date ``name`` is on or after the date ``other`` of the fact matched as ``alias``."""
    return {"$gte": {name: {alias: other}}}


def one_of(name: str, *values: str) -> Condition:
    """The fact's ``value`` field ``name`` is one of ``values``."""
    return {"$or": [{name: value} for value in values]}


def _frozen(value: Any) -> Any:
    """A condition made read-only all the way down: mappings as mapping proxies, lists as tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    return value


def _plain(value: Any) -> Any:
    """A frozen condition as plain dicts and lists, for durable-rules."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True)
class Match:
    """A fact of type ``type`` must be present, matching every test; the rule sees it as ``alias``."""

    alias: str
    type: str
    tests: tuple[Condition, ...] = ()

    def __init__(self, alias: str, type: str, *tests: Condition) -> None:
        object.__setattr__(self, "alias", alias)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "tests", tuple(_frozen(test) for test in tests))  # the rule set cannot be edited

    def definition(self) -> Condition:
        """The condition in durable-rules' JSON syntax (a fresh, plain copy).

        Alternatives (``$or``) come last: durable-rules 2.0.28 evaluates a comparison with another fact wrongly when
        it follows an ``$or`` in the same ``$and`` (measured: the test always held).
        """
        tests = [_plain(test) for test in sorted(self.tests, key=lambda test: "$or" in test)]
        test: Condition = {"$and": [{"t": self.type}, *tests]} if tests else {"t": self.type}
        return {self.alias: test}


class Absent(Match):
    """No fact of type ``type`` matching every test may be present."""

    def definition(self) -> Condition:
        ((alias, test),) = super().definition().items()
        return {f"{alias}$not": test}


@dataclass(frozen=True)
class Derive:
    """The fact a derivation adds: its type, and each field's value as ``"alias.field"`` of a matched fact (or a
    ``value`` given in ``constants``)."""

    type: str
    fields: Mapping[str, str] = field(default_factory=dict)
    constants: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        object.__setattr__(self, "constants", MappingProxyType(dict(self.constants)))


@dataclass(frozen=True)
class Rule:
    """One step of the law: when the facts in ``when`` match, the rule fires, records ``text`` and may derive a fact.

    ``compares`` names every fact field (``"type.field"``) the rule compares with the day asked about: the days on
    which an answer can change are read from these declarations. ``context`` marks a note that only adds context
    (an office held, a date before the Statute): the verdict does not rest on the facts it used, so they do not
    make a verdict unconfirmed. ``outcome`` is what an exposure rule says.

    >>> from icc_rules.law.rules import RULES_BY_ID
    >>> rule = RULES_BY_ID["duty.residual"]
    >>> rule.kind, rule.stage, rule.derives.type
    ('derivation', 2, 'residual')
    """

    id: str
    kind: RuleKind
    stage: int
    legal_basis: str
    text: str
    when: tuple[Match, ...]
    compares: tuple[str, ...] = ()
    derives: Derive | None = None
    verdict: Verdict | None = None
    outcome: Exposure | None = None
    context: bool = False
    doc: str = ""

    @property
    def topic(self) -> str:
        """What the rule is about, the first part of its id: ``status`` (the host under the Statute), ``warrant``,
        ``custody``, ``duty``, ``declaration``, ``presence``, ``note``, ``verdict`` or ``exposure``.

        >>> from icc_rules.law.rules import RULES_BY_ID
        >>> RULES_BY_ID["status.withdrawal_pending"].topic, RULES_BY_ID["verdict.no_warrant"].topic
        ('status', 'verdict')
        """
        return self.id.partition(".")[0]

    @property
    def priority(self) -> int | None:
        """The order in which the verdict rules are tried (1 first); ``None`` for other rules."""
        return self.verdict.rank + 1 if self.verdict is not None else None

    def definition(self) -> dict[str, Any]:
        """The rule's conditions in durable-rules' JSON syntax: the stage's trigger, the query, then ``when``.

        Stage 1 rules fire on the query; stage 2 rules on the stage fact; stage 3 rules match the ``decide`` fact
        (verdicts) or the verdict fact (exposure) in ``when``."""
        conditions: list[Condition] = []
        if self.stage == 2:
            conditions.append({"stage": {"$and": [{"t": STAGE}, {"n": 2}]}})
        presence = [_plain(t) for m in self.when if m.alias == Q for t in m.tests]
        conditions.append({Q: {"$and": [{"t": QUERY}, *presence]} if presence else {"t": QUERY}})
        conditions += [m.definition() for m in self.when if m.alias != Q]
        body: dict[str, Any] = {"all": conditions}
        if self.priority is not None:
            body["pri"] = self.priority
        return body


#: The type of the fact that starts each stage after the first (``n`` is the stage).
STAGE = "stage"

#: The type of the fact the verdict rules derive (one per run).
VERDICT = "verdict"

#: The type of the fact that starts stage 3; the verdict rule that fires first withdraws it, so no other can.
DECIDE = "decide"


def verdict_rule(verdict: Verdict, text: str, doc: str) -> Rule:
    """A verdict rule: it fires on the fact that establishes the verdict
    (:data:`~icc_rules.law.verdicts.VERDICT_TABLE`), at the verdict's priority, and derives the verdict fact. Its
    text opens with the verdict in words ("Verdict, must arrest: "), then ``text``."""
    meaning = verdict.meaning
    when: tuple[Match, ...] = (Match("v", DECIDE),)
    if meaning.established_by is not None:
        when += (Match("x", meaning.established_by),)
    return Rule(id=f"verdict.{verdict.value}", kind="verdict", stage=3, legal_basis=meaning.legal_basis,
                text=f"Verdict, {verdict.label}: {text}", when=when, verdict=verdict, doc=doc,
                derives=Derive(VERDICT, constants={"verdict": verdict.value, "can_travel": meaning.can_travel}))


# --- Checking the rule set -----------------------------------------------------------------------------------------

_ORDERS = {"$lt", "$lte", "$gt", "$gte"}


def derived_types(rules: Sequence[Rule]) -> dict[str, tuple[int, dict[str, Role]]]:
    """Each derived fact type: the first stage that can derive it, and its fields with their roles."""
    derived: dict[str, tuple[int, dict[str, Role]]] = {VERDICT: (3, {"verdict": "value", "can_travel": "value"})}
    for rule in rules:
        if rule.derives is None:
            continue
        matched = {m.alias: m.type for m in rule.when if not isinstance(m, Absent)}
        roles: dict[str, Role] = {name: "value" for name in rule.derives.constants}
        for name, source in rule.derives.fields.items():
            alias, _, source_field = source.partition(".")
            source_type = matched.get(alias)
            role = _roles(source_type, derived).get(source_field) if source_type else None
            if role is None:
                raise EngineError(f"rule {rule.id}: derived field {name} = {source}: no such field of a matched fact")
            roles[name] = role
        stage, known = derived.get(rule.derives.type, (rule.stage, roles))
        if rule.derives.type != VERDICT and known != roles:
            raise EngineError(f"rule {rule.id}: {rule.derives.type} facts carry {sorted(known)} elsewhere, not "
                              f"{sorted(roles)}")
        derived[rule.derives.type] = (min(stage, rule.stage), roles)
    return derived


def _roles(fact_type: str, derived: Mapping[str, tuple[int, dict[str, Role]]]) -> Mapping[str, Role]:
    if fact_type in FACT_TYPES:
        return FACT_TYPES[fact_type].fields
    if fact_type in derived:
        return derived[fact_type][1]
    if fact_type in (DECIDE, STAGE):
        return {}
    raise KeyError(fact_type)


def _tests(test: Condition) -> Iterator[tuple[str, Any]]:
    """The elementary tests of a condition, through ``$and`` and ``$or``."""
    for key, value in test.items():
        if key in ("$and", "$or"):
            for part in value:
                yield from _tests(part)
        else:
            yield key, value


def check_rules(rules: Sequence[Rule]) -> tuple[tuple[str, str, str], ...]:
    """Check every rule; returns the comparisons of fact fields with the day asked about, as ``(type, field, op)``.

    Refused: a comparison of the day asked about with a field the rule does not declare in ``compares`` (or a
    declaration the rule does not use), with a literal, or with anything but a field of a base fact; an order test of
    a date or a key against a literal; arithmetic; a test of a field a fact type does not have or of the wrong role;
    an ``Absent`` over a derived fact its own or a later stage derives; a text naming a field no matched fact has.
    """
    derived = derived_types(rules)
    compared: set[tuple[str, str, str]] = set()
    ids: set[str] = set()
    for rule in rules:
        if rule.id in ids:
            raise _RuleCheck(rule, derived).fail("the id is used twice")
        ids.add(rule.id)
        compared |= _RuleCheck(rule, derived).run()
    verdicts = [rule.verdict for rule in rules if rule.verdict is not None]
    if verdicts != list(Verdict):
        raise EngineError(f"the verdict rules must be one per verdict, in the order of VERDICT_TABLE: {verdicts}")
    return tuple(sorted(compared))


class _RuleCheck:
    """The checks of one rule (:func:`check_rules`), one method per kind of check; each raises ``EngineError``."""

    def __init__(self, rule: Rule, derived: Mapping[str, tuple[int, dict[str, Role]]]) -> None:
        self.rule, self.derived = rule, derived
        self.aliases = {m.alias: m.type for m in rule.when}
        self.found: set[str] = set()  # the fields compared with the day asked about
        self.compared: set[tuple[str, str, str]] = set()

    def fail(self, message: str) -> EngineError:
        return EngineError(f"rule {self.rule.id}: {message}")

    def run(self) -> set[tuple[str, str, str]]:
        rule = self.rule
        if not re.fullmatch(r"[a-z]+(_[a-z0-9]+)*\.[a-z0-9_]+", rule.id):
            raise self.fail("ids read kind.name, in lower case")
        for match in rule.when:
            self.match(match)
        if self.found != set(rule.compares):
            raise self.fail(f"compares the day asked about with {sorted(self.found)} but declares "
                            f"{sorted(rule.compares)}")
        self.shape()
        return self.compared

    def roles(self, fact_type: str) -> Mapping[str, Role]:
        return _roles(fact_type, self.derived)

    def match(self, match: Match) -> None:
        try:
            roles = self.roles(match.type)
        except KeyError:
            raise self.fail(f"unknown fact type {match.type!r}") from None
        derived = self.derived
        if isinstance(match, Absent) and match.type in derived and derived[match.type][0] >= self.rule.stage:
            raise self.fail(f"asks for the absence of {match.type} facts, which stage {derived[match.type][0]} "
                            f"derives: only facts complete before stage {self.rule.stage} may be absent")
        for alternatives in (test["$or"] for test in match.tests if "$or" in test):
            if any(len(option) != 1 or next(iter(option)).startswith("$") or isinstance(
                    next(iter(option.values())), Mapping) for option in alternatives):
                raise self.fail("an $or may only hold equality tests against literals (a join inside one is "
                                "evaluated wrongly by durable-rules)")
        for key, value in (kv for test in match.tests for kv in _tests(test)):
            if key in _ORDERS or key == "$neq":
                self.order_test(match, roles, key, value)
            elif key.startswith("$"):
                raise self.fail(f"uses {key}: only equality, order and $neq tests are allowed")
            else:
                self.equality_test(match, roles, key, value)

    def order_test(self, match: Match, roles: Mapping[str, Role], key: str, value: Any) -> None:
        ((name, other),) = value.items()
        role = roles.get(name)
        if role is None:
            raise self.fail(f"{match.type} facts have no field {name!r}")
        if not isinstance(other, Mapping):
            if role in ("date", "key"):
                raise self.fail(f"{match.type}.{name} is compared with the literal {other!r}: compare dates only "
                                "with other facts' dates or the day asked about (a literal date would not be an "
                                "interval boundary)")
            if role == "text":
                raise self.fail(f"tests {match.type}.{name}, a text field the engine never sees")
            return
        ((other_alias, other_field),) = other.items()
        if other_alias == Q and other_field == "date":
            if match.type not in FACT_TYPES or match.alias == Q:
                raise self.fail(f"compares the day asked about with {match.type}.{name}: compare it with the base "
                                "facts the derived fact comes from")
            if role != "date" or key == "$neq":
                raise self.fail(f"compares the day asked about with {match.type}.{name}, not a date")
            self.found.add(f"{match.type}.{name}")
            self.compared.add((match.type, name, key))
        elif other_alias not in self.aliases:
            raise self.fail(f"refers to {other_alias!r}, which it does not match")
        elif self.roles(self.aliases[other_alias]).get(other_field) != role or role == "text":
            raise self.fail(f"compares {match.type}.{name} with {self.aliases[other_alias]}.{other_field}, which "
                            "are not of one role")

    def equality_test(self, match: Match, roles: Mapping[str, Role], key: str, value: Any) -> None:
        role = roles.get(key)
        if role is None:
            raise self.fail(f"{match.type} facts have no field {key!r}")
        if isinstance(value, Mapping):
            ((other_alias, other_field),) = value.items()
            if other_alias not in self.aliases or \
                    self.roles(self.aliases[other_alias]).get(other_field) != role or role == "text":
                raise self.fail(f"joins {match.type}.{key} with {other_alias}.{other_field}, which is not a "
                                "matched field of the same role")
        elif role != "value":
            raise self.fail(f"tests {match.type}.{key} ({role}) against a literal: only value fields may be")

    def shape(self) -> None:
        """The text names only matched fields; kinds, stages and outcomes fit together."""
        rule = self.rule
        positive = {m.alias: m.type for m in rule.when if not isinstance(m, Absent)}
        for _, name, _, _ in string.Formatter().parse(rule.text):
            if not name or name in ("host", "person"):
                continue
            alias, _, field_name = name.partition(".")
            if alias not in positive or field_name not in self.roles(positive[alias]):
                raise self.fail(f"its text names {{{name}}}, which no matched fact has")
        if (rule.kind == "verdict") != (rule.verdict is not None) or (rule.kind == "exposure") != bool(rule.outcome):
            raise self.fail("a verdict rule names its verdict, an exposure rule its outcome, and no other rule does")
        if rule.stage not in (1, 2, 3):
            raise self.fail("the stages are 1, 2 and 3")
        if rule.stage == 3 and not {DECIDE, VERDICT} & set(positive.values()):
            raise self.fail("a stage 3 rule matches the decide fact (a verdict) or the verdict fact (an exposure)")


def literal_tests(match: Match) -> dict[str, set[Any]]:
    """The values each ``value`` field of a fact must have for ``match`` to match it (equality and ``$or`` of
    equalities; other tests may match any value)."""
    allowed: dict[str, set[Any]] = {}
    for test in match.tests:
        if "$or" in test:
            options = test["$or"]
            names = {next(iter(option)) for option in options}
            if len(names) == 1:
                allowed.setdefault(names.pop(), set()).update(next(iter(o.values())) for o in options)
        else:
            for name, value in test.items():
                if not name.startswith("$") and not isinstance(value, Mapping):
                    allowed.setdefault(name, set()).add(value)
    return allowed


#: For each base fact type, the literal tests of every condition on it: a fact that none of them admits can never be
