"""The rule set: the Rome Statute's arrest logic, one rule per legal step, each with its legal basis.

This module is the only place where the law is decided. Each :class:`Rule` has a stable ``id`` (cited in answers,
in ``docs/law.md`` and in tests), the provision it encodes, a plain-language ``text`` shown in explanations, the
facts it matches (over the vocabulary of :mod:`icc_rules.law.schema`), the fact fields it compares with the day
asked about (``compares``) and, for a derivation, the fact it derives and the fields that fact carries.

The rules run in three **stages**, each complete before the next begins, so that a rule that asks for the *absence*
of a fact (``Absent``) only ever asks about facts that can no longer appear:

1. on the query: the host's treaty status (withdrawals, territories), warrants' ends, custody, notes;
2. on that: warrants in force, party status, the host's duties;
3. the verdict: the verdict rules, in the order of :data:`~icc_rules.law.verdicts.VERDICT_TABLE`, strongest first;
   the first that applies is the answer and the others never fire. Then whether the person is within the host's
   reach (an overflight is not, unless the aircraft lands).

Four kinds of rule: **derivations** add a fact other rules use; **notes** add context and never change the verdict;
**verdicts** decide; **exposure** rules say whether the person is within reach (for trips).

>>> [rule.id for rule in RULES if rule.kind == "verdict"]
['verdict.in_custody', 'verdict.duty_to_arrest', 'verdict.residual_duty', 'verdict.no_duty', 'verdict.no_warrant']
>>> RULES_BY_ID["duty.state_party"].legal_basis
'Rome Statute arts. 86 and 89(1)'
>>> RULES_BY_ID["status.party"].compares
('membership.in_force',)

Building the rule set checks every rule (:func:`check_rules`): a rule that compares the day asked about with a field
it does not declare, with a literal date, or with arithmetic, is refused, because the answers for whole intervals
of days are kept on the strength of those declarations.

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
from .verdicts import VERDICT_TABLE, Verdict

__all__ = [
    "COMPARED", "DERIVED_TYPES", "EXECUTING_EVENTS", "EXPOSURES", "RULES", "RULES_BY_ID", "STAGES", "Absent",
    "Derive", "Exposure", "Match", "Rule", "RuleKind", "check_rules",
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

        >>> RULES_BY_ID["status.withdrawal_pending"].topic
        'status'
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


# --- The rules -------------------------------------------------------------------------------------------------------

HOST = Match("h", "host")
QUERY_OVERFLIGHT = Match(Q, QUERY, {"presence": "overflight"})
QUERY_TRANSIT = Match(Q, QUERY, {"presence": "transit"})

#: A revocation made in time: on or after the notification, and before the withdrawal was to take effect.
_REVOKED_IN_TIME = (same("state", "n"), not_before("date", "n", "notified"), before("date", "n", "takes_effect"))

#: The warrant events that execute a warrant (rule ``warrant.executed``): the person is then in custody.
EXECUTING_EVENTS = ("arrested", "surrendered", "transferred")
_LIFTED = ("withdrawn", "vacated", "proceedings_terminated")


def _verdict_rule(verdict: Verdict, text: str, doc: str) -> Rule:
    """A verdict rule: it fires on the fact that establishes the verdict (:data:`VERDICT_TABLE`), at the verdict's
    priority, and derives the verdict fact."""
    meaning = verdict.meaning
    when: tuple[Match, ...] = (Match("v", DECIDE),)
    if meaning.established_by is not None:
        when += (Match("x", meaning.established_by),)
    return Rule(id=f"verdict.{verdict.value}", kind="verdict", stage=3, legal_basis=meaning.legal_basis,
                text=text, when=when, verdict=verdict, doc=doc,
                derives=Derive(VERDICT, constants={"verdict": verdict.value, "can_travel": meaning.can_travel}))


RULES: tuple[Rule, ...] = (
    # --- The host: is it bound by the Statute on the day? ---------------------------------------------------------------
    Rule(
        id="status.party",
        kind="derivation", stage=2,
        legal_basis="Rome Statute arts. 126 and 127(1)",
        text="The Rome Statute binds {host}: it has been in force for {m.state_name} since {m.in_force} "
        "(article 126), and no withdrawal has taken effect.",
        when=(HOST, Match("m", "membership", same("state", "h", "responsible"), on_or_before_day("in_force")),
              Absent("w", "withdrawn", same("state", "m")), Absent("o", "outside")),
        compares=("membership.in_force",),
        derives=Derive("party", {"state": "m.state"}),
        doc="A state is a party from the Statute's entry into force for it until its withdrawal takes effect; its "
        "territories with it, unless excluded.",
    ),
    Rule(
        id="status.withdrawal_took_effect",
        kind="derivation", stage=1,
        legal_basis="Rome Statute art. 127(1)",
        text="{n.state_name} is no longer a State Party: it notified its withdrawal on {n.notified}, and the "
        "withdrawal took effect on {n.takes_effect}.",
        when=(Match("n", "notice", on_or_before_day("takes_effect")), Absent("r", "revocation", *_REVOKED_IN_TIME),
              Absent("x", "withdrawal_record", same("state", "n"))),
        compares=("notice.takes_effect",),
        derives=Derive("withdrawn", {"state": "n.state", "effective": "n.takes_effect"}),
        doc="A withdrawal takes effect one year after the notification is received (or later if it says so), "
        "unless it is revoked before then (where the depositary recorded the day, status.withdrawal_recorded).",
    ),
    Rule(
        id="status.withdrawal_recorded",
        kind="derivation", stage=1,
        legal_basis="Rome Statute art. 127(1)",
        text="{w.state_name} is no longer a State Party: the depositary records its withdrawal as having taken effect "
        "on {w.date}.",
        when=(Match("w", "withdrawal_record", on_or_before_day("date")),),
        compares=("withdrawal_record.date",),
        derives=Derive("withdrawn", {"state": "w.state", "effective": "w.date"}),
        doc="The UN Secretary-General's record of the day a withdrawal took effect decides it.",
    ),
    Rule(
        id="status.withdrawal_pending",
        kind="note", stage=1,
        legal_basis="Rome Statute art. 127(1)",
        text="{n.state_name} notified its withdrawal on {n.notified}; it takes effect on {n.takes_effect} unless "
        "revoked, and until then {n.state_name} remains a State Party with all its duties.",
        when=(Match("n", "notice", on_or_before_day("notified"), after_day("takes_effect")),
              Absent("r", "revocation", *_REVOKED_IN_TIME, on_or_before_day("date"))),
        compares=("notice.notified", "notice.takes_effect", "revocation.date"),
        doc="A notified withdrawal changes nothing until it takes effect.",
    ),
    Rule(
        id="status.withdrawal_revoked",
        kind="note", stage=1,
        legal_basis="Rome Statute art. 127(1); Vienna Convention on the Law of Treaties art. 68",
        text="{n.state_name} revoked, on {r.date}, the withdrawal it had notified on {n.notified}, before it took "
        "effect: it remains a State Party.",
        when=(Match("n", "notice"), Match("r", "revocation", *_REVOKED_IN_TIME, on_or_before_day("date"))),
        compares=("revocation.date",),
        doc="A notification of withdrawal revoked before it takes effect leaves membership unchanged.",
    ),
    Rule(
        id="status.withdrawal_announced",
        kind="note", stage=1,
        legal_basis="Rome Statute art. 127(1)",
        text="{a.state_name}'s government announced a withdrawal on {a.date}, but no notification to the UN "
        "Secretary-General is recorded: only a notification starts the one-year period, so the announcement "
        "changes nothing in law.",
        when=(Match("a", "announcement", on_or_before_day("date")),),
        compares=("announcement.date",),
        doc="An announcement without a deposited notification is reported, never acted on.",
    ),
    Rule(
        id="status.territory",
        kind="note", stage=1,
        legal_basis="Vienna Convention on the Law of Treaties art. 29",
        text="{host} is a territory of {h.responsible_name}: the Statute applies there as it does to "
        "{h.responsible_name}, whose status and duties are the host's.",
        when=(HOST, Match("t", "territory", {"applies": True}, on_or_before_day("from"))),
        compares=("territory.from",),
        doc="A treaty binds a state in respect of its entire territory unless a different intention appears.",
    ),
    Rule(
        id="status.territory_excluded",
        kind="derivation", stage=1,
        legal_basis="Vienna Convention on the Law of Treaties art. 29",
        text="{host} is a territory of {h.responsible_name}, but the Statute does not apply there: "
        "{h.responsible_name} excluded it, so {host} has no duty as a State Party.",
        when=(HOST, Match("t", "territory", {"applies": False})),
        derives=Derive("outside"),
        doc="A territory a state excluded from its ratification is outside the Statute.",
    ),
    Rule(
        id="status.territory_not_yet",
        kind="derivation", stage=1,
        legal_basis="Vienna Convention on the Law of Treaties art. 29",
        text="{host} is a territory of {h.responsible_name}, to which the Statute was extended only from {t.from}: "
        "before that day {host} had no duty as a State Party.",
        when=(HOST, Match("t", "territory", {"applies": True}, after_day("from"))),
        compares=("territory.from",),
        derives=Derive("outside"),
        doc="A territory to which a state extended the Statute later is outside it until then.",
    ),
    # --- The warrant: is there one to execute on the day? Is the person free? ---------------------------------------
    Rule(
        id="warrant.in_force",
        kind="derivation", stage=2,
        legal_basis="Rome Statute art. 58(1) and 58(4)",
        text="Warrant {w.warrant} ({w.case}) was issued on {w.issued} and is in force: not executed, withdrawn or "
        "vacated, and {person} is not known to have died.",
        when=(Match("p", "person", after_day("died")),
              Match("w", "warrant", {"kind": "warrant"}, on_or_before_day("issued")),
              Absent("e", "ended", same("warrant", "w"))),
        compares=("person.died", "warrant.issued"),
        derives=Derive("wanted", {"warrant": "w.warrant", "situation": "w.situation"}),
        doc="A warrant remains in effect until the Court orders otherwise (art. 58(4)) or it is executed.",
    ),
    Rule(
        id="warrant.executed",
        kind="derivation", stage=1,
        legal_basis="Rome Statute arts. 58(4) and 89(1)",
        text="Warrant {e.warrant} was executed on {e.date}: {e.kind_text}.",
        when=(Match("e", "warrant_event", one_of("kind", *EXECUTING_EVENTS), on_or_before_day("date")),),
        compares=("warrant_event.date",),
        derives=Derive("ended", {"warrant": "e.warrant"}),
        doc="A warrant is executed by the arrest on it or, for a person already held, by the surrender or transfer "
        "to the Court: it calls for no further arrest.",
    ),
    Rule(
        id="warrant.lifted",
        kind="derivation", stage=1,
        legal_basis="Rome Statute art. 58(4)",
        text="Warrant {e.warrant} no longer calls for an arrest since {e.date}: {e.kind_text}.",
        when=(Match("e", "warrant_event", one_of("kind", *_LIFTED), on_or_before_day("date")),),
        compares=("warrant_event.date",),
        derives=Derive("ended", {"warrant": "e.warrant"}),
        doc="A warrant remains in effect until the Court orders otherwise: withdrawn, vacated, or the proceedings "
        "terminated.",
    ),
    Rule(
        id="warrant.person_deceased",
        kind="note", stage=1,
        legal_basis="Rome Statute art. 58(4); practice of terminating proceedings on proof of death",
        text="{person} died on {p.died}: warrant {w.warrant} can no longer be executed.",
        when=(Match("p", "person", on_or_before_day("died")),
              Match("w", "warrant", {"kind": "warrant"}, on_or_before_day("issued"))),
        compares=("person.died", "warrant.issued"),
        doc="A warrant against a person who has died calls for no arrest.",
    ),
    Rule(
        id="warrant.not_an_arrest_warrant",
        kind="note", stage=1,
        legal_basis="Rome Statute art. 58(1) and 58(7)",
        text="{w.warrant} is {w.kind_text}, not a warrant of arrest: it creates no duty to arrest.",
        when=(Match("w", "warrant", {"$neq": {"kind": "warrant"}}, on_or_before_day("issued")),),
        compares=("warrant.issued",),
        doc="A summons to appear, or an application the judges have not granted, is not a warrant of arrest.",
    ),
    Rule(
        id="warrant.under_seal",
        kind="note", stage=2,
        legal_basis="Rome Statute art. 58 (warrants may be issued under seal)",
        text="Warrant {w.warrant} was under seal on that day (made public on {w.public}): states could not know of "
        "it then.",
        when=(Match("x", "wanted"), Match("w", "warrant", same("warrant", "x"), after_day("public"))),
        compares=("warrant.public",),
        doc="A sealed warrant is in force, but an answer about the past should say it was not yet public.",
    ),
    Rule(
        id="custody.detained",
        kind="derivation", stage=1,
        legal_basis="Rome Statute arts. 59 and 60",
        text="{person} was in detention on that day, held by {c.held_by_name} since {c.start}.",
        when=(Match("c", "custody", on_or_before_day("start"), after_day("end")),),
        compares=("custody.start", "custody.end"),
        derives=Derive("detained"),
        doc="A detained person, by the Court or a state, cannot travel.",
    ),
    # --- The host's duty -----------------------------------------------------------------------------------------------
    Rule(
        id="duty.state_party",
        kind="derivation", stage=2,
        legal_basis="Rome Statute arts. 86 and 89(1)",
        text="As a State Party, {host} must arrest {person} on warrant {w.warrant} and surrender them to the Court.",
        when=(Match("p", "party"), Match("w", "wanted")),
        derives=Derive("duty", {"warrant": "w.warrant"}),
        doc="States Parties shall cooperate fully and comply with requests for arrest and surrender.",
    ),
    Rule(
        id="duty.article_12_3",
        kind="derivation", stage=2,
        legal_basis="Rome Statute art. 12(3) and Part 9",
        text="{d.state_name} accepted the Court's jurisdiction by its article 12(3) declaration lodged on {d.lodged}, "
        "which obliges it to cooperate in the situation of warrant {w.warrant}.",
        when=(HOST, Match("w", "wanted"),
              Match("d", "declaration", same("state", "h", "responsible"), {"status": "lodged"},
                    on_or_before_day("lodged"), same("situation", "w"))),
        compares=("declaration.lodged",),
        derives=Derive("duty", {"warrant": "w.warrant"}),
        doc="A non-party that accepts jurisdiction under art. 12(3) cooperates under Part 9 for that situation.",
    ),
    Rule(
        id="declaration.rejected",
        kind="note", stage=2,
        legal_basis="Rome Statute art. 12(3)",
        text="An article 12(3) declaration lodged for {d.state_name} on {d.lodged} ({d.label}) was not accepted by "
        "the Court: it creates no duty to cooperate.",
        when=(HOST, Match("w", "wanted"),
              Match("d", "declaration", same("state", "h", "responsible"), {"status": "rejected"},
                    on_or_before_day("lodged"), same("situation", "w"))),
        compares=("declaration.lodged",),
        doc="A declaration the Court could not act on binds no one.",
    ),
    Rule(
        id="duty.security_council",
        kind="derivation", stage=2,
        legal_basis="Rome Statute art. 13(b); UN Charter arts. 25 and 103; S/RES/1593 (2005) para. 2; "
        "S/RES/1970 (2011) para. 5",
        text="Security Council resolution {r.resolution}, adopted on {r.adopted}, obliges {host} to cooperate fully "
        "with the Court in the situation of warrant {w.warrant}.",
        when=(HOST, Match("w", "wanted"),
              Match("r", "referral", same("state", "h", "responsible"), on_or_before_day("adopted"),
                    same("situation", "w"))),
        compares=("referral.adopted",),
        derives=Derive("duty", {"warrant": "w.warrant"}),
        doc="A Security Council referral binds the states its resolution obliges (Sudan for Darfur, Libya).",
    ),
    Rule(
        id="duty.residual",
        kind="derivation", stage=2,
        legal_basis="Rome Statute art. 127(2)",
        text="{host}'s withdrawal took effect on {f.effective}, but the investigation in the situation of warrant "
        "{w.warrant} began on {s.opened}, while it was a party: its duty to cooperate in it survives.",
        when=(HOST, Match("f", "withdrawn", same("state", "h", "responsible")), Match("w", "wanted"),
              Match("s", "situation", same("situation", "w"), before("opened", "f", "effective")),
              Absent("o", "outside")),
        derives=Derive("residual", {"warrant": "w.warrant"}),
        doc="Withdrawal does not discharge duties in investigations begun before it took effect.",
    ),
    # --- How the person is there, and context that never changes the verdict ---------------------------------------
    Rule(
        id="presence.transit",
        kind="note", stage=1,
        legal_basis="Convention on International Civil Aviation (Chicago, 1944) arts. 1 and 2; Rome Statute art. "
        "89(1)",
        text="A transit stop is on {host}'s territory (its airport and transit area included): {host}'s duty, if it "
        "has one, applies there as on any other part of its territory.",
        when=(QUERY_TRANSIT,),
        doc="An airport's transit area is part of the state's territory.",
    ),
    Rule(
        id="presence.overflight",
        kind="derivation", stage=1,
        legal_basis="Convention on International Civil Aviation (Chicago, 1944) arts. 1, 5 and 6",
        text="{person} would only fly over {host}: an overflight brings no one before {host}'s authorities unless "
        "the aircraft lands, so the verdict is what a forced or emergency landing there would mean.",
        when=(QUERY_OVERFLIGHT,),
        derives=Derive("airborne"),
        doc="A state can execute a duty of arrest only on someone within its reach: over its territory, only if "
        "the aircraft lands.",
    ),
    Rule(
        id="note.official_capacity",
        kind="note", stage=2,
        legal_basis="Rome Statute arts. 27 and 98(1); Appeals Chamber, Jordan referral re Al-Bashir, "
        "ICC-02/05-01/09-397-Corr, 6 May 2019",
        text="{person} held office as {o.title} on that day. Immunity may be claimed, but official capacity gives "
        "no exemption before the Court (article 27) and the Appeals Chamber held in 2019 that it does not excuse a "
        "State Party's failure to arrest.",
        when=(Match("w", "wanted"),
              Match("o", "office", on_or_before_day("start"), after_day("end"), on_or_after_day("known_until"))),
        compares=("office.start", "office.end", "office.known_until"),
        context=True,
        doc="Head-of-state immunity is reported as context; it does not lift a party's duty.",
    ),
    Rule(
        id="note.official_capacity_last_known",
        kind="note", stage=2,
        legal_basis="Rome Statute arts. 27 and 98(1); Appeals Chamber, Jordan referral re Al-Bashir, "
        "ICC-02/05-01/09-397-Corr, 6 May 2019",
        text="{person} held office as {o.title} as of {o.known_until}, the last day the sources confirm; whether "
        "still in office on that day is not known. Official capacity gives no exemption before the Court (article "
        "27).",
        when=(Match("w", "wanted"),
              Match("o", "office", on_or_before_day("start"), after_day("end"), before_day("known_until"))),
        compares=("office.start", "office.end", "office.known_until"),
        context=True,
        doc="An office is stated as held only up to the last day the sources confirm it.",
    ),
    Rule(
        id="note.before_statute",
        kind="note", stage=1,
        legal_basis="Rome Statute arts. 11(1) and 126(1)",
        text="The Rome Statute entered into force on {s.in_force}; before that day no ICC warrant could exist.",
        when=(Match("s", "statute", after_day("in_force")),),
        compares=("statute.in_force",),
        context=True,
        doc="Dates before the Statute existed answer no_warrant with this note.",
    ),
    # --- The verdict, strongest first (VERDICT_TABLE), then whether the person is within reach -----------------------
    _verdict_rule(Verdict.IN_CUSTODY, "Verdict in_custody: {person} is in detention and cannot travel.",
                  "Detention outranks every other answer."),
    _verdict_rule(Verdict.DUTY_TO_ARREST,
                  "Verdict duty_to_arrest: {host} has a legal duty to arrest and surrender {person}.",
                  "A party, a declarant or a state bound by a referral must arrest."),
    _verdict_rule(Verdict.RESIDUAL_DUTY,
                  "Verdict residual_duty: {host} has left the Statute but keeps its duty to cooperate in this "
                  "situation.",
                  "Duties in investigations begun before withdrawal survive it."),
    _verdict_rule(Verdict.NO_DUTY,
                  "Verdict no_duty: a warrant is in force, but {host} is not a State Party, has no article 12(3) "
                  "declaration and is bound by no Security Council referral for this situation, so it has no legal "
                  "duty to arrest; it may still cooperate voluntarily (article 87(5)).",
                  "A treaty binds only its parties; non-parties may cooperate ad hoc."),
    _verdict_rule(Verdict.NO_WARRANT, "Verdict no_warrant: no ICC arrest warrant against {person} is in force on "
                  "that day.", "Without a warrant in force there is nothing to execute."),
    Rule(
        id="exposure.at_risk",
        kind="exposure", stage=3,
        legal_basis="Rome Statute arts. 59(1) and 89(1)",
        text="{person} would be on {host}'s territory, within reach of its authorities: the verdict stands in the "
        "way of the trip.",
        when=(Match("v", VERDICT, {"can_travel": False}), Absent("a", "airborne")),
        outcome="at_risk",
        doc="A state executes a request for arrest on persons on its territory.",
    ),
    Rule(
        id="exposure.if_landing",
        kind="exposure", stage=3,
        legal_basis="Convention on International Civil Aviation (Chicago, 1944) arts. 1, 5 and 6; Rome Statute "
        "art. 89(1)",
        text="Flying over {host}, {person} is within reach of its authorities only if the aircraft lands there: "
        "a forced or emergency landing would meet the verdict above.",
        when=(Match("v", VERDICT, {"can_travel": False}), Match("a", "airborne")),
        outcome="if_landing",
        doc="An overflight is at risk only through a landing.",
    ),
    Rule(
        id="exposure.free",
        kind="exposure", stage=3,
        legal_basis="Rome Statute art. 87(5)",
        text="Nothing in the Statute stands in the way of {person}'s trip to {host} on that day.",
        when=(Match("v", VERDICT, {"can_travel": True}),),
        outcome="free",
        doc="Where no duty of arrest applies, the trip is free of one.",
    ),
)

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})

#: The stages the rules run in (1, 2, 3).
STAGES: tuple[int, ...] = tuple(sorted({rule.stage for rule in RULES}))

#: Every exposure outcome, with the rule that gives it.
EXPOSURES: Mapping[str, str] = MappingProxyType({rule.outcome: rule.id for rule in RULES if rule.outcome})


# --- Checking the rule set -----------------------------------------------------------------------------------------

_ORDERS = {"$lt", "$lte", "$gt", "$gte"}


def _derived_types(rules: Sequence[Rule]) -> dict[str, tuple[int, dict[str, Role]]]:
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
    derived = _derived_types(rules)
    compared: set[tuple[str, str, str]] = set()
    ids: set[str] = set()
    for rule in rules:
        def fail(message: str, rule: Rule = rule) -> EngineError:
            return EngineError(f"rule {rule.id}: {message}")

        if rule.id in ids:
            raise fail("the id is used twice")
        ids.add(rule.id)
        if not re.fullmatch(r"[a-z]+(_[a-z0-9]+)*\.[a-z0-9_]+", rule.id):
            raise fail("ids read kind.name, in lower case")
        aliases = {m.alias: m.type for m in rule.when}
        found: set[str] = set()
        for match in rule.when:
            try:
                roles = _roles(match.type, derived)
            except KeyError:
                raise fail(f"unknown fact type {match.type!r}") from None
            if isinstance(match, Absent) and match.type in derived and derived[match.type][0] >= rule.stage:
                raise fail(f"asks for the absence of {match.type} facts, which stage {derived[match.type][0]} "
                           f"derives: only facts complete before stage {rule.stage} may be absent")
            for alternatives in (test["$or"] for test in match.tests if "$or" in test):
                if any(len(option) != 1 or next(iter(option)).startswith("$") or isinstance(
                        next(iter(option.values())), Mapping) for option in alternatives):
                    raise fail("an $or may only hold equality tests against literals (a join inside one is "
                               "evaluated wrongly by durable-rules)")
            for key, value in (kv for test in match.tests for kv in _tests(test)):
                if key in _ORDERS or key == "$neq":
                    ((name, other),) = value.items()
                    role = roles.get(name)
                    if role is None:
                        raise fail(f"{match.type} facts have no field {name!r}")
                    if isinstance(other, Mapping):
                        ((other_alias, other_field),) = other.items()
                        if other_alias == Q and other_field == "date":
                            if match.type not in FACT_TYPES or match.alias == Q:
                                raise fail(f"compares the day asked about with {match.type}.{name}: compare it "
                                           "with the base facts the derived fact comes from")
                            if role != "date" or key == "$neq":
                                raise fail(f"compares the day asked about with {match.type}.{name}, not a date")
                            found.add(f"{match.type}.{name}")
                            compared.add((match.type, name, key))
                        elif other_alias not in aliases:
                            raise fail(f"refers to {other_alias!r}, which it does not match")
                        elif _roles(aliases[other_alias], derived).get(other_field) != role or role == "text":
                            raise fail(f"compares {match.type}.{name} with {aliases[other_alias]}.{other_field}, "
                                       "which are not of one role")
                    elif role in ("date", "key"):
                        raise fail(f"{match.type}.{name} is compared with the literal {other!r}: compare dates only "
                                   "with other facts' dates or the day asked about (a literal date would not be an "
                                   "interval boundary)")
                    elif role == "text":
                        raise fail(f"tests {match.type}.{name}, a text field the engine never sees")
                elif key.startswith("$"):
                    raise fail(f"uses {key}: only equality, order and $neq tests are allowed")
                else:
                    role = roles.get(key)
                    if role is None:
                        raise fail(f"{match.type} facts have no field {key!r}")
                    if isinstance(value, Mapping):
                        ((other_alias, other_field),) = value.items()
                        if other_alias not in aliases or \
                                _roles(aliases[other_alias], derived).get(other_field) != role or role == "text":
                            raise fail(f"joins {match.type}.{key} with {other_alias}.{other_field}, which is not a "
                                       "matched field of the same role")
                    elif role != "value":
                        raise fail(f"tests {match.type}.{key} ({role}) against a literal: only value fields may be")
        if found != set(rule.compares):
            raise fail(f"compares the day asked about with {sorted(found)} but declares {sorted(rule.compares)}")
        positive = {m.alias: m.type for m in rule.when if not isinstance(m, Absent)}
        for _, name, _, _ in string.Formatter().parse(rule.text):
            if not name or name in ("host", "person"):
                continue
            alias, _, field_name = name.partition(".")
            if alias not in positive or field_name not in _roles(positive[alias], derived):
                raise fail(f"its text names {{{name}}}, which no matched fact has")
        if (rule.kind == "verdict") != (rule.verdict is not None) or (rule.kind == "exposure") != bool(rule.outcome):
            raise fail("a verdict rule names its verdict, an exposure rule its outcome, and no other rule does")
        if rule.stage not in (1, 2, 3):
            raise fail("the stages are 1, 2 and 3")
        if rule.stage == 3 and not {DECIDE, VERDICT} & set(positive.values()):
            raise fail("a stage 3 rule matches the decide fact (a verdict) or the verdict fact (an exposure)")
    verdicts = [rule.verdict for rule in rules if rule.verdict is not None]
    if verdicts != list(Verdict):
        raise EngineError(f"the verdict rules must be one per verdict, in the order of VERDICT_TABLE: {verdicts}")
    return tuple(sorted(compared))


def _literal_tests(match: Match) -> dict[str, set[Any]]:
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
#: matched by any rule (a warrant's conviction: no rule asks about convictions).
MATCHABLE: Mapping[str, tuple[dict[str, set[Any]], ...]] = MappingProxyType({
    fact_type: tuple(_literal_tests(m) for rule in RULES for m in rule.when if m.type == fact_type)
    for fact_type in FACT_TYPES
})


def matchable(fact_type: str, fields: Mapping[str, Any]) -> bool:
    """Whether some rule could match a fact of ``fact_type`` with these fields, by their ``value`` fields alone."""
    return any(all(fields.get(name) in values for name, values in tests.items())
               for tests in MATCHABLE.get(fact_type, ()))


#: Every comparison of a base fact's date with the day asked about: ``(type, field, op)``.
COMPARED: tuple[tuple[str, str, str], ...] = check_rules(RULES)

#: The fields each derived fact type carries, with their roles.
DERIVED_TYPES: Mapping[str, Mapping[str, Role]] = MappingProxyType(
    {name: MappingProxyType(roles) for name, (_, roles) in _derived_types(RULES).items()})

assert [row.verdict for row in VERDICT_TABLE] == [rule.verdict for rule in RULES if rule.verdict]
