"""The rule set: the Rome Statute's arrest logic, one rule per legal step, each with its legal basis.

This module is the only place where the law is decided. Each :class:`Rule` has a stable ``id`` (cited in answers,
in ``docs/law.md`` and in tests), the provision it encodes, a plain-language ``text`` shown in explanations, and its
conditions in durable-rules' JSON syntax over the facts described in :mod:`icc_rules.facts`. Dates are ``YYYYMMDD``
integers; an open end is ``99999999`` (after every real day); ``q`` is always the query (its ``date`` is the day asked about).

Three kinds of rule:

* **derivations** add a fact other rules use (``party``, ``former_party``, ``wanted``, ``detained``, ``duty``,
  ``residual``);
* **notes** add context to the answer and never change the verdict;
* **verdicts** fire once every derivation is done (on the ``decide`` fact), in the order of ``priority``; the first
  to fire is the answer, which makes the strongest applicable verdict win (in_custody, duty_to_arrest,
  residual_duty, no_duty, no_warrant).

>>> [rule.id for rule in RULES if rule.kind == "verdict"]
['verdict.in_custody', 'verdict.duty_to_arrest', 'verdict.residual_duty', 'verdict.no_duty', 'verdict.no_warrant']
>>> RULES_BY_ID["duty.state_party"].legal_basis
'Rome Statute arts. 86 and 89(1)'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from ..verdicts import Verdict

Condition = dict[str, Any]
RuleKind = Literal["derivation", "note", "verdict"]


def fact(kind: str, *tests: Condition) -> Condition:
    """A condition on one fact: its type ``t`` and further tests, all of which must hold."""
    return {"$and": [{"t": kind}, *tests]} if tests else {"t": kind}


def on_or_before_query(name: str) -> Condition:
    """The fact's date field ``name`` is on or before the day asked about."""
    return {"$lte": {name: {"q": "date"}}}


def after_query(name: str) -> Condition:
    """The fact's date field ``name`` is after the day asked about (it has not happened yet)."""
    return {"$gt": {name: {"q": "date"}}}


def same(name: str, alias: str, other: str | None = None) -> Condition:
    """The fact's field ``name`` equals field ``other`` (default: the same name) of the fact matched as ``alias``."""
    return {name: {alias: other or name}}


QUERY: Condition = {"q": {"t": "query"}}
IN_FORCE_ARREST_WARRANT = ("warrant", {"kind": "warrant"})


@dataclass(frozen=True)
class Rule:
    """One step of the law: when ``conditions`` match, the rule fires, records ``text`` and may derive a fact.

    ``context`` marks a note that only adds context (an office held, a date before the Statute): the verdict does
    not rest on the facts it used, so they do not make a verdict unconfirmed.
    """

    id: str
    kind: RuleKind
    legal_basis: str
    text: str
    conditions: tuple[Mapping[str, Condition], ...]
    derives: str | None = None
    verdict: Verdict | None = None
    priority: int = 1
    context: bool = False
    doc: str = field(default="", compare=False)


RULES: tuple[Rule, ...] = (
    # --- Membership: is the host a State Party on the day? ----------------------------------------------------------
    Rule(
        id="status.party",
        kind="derivation",
        legal_basis="Rome Statute arts. 126 and 127(1)",
        text="{host} is bound as a State Party: the Statute has been in force for it since {m.in_force} (article 126) "
        "and no withdrawal has taken effect.",
        conditions=(QUERY, {"m": fact("membership", on_or_before_query("in_force"), after_query("ends"))}),
        derives="party",
        doc="A state is a party from the Statute's entry into force for it until its withdrawal takes effect.",
    ),
    Rule(
        id="status.former_party",
        kind="derivation",
        legal_basis="Rome Statute art. 127(1)",
        text="{host} is no longer a State Party: its withdrawal took effect on {m.ends}.",
        conditions=(QUERY, {"m": fact("membership", on_or_before_query("ends"))}),
        derives="former_party",
        doc="A withdrawal takes effect one year after the notification is received (or later if it says so).",
    ),
    Rule(
        id="status.withdrawal_pending",
        kind="note",
        legal_basis="Rome Statute art. 127(1)",
        text="{host} notified its withdrawal on {n.notified}; it takes effect on {n.takes_effect} unless revoked, "
        "and until then {host} remains a State Party with all its duties.",
        conditions=(QUERY, {"n": fact("notice", on_or_before_query("notified"), after_query("takes_effect"),
                                      after_query("revoked"))}),
        doc="A notified withdrawal changes nothing until it takes effect.",
    ),
    Rule(
        id="status.withdrawal_revoked",
        kind="note",
        legal_basis="Rome Statute art. 127(1); Vienna Convention on the Law of Treaties art. 68",
        text="{host} revoked, on {n.revoked}, the withdrawal it had notified on {n.notified}, before it took "
        "effect: it remains a State Party.",
        conditions=(QUERY, {"n": fact("notice", on_or_before_query("revoked"))}),
        doc="A notification of withdrawal revoked before it takes effect leaves membership unchanged.",
    ),
    Rule(
        id="status.withdrawal_announced",
        kind="note",
        legal_basis="Rome Statute art. 127(1)",
        text="{host}'s government announced a withdrawal on {a.date}, but no notification to the UN "
        "Secretary-General is recorded: only a notification starts the one-year period, so the announcement "
        "changes nothing in law.",
        conditions=(QUERY, {"a": fact("announcement", on_or_before_query("date"))}),
        doc="An announcement without a deposited notification is reported, never acted on.",
    ),
    Rule(
        id="status.territory",
        kind="note",
        legal_basis="Vienna Convention on the Law of Treaties art. 29",
        text="{host} is a territory of {t.state_name}: the Statute applies there as it does to {t.state_name}, whose "
        "status and duties are the host's.",
        conditions=(QUERY, {"t": fact("territory", {"applies": True})}),
        doc="A treaty binds a state in respect of its entire territory unless a different intention appears.",
    ),
    Rule(
        id="status.territory_excluded",
        kind="note",
        legal_basis="Vienna Convention on the Law of Treaties art. 29",
        text="{host} is a territory of {t.state_name}, but the Statute does not apply there: {t.state_name} excluded "
        "it, so {host} has no duty as a State Party.",
        conditions=(QUERY, {"t": fact("territory", {"applies": False})}),
        doc="A territory a state excluded from its ratification is outside the Statute.",
    ),
    # --- The warrant: is there one to execute on the day? -----------------------------------------------------------
    Rule(
        id="warrant.in_force",
        kind="derivation",
        legal_basis="Rome Statute art. 58(1) and 58(4)",
        text="Warrant {w.warrant} ({w.case}) was issued on {w.issued} and is in force: not executed, withdrawn or "
        "vacated, and {person} is not known to have died.",
        conditions=(
            QUERY,
            {"p": fact("person", after_query("died"))},
            {"w": fact("warrant", {"kind": "warrant"}, on_or_before_query("issued"), after_query("ends"))},
        ),
        derives="wanted",
        doc="A warrant remains in effect until the Court orders otherwise (art. 58(4)) or it is executed.",
    ),
    Rule(
        id="warrant.ended",
        kind="note",
        legal_basis="Rome Statute art. 58(4)",
        text="Warrant {w.warrant} no longer calls for an arrest since {w.ends} ({w.ended_by}).",
        conditions=(QUERY, {"w": fact("warrant", {"kind": "warrant"}, on_or_before_query("ends"))}),
        doc="An executed, withdrawn or vacated warrant, or one in terminated proceedings, creates no duty.",
    ),
    Rule(
        id="warrant.person_deceased",
        kind="note",
        legal_basis="Rome Statute art. 58(4); practice of terminating proceedings on proof of death",
        text="{person} died on {p.died}: warrant {w.warrant} can no longer be executed.",
        conditions=(
            QUERY,
            {"p": fact("person", on_or_before_query("died"))},
            {"w": fact("warrant", {"kind": "warrant"}, on_or_before_query("issued"))},
        ),
        doc="A warrant against a person who has died calls for no arrest.",
    ),
    Rule(
        id="warrant.not_an_arrest_warrant",
        kind="note",
        legal_basis="Rome Statute art. 58(1) and 58(7)",
        text="{w.warrant} is {w.kind_text}, not a warrant of arrest: it creates no duty to arrest.",
        conditions=(QUERY, {"w": fact("warrant", {"$neq": {"kind": "warrant"}}, on_or_before_query("issued"))}),
        doc="A summons to appear, or an application the judges have not granted, is not a warrant of arrest.",
    ),
    Rule(
        id="warrant.under_seal",
        kind="note",
        legal_basis="Rome Statute art. 58 (warrants may be issued under seal)",
        text="Warrant {w.warrant} was under seal on that day (made public on {w.public}): states could not know of "
        "it then.",
        conditions=(
            QUERY,
            {"x": fact("wanted")},
            {"w": fact("warrant", same("warrant", "x"), after_query("public"))},
        ),
        doc="A sealed warrant is in force, but an answer about the past should say it was not yet public.",
    ),
    Rule(
        id="custody.detained",
        kind="derivation",
        legal_basis="Rome Statute arts. 59 and 60",
        text="{person} was in detention on that day, held by {c.held_by_name} since {c.start}.",
        conditions=(QUERY, {"c": fact("custody", on_or_before_query("start"), after_query("end"))}),
        derives="detained",
        doc="A detained person, by the Court or a state, cannot travel.",
    ),
    # --- The host's duty ---------------------------------------------------------------------------------------------
    Rule(
        id="duty.state_party",
        kind="derivation",
        legal_basis="Rome Statute arts. 86 and 89(1)",
        text="As a State Party, {host} must arrest {person} on warrant {w.warrant} and surrender them to the Court.",
        conditions=(QUERY, {"p": fact("party")}, {"w": fact("wanted")}),
        derives="duty",
        doc="States Parties shall cooperate fully and comply with requests for arrest and surrender.",
    ),
    Rule(
        id="duty.article_12_3",
        kind="derivation",
        legal_basis="Rome Statute art. 12(3) and Part 9",
        text="{host} accepted the Court's jurisdiction by its article 12(3) declaration lodged on {d.lodged}, which "
        "obliges it to cooperate in the situation of warrant {w.warrant}.",
        conditions=(
            QUERY,
            {"w": fact("wanted")},
            {"d": fact("declaration", on_or_before_query("lodged"), same("situation", "w"))},
        ),
        derives="duty",
        doc="A non-party that accepts jurisdiction under art. 12(3) cooperates under Part 9 for that situation.",
    ),
    Rule(
        id="duty.security_council",
        kind="derivation",
        legal_basis="Rome Statute art. 13(b); UN Charter arts. 25 and 103; S/RES/1593 (2005) para. 2; "
        "S/RES/1970 (2011) para. 5",
        text="Security Council resolution {r.resolution}, adopted on {r.adopted}, obliges {host} to cooperate fully "
        "with the Court in the situation of warrant {w.warrant}.",
        conditions=(
            QUERY,
            {"w": fact("wanted")},
            {"r": fact("referral", on_or_before_query("adopted"), same("situation", "w"))},
        ),
        derives="duty",
        doc="A Security Council referral binds the states its resolution obliges (Sudan for Darfur, Libya).",
    ),
    Rule(
        id="duty.residual",
        kind="derivation",
        legal_basis="Rome Statute art. 127(2)",
        text="{host}'s withdrawal took effect on {f.effective}, but the investigation in the situation of warrant "
        "{w.warrant} began on {s.opened}, while it was a party: its duty to cooperate in it survives.",
        conditions=(
            QUERY,
            {"f": fact("former_party")},
            {"w": fact("wanted")},
            {"s": fact("situation", same("situation", "w"), {"$lt": {"opened": {"f": "effective"}}})},
        ),
        derives="residual",
        doc="Withdrawal does not discharge duties in investigations begun before it took effect.",
    ),
    # --- Context that never changes the verdict ----------------------------------------------------------------------
    Rule(
        id="note.official_capacity",
        kind="note",
        legal_basis="Rome Statute arts. 27 and 98(1); Appeals Chamber, Jordan referral re Al-Bashir, "
        "ICC-02/05-01/09-397-Corr, 6 May 2019",
        text="{person} held office as {o.title} on that day. Immunity may be claimed, but official capacity gives "
        "no exemption before the Court (article 27) and the Appeals Chamber held in 2019 that it does not excuse a "
        "State Party's failure to arrest.",
        conditions=(
            QUERY,
            {"w": fact("wanted")},
            {"o": fact("office", on_or_before_query("start"), after_query("end"))},
        ),
        context=True,
        doc="Head-of-state immunity is reported as context; it does not lift a party's duty.",
    ),
    Rule(
        id="note.before_statute",
        kind="note",
        legal_basis="Rome Statute arts. 11(1) and 126(1)",
        text="The Rome Statute entered into force on 2002-07-01; before that day no ICC warrant could exist.",
        conditions=({"q": fact("query", {"$lt": {"date": 20020701}})},),
        context=True,
        doc="Dates before the Statute existed answer no_warrant with this note.",
    ),
    # --- Verdicts, strongest first -----------------------------------------------------------------------------------
    Rule(
        id="verdict.in_custody",
        kind="verdict",
        legal_basis="Rome Statute arts. 59 and 60",
        text="Verdict in_custody: {person} is in detention and cannot travel.",
        conditions=({"v": fact("decide")}, {"x": fact("detained")}),
        verdict=Verdict.IN_CUSTODY,
        priority=1,
        doc="Detention outranks every other answer.",
    ),
    Rule(
        id="verdict.duty_to_arrest",
        kind="verdict",
        legal_basis="Rome Statute arts. 86 and 89(1); art. 12(3); art. 13(b)",
        text="Verdict duty_to_arrest: {host} has a legal duty to arrest and surrender {person}.",
        conditions=({"v": fact("decide")}, {"x": fact("duty")}),
        verdict=Verdict.DUTY_TO_ARREST,
        priority=2,
        doc="A party, a declarant or a state bound by a referral must arrest.",
    ),
    Rule(
        id="verdict.residual_duty",
        kind="verdict",
        legal_basis="Rome Statute art. 127(2)",
        text="Verdict residual_duty: {host} has left the Statute but keeps its duty to cooperate in this situation.",
        conditions=({"v": fact("decide")}, {"x": fact("residual")}),
        verdict=Verdict.RESIDUAL_DUTY,
        priority=3,
        doc="Duties in investigations begun before withdrawal survive it.",
    ),
    Rule(
        id="verdict.no_duty",
        kind="verdict",
        legal_basis="Vienna Convention on the Law of Treaties art. 34; Rome Statute art. 87(5)",
        text="Verdict no_duty: a warrant is in force, but {host} is not a State Party, has no article 12(3) "
        "declaration and is bound by no Security Council referral for this situation, so it has no legal duty to "
        "arrest; it may still cooperate voluntarily (article 87(5)).",
        conditions=({"v": fact("decide")}, {"x": fact("wanted")}),
        verdict=Verdict.NO_DUTY,
        priority=4,
        doc="A treaty binds only its parties; non-parties may cooperate ad hoc.",
    ),
    Rule(
        id="verdict.no_warrant",
        kind="verdict",
        legal_basis="Rome Statute art. 58",
        text="Verdict no_warrant: no ICC arrest warrant against {person} is in force on that day.",
        conditions=({"v": fact("decide")},),
        verdict=Verdict.NO_WARRANT,
        priority=5,
        doc="Without a warrant in force there is nothing to execute.",
    ),
)

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
