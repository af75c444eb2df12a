"""The rule set: the Rome Statute's arrest logic, one rule per legal step, each with its legal basis.

This module is the only place where the law is decided, and it holds only the law: the words the rules are written
in (:class:`~icc_rules.law.vocabulary.Rule`, :class:`~icc_rules.law.vocabulary.Match`, the conditions such as
:func:`~icc_rules.law.vocabulary.on_or_before_day`) and the checker that holds each rule to them live in
:mod:`icc_rules.law.vocabulary`. Each rule has a stable ``id`` (cited in answers, on the law page and in the rule
cases), the provision it encodes, a plain-language ``text`` shown in explanations, the facts it matches (over the
fact types of :mod:`icc_rules.law.schema`), the fact fields it compares with the day asked about (``compares``) and,
for a derivation, the fact it derives and the fields that fact carries. Its ``doc`` is its line on the law page.

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

Building the rule set checks every rule (:func:`~icc_rules.law.vocabulary.check_rules`); :data:`COMPARED` is what
the whole set compares with the day asked about.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..i18n import N_
from .schema import FACT_TYPES, QUERY, Role
from .verdicts import VERDICT_TABLE, Verdict
from .vocabulary import (
    DECIDE,
    STAGE,
    VERDICT,
    Absent,
    Derive,
    Match,
    Q,
    Rule,
    after_day,
    before,
    before_day,
    check_rules,
    derived_types,
    literal_tests,
    not_before,
    on_or_after_day,
    on_or_before_day,
    one_of,
    same,
    verdict_rule,
)

# DECIDE, STAGE and Rule are named here too for the engine, which runs this rule set.
__all__ = ["COMPARED", "DECIDE", "DERIVED_TYPES", "EXECUTING_EVENTS", "EXPOSURES", "RULES", "RULES_BY_ID", "STAGE",
           "STAGES", "Rule", "matchable"]

# --- The rules -------------------------------------------------------------------------------------------------------

HOST = Match("h", "host")
QUERY_OVERFLIGHT = Match(Q, QUERY, {"presence": "overflight"})
QUERY_TRANSIT = Match(Q, QUERY, {"presence": "transit"})

#: A revocation made in time: on or after the notification, and before the withdrawal was to take effect.
_REVOKED_IN_TIME = (same("state", "n"), not_before("date", "n", "notified"), before("date", "n", "takes_effect"))

#: The warrant events that execute a warrant (rule ``warrant.executed``): the person is then in custody.
EXECUTING_EVENTS = ("arrested", "surrendered", "transferred")
_LIFTED = ("withdrawn", "vacated", "proceedings_terminated")

RULES: tuple[Rule, ...] = (
    # --- The host: is it bound by the Statute on the day? ---------------------------------------------------------------
    Rule(
        id="status.party",
        kind="derivation", stage=2,
        legal_basis=N_("Rome Statute arts. 126 and 127(1)"),
        text=N_("The Rome Statute binds {host}: it has been in force for {m.state_name} since {m.in_force} "
        "(article 126), and no withdrawal has taken effect."),
        when=(HOST, Match("m", "membership", same("state", "h", "responsible"), on_or_before_day("in_force")),
              Absent("w", "withdrawn", same("state", "m")), Absent("o", "outside")),
        compares=("membership.in_force",),
        derives=Derive("party", {"state": "m.state"}),
        doc=N_("The host is a State Party on the day: the Statute is in force for it (art. 126) and no withdrawal has "
        "taken effect (art. 127(1))."),
    ),
    Rule(
        id="status.withdrawal_took_effect",
        kind="derivation", stage=1,
        legal_basis=N_("Rome Statute art. 127(1)"),
        text=N_("{n.state_name} is no longer a State Party: it notified its withdrawal on {n.notified}, and the "
        "withdrawal took effect on {n.takes_effect}."),
        when=(Match("n", "notice", on_or_before_day("takes_effect")), Absent("r", "revocation", *_REVOKED_IN_TIME),
              Absent("x", "withdrawal_record", same("state", "n"))),
        compares=("notice.takes_effect",),
        derives=Derive("withdrawn", {"state": "n.state", "effective": "n.takes_effect"}),
        doc=N_("A notified withdrawal not revoked in time has taken effect, on the day the notification said."),
    ),
    Rule(
        id="status.withdrawal_recorded",
        kind="derivation", stage=1,
        legal_basis=N_("Rome Statute art. 127(1)"),
        text=N_("{w.state_name} is no longer a State Party: the depositary records its withdrawal as having taken "
        "effect on {w.date}."),
        when=(Match("w", "withdrawal_record", on_or_before_day("date")),),
        compares=("withdrawal_record.date",),
        derives=Derive("withdrawn", {"state": "w.state", "effective": "w.date"}),
        doc=N_("The depositary records the day the withdrawal took effect (Burundi from 27 October 2017, the "
        "Philippines from 17 March 2019)."),
    ),
    Rule(
        id="status.withdrawal_pending",
        kind="note", stage=1,
        legal_basis=N_("Rome Statute art. 127(1)"),
        text=N_("{n.state_name} notified its withdrawal on {n.notified}; it takes effect on {n.takes_effect} unless "
        "revoked, and until then {n.state_name} remains a State Party with all its duties."),
        when=(Match("n", "notice", on_or_before_day("notified"), after_day("takes_effect")),
              Absent("r", "revocation", *_REVOKED_IN_TIME, on_or_before_day("date"))),
        compares=("notice.notified", "notice.takes_effect", "revocation.date"),
        doc=N_("A withdrawal has been notified but has not yet taken effect; the state is still a party."),
    ),
    Rule(
        id="status.withdrawal_revoked",
        kind="note", stage=1,
        legal_basis=N_("Rome Statute art. 127(1); Vienna Convention on the Law of Treaties art. 68"),
        text=N_("{n.state_name} revoked, on {r.date}, the withdrawal it had notified on {n.notified}, before it took "
        "effect: it remains a State Party."),
        when=(Match("n", "notice"), Match("r", "revocation", *_REVOKED_IN_TIME, on_or_before_day("date"))),
        compares=("revocation.date",),
        doc=N_("A notified withdrawal was revoked before it took effect: membership is unchanged."),
    ),
    Rule(
        id="status.withdrawal_announced",
        kind="note", stage=1,
        legal_basis=N_("Rome Statute art. 127(1)"),
        text=N_("{a.state_name}'s government announced a withdrawal on {a.date}, but no notification to the UN "
        "Secretary-General is recorded: only a notification starts the one-year period, so the announcement "
        "changes nothing in law."),
        when=(Match("a", "announcement", on_or_before_day("date")),
              Absent("n", "notice", same("state", "a"), on_or_before_day("notified"))),
        compares=("announcement.date", "notice.notified"),
        doc=N_("A withdrawal was announced but, by the day asked about, no notification is recorded: it is reported, "
        "never acted on. From the day a notification is recorded, the notification's own rules speak instead."),
    ),
    Rule(
        id="status.territory",
        kind="note", stage=1,
        legal_basis=N_("Vienna Convention on the Law of Treaties art. 29"),
        text=N_("{host} is a territory of {h.responsible_name}: the Statute applies there as it does to "
        "{h.responsible_name}, whose status and duties are the host's."),
        when=(HOST, Match("t", "territory", {"applies": True}, on_or_before_day("from"))),
        compares=("territory.from",),
        doc=N_("The host is a territory of a state and the Statute applies there as it does to that state (its party "
        "status and duties are the host's)."),
    ),
    Rule(
        id="status.territory_excluded",
        kind="derivation", stage=1,
        legal_basis=N_("Vienna Convention on the Law of Treaties art. 29"),
        text=N_("{host} is a territory of {h.responsible_name}, but the Statute does not apply there: "
        "{h.responsible_name} excluded it, so {host} has no duty as a State Party."),
        when=(HOST, Match("t", "territory", {"applies": False})),
        derives=Derive("outside"),
        doc=N_("The responsible state excluded the territory, so it has no duty as a party."),
    ),
    Rule(
        id="status.territory_not_yet",
        kind="derivation", stage=1,
        legal_basis=N_("Vienna Convention on the Law of Treaties art. 29"),
        text=N_("{host} is a territory of {h.responsible_name}, to which the Statute was extended only from {t.from}: "
        "before that day {host} had no duty as a State Party."),
        when=(HOST, Match("t", "territory", {"applies": True}, after_day("from"))),
        compares=("territory.from",),
        derives=Derive("outside"),
        doc=N_("The Statute was extended to the territory only later; before that day it has no duty as a party."),
    ),
    # --- The warrant: is there one to execute on the day? Is the person free? ---------------------------------------
    Rule(
        id="warrant.in_force",
        kind="derivation", stage=2,
        legal_basis=N_("Rome Statute art. 58(1) and 58(4)"),
        text=N_("Warrant {w.warrant} ({w.case}) was issued on {w.issued} and is in force: not executed, withdrawn or "
        "vacated, and {person} is not known to have died."),
        when=(Match("p", "person", after_day("died")),
              Match("w", "warrant", {"kind": "warrant"}, on_or_before_day("issued")),
              Absent("e", "ended", same("warrant", "w"))),
        compares=("person.died", "warrant.issued"),
        derives=Derive("wanted", {"warrant": "w.warrant", "situation": "w.situation"}),
        doc=N_("A warrant of arrest was issued on or before the day, nothing has ended it and the person is alive."),
    ),
    Rule(
        id="warrant.executed",
        kind="derivation", stage=1,
        legal_basis=N_("Rome Statute arts. 58(4) and 89(1)"),
        text=N_("Warrant {e.warrant} was executed on {e.date}: {e.kind_text}."),
        when=(Match("e", "warrant_event", one_of("kind", *EXECUTING_EVENTS), on_or_before_day("date")),),
        compares=("warrant_event.date",),
        derives=Derive("ended", {"warrant": "e.warrant"}),
        doc=N_("The warrant was executed by an arrest, a surrender or a transfer."),
    ),
    Rule(
        id="warrant.lifted",
        kind="derivation", stage=1,
        legal_basis=N_("Rome Statute art. 58(4)"),
        text=N_("Warrant {e.warrant} no longer calls for an arrest since {e.date}: {e.kind_text}."),
        when=(Match("e", "warrant_event", one_of("kind", *_LIFTED), on_or_before_day("date")),),
        compares=("warrant_event.date",),
        derives=Derive("ended", {"warrant": "e.warrant"}),
        doc=N_("The warrant was withdrawn or vacated, or the proceedings were terminated."),
    ),
    Rule(
        id="warrant.person_deceased",
        kind="note", stage=1,
        legal_basis=N_("Rome Statute art. 58(4); practice of terminating proceedings on proof of death"),
        text=N_("{person} died on {p.died}: warrant {w.warrant} can no longer be executed."),
        when=(Match("p", "person", on_or_before_day("died")),
              Match("w", "warrant", {"kind": "warrant"}, on_or_before_day("issued"))),
        compares=("person.died", "warrant.issued"),
        doc=N_("The person had died by that day: a warrant against a person who has died calls for no arrest."),
    ),
    Rule(
        id="warrant.not_an_arrest_warrant",
        kind="note", stage=1,
        legal_basis=N_("Rome Statute art. 58(1) and 58(7)"),
        text=N_("{w.warrant} is {w.kind_text}, not a warrant of arrest: it creates no duty to arrest."),
        when=(Match("w", "warrant", {"$neq": {"kind": "warrant"}}, on_or_before_day("issued")),),
        compares=("warrant.issued",),
        doc=N_("A summons to appear (art. 58(7)), or an application the judges have not granted, is not a warrant of "
        "arrest: it creates no duty to arrest."),
    ),
    Rule(
        id="warrant.under_seal",
        kind="note", stage=2,
        legal_basis=N_("Rome Statute art. 58 (warrants may be issued under seal)"),
        text=N_("Warrant {w.warrant} was under seal on that day (made public on {w.public}): states could not know of "
        "it then."),
        when=(Match("x", "wanted"), Match("w", "warrant", same("warrant", "x"), after_day("public"))),
        compares=("warrant.public",),
        doc=N_("The warrant existed but had not yet been made public (states could not know of it)."),
    ),
    Rule(
        id="custody.detained",
        kind="derivation", stage=1,
        legal_basis=N_("Rome Statute arts. 59 and 60"),
        text=N_("{person} was in detention on that day, held by {c.held_by_name} since {c.start}."),
        when=(Match("c", "custody", on_or_before_day("start"), after_day("end")),),
        compares=("custody.start", "custody.end"),
        derives=Derive("detained"),
        doc=N_("The person is in detention on the day, held by the Court or by a state, and cannot travel."),
    ),
    # --- The host's duty -----------------------------------------------------------------------------------------------
    Rule(
        id="duty.state_party",
        kind="derivation", stage=2,
        legal_basis=N_("Rome Statute arts. 86 and 89(1)"),
        text=N_("As a State Party, {host} must arrest {person} on warrant {w.warrant} and surrender them to the "
        "Court."),
        when=(Match("p", "party"), Match("w", "wanted")),
        derives=Derive("duty", {"warrant": "w.warrant"}),
        doc=N_("A State Party must arrest and surrender a person against whom a warrant is in force."),
    ),
    Rule(
        id="duty.article_12_3",
        kind="derivation", stage=2,
        legal_basis=N_("Rome Statute art. 12(3) and Part 9"),
        text=N_("{d.state_name} accepted the Court's jurisdiction by its article 12(3) declaration lodged on "
        "{d.lodged}, which obliges it to cooperate in the situation of warrant {w.warrant}."),
        when=(HOST, Match("w", "wanted"),
              Match("d", "declaration", same("state", "h", "responsible"), {"status": "lodged"},
                    on_or_before_day("lodged"), same("situation", "w"))),
        compares=("declaration.lodged",),
        derives=Derive("duty", {"warrant": "w.warrant"}),
        doc=N_("The host lodged an article 12(3) declaration for the situation of the warrant: a non-party that "
        "accepts the Court's jurisdiction cooperates under Part 9 in that situation."),
    ),
    Rule(
        id="declaration.rejected",
        kind="note", stage=2,
        legal_basis=N_("Rome Statute art. 12(3)"),
        text=N_("An article 12(3) declaration lodged for {d.state_name} on {d.lodged} ({d.label}) was not accepted by "
        "the Court: it creates no duty to cooperate."),
        when=(HOST, Match("w", "wanted"),
              Match("d", "declaration", same("state", "h", "responsible"), {"status": "rejected"},
                    on_or_before_day("lodged"), same("situation", "w"))),
        compares=("declaration.lodged",),
        doc=N_("A declaration was lodged for the host but the Court could not act on it (Palestine 2009, Egypt 2013); "
        "it creates no duty."),
    ),
    Rule(
        id="duty.security_council",
        kind="derivation", stage=2,
        legal_basis=N_("Rome Statute art. 13(b); UN Charter arts. 25 and 103; S/RES/1593 (2005) para. 2; "
        "S/RES/1970 (2011) para. 5"),
        text=N_("Security Council resolution {r.resolution}, adopted on {r.adopted}, obliges {host} to cooperate fully "
        "with the Court in the situation of warrant {w.warrant}."),
        when=(HOST, Match("w", "wanted"),
              Match("r", "referral", same("state", "h", "responsible"), on_or_before_day("adopted"),
                    same("situation", "w"))),
        compares=("referral.adopted",),
        derives=Derive("duty", {"warrant": "w.warrant"}),
        doc=N_("A Security Council resolution obliges the host to cooperate in the situation of the warrant (Sudan for "
        "Darfur, the Libyan authorities for Libya)."),
    ),
    Rule(
        id="duty.residual",
        kind="derivation", stage=2,
        legal_basis=N_("Rome Statute art. 127(2)"),
        text=N_("{host}'s withdrawal took effect on {f.effective}, but the investigation in the situation of warrant "
        "{w.warrant} began on {s.opened}, while it was a party: its duty to cooperate in it survives."),
        when=(HOST, Match("f", "withdrawn", same("state", "h", "responsible")), Match("w", "wanted"),
              Match("s", "situation", same("situation", "w"), before("opened", "f", "effective")),
              Absent("o", "outside")),
        derives=Derive("residual", {"warrant": "w.warrant"}),
        doc=N_("A former party remains bound for investigations opened before its withdrawal took effect."),
    ),
    # --- How the person is there, and context that never changes the verdict ---------------------------------------
    Rule(
        id="presence.transit",
        kind="note", stage=1,
        legal_basis=N_("Convention on International Civil Aviation (Chicago, 1944) arts. 1 and 2; Rome Statute art. "
        "89(1)"),
        text=N_("A transit stop is on {host}'s territory (its airport and transit area included): {host}'s duty, if it "
        "has one, applies there as on any other part of its territory."),
        when=(QUERY_TRANSIT,),
        doc=N_("A transit stop is on the host's territory, and its duty applies there."),
    ),
    Rule(
        id="presence.overflight",
        kind="derivation", stage=1,
        legal_basis=N_("Convention on International Civil Aviation (Chicago, 1944) arts. 1, 5 and 6"),
        text=N_("{person} would only fly over {host}: an overflight brings no one before {host}'s authorities unless "
        "the aircraft lands, so the verdict is what a forced or emergency landing there would mean."),
        when=(QUERY_OVERFLIGHT,),
        derives=Derive("airborne"),
        doc=N_("The person only flies over: the verdict is what a forced or emergency landing would mean."),
    ),
    Rule(
        id="note.official_capacity",
        kind="note", stage=2,
        legal_basis=N_("Rome Statute arts. 27 and 98(1); Appeals Chamber, Jordan referral re Al-Bashir, "
        "ICC-02/05-01/09-397-Corr, 6 May 2019"),
        text=N_("{person} held office as {o.title} on that day. Immunity may be claimed, but official capacity gives "
        "no exemption before the Court (article 27) and the Appeals Chamber held in 2019 that it does not excuse a "
        "State Party's failure to arrest."),
        when=(Match("w", "wanted"),
              Match("o", "office", on_or_before_day("start"), after_day("end"), on_or_after_day("known_until"))),
        compares=("office.start", "office.end", "office.known_until"),
        context=True,
        doc=N_("The person holds an office (head of state, minister...) on the day: reported as context, it does not "
        "lift a party's duty."),
    ),
    Rule(
        id="note.official_capacity_last_known",
        kind="note", stage=2,
        legal_basis=N_("Rome Statute arts. 27 and 98(1); Appeals Chamber, Jordan referral re Al-Bashir, "
        "ICC-02/05-01/09-397-Corr, 6 May 2019"),
        text=N_("{person} held office as {o.title} as of {o.known_until}, the last day the sources confirm; whether "
        "still in office on that day is not known. Official capacity gives no exemption before the Court (article "
        "27)."),
        when=(Match("w", "wanted"),
              Match("o", "office", on_or_before_day("start"), after_day("end"), before_day("known_until"))),
        compares=("office.start", "office.end", "office.known_until"),
        context=True,
        doc=N_("The office was held as of the last day the sources confirm; whether it still is on the day asked about "
        "is not known (an answer about 2035 does not say Putin is President then)."),
    ),
    Rule(
        id="note.before_statute",
        kind="note", stage=1,
        legal_basis=N_("Rome Statute arts. 11(1) and 126(1)"),
        text=N_("The Rome Statute entered into force on {s.in_force}; before that day no ICC warrant could exist."),
        when=(Match("s", "statute", after_day("in_force")),),
        compares=("statute.in_force",),
        context=True,
        doc=N_("Before 1 July 2002, when the Statute entered into force, no ICC warrant could exist: such days answer "
        "no_warrant with this note."),
    ),
    # --- The verdict, strongest first (VERDICT_TABLE), then whether the person is within reach -----------------------
    verdict_rule(Verdict.IN_CUSTODY, N_("{person} is in detention and cannot travel."),
                  N_("Detention outranks every other answer.")),
    verdict_rule(Verdict.DUTY_TO_ARREST, N_("{host} has a legal duty to arrest and surrender {person}."),
                  N_("A party, a declarant or a state bound by a referral must arrest.")),
    verdict_rule(Verdict.RESIDUAL_DUTY, N_("{host} has left the Statute but keeps its duty to cooperate in this "
                  "situation."),
                  N_("Duties in investigations begun before withdrawal survive it.")),
    verdict_rule(Verdict.NO_DUTY, N_("a warrant is in force, but {host} is not a State Party, has no article 12(3) "
                  "declaration and is bound by no Security Council referral for this situation, so it has no legal "
                  "duty to arrest; it may still cooperate voluntarily (article 87(5))."),
                  N_("A treaty binds only its parties; non-parties may cooperate ad hoc.")),
    verdict_rule(Verdict.NO_WARRANT, N_("no ICC arrest warrant against {person} is in force on "
                  "that day."), N_("Without a warrant in force there is nothing to execute.")),
    Rule(
        id="exposure.at_risk",
        kind="exposure", stage=3,
        legal_basis=N_("Rome Statute arts. 59(1) and 89(1)"),
        text=N_("{person} would be on {host}'s territory, within reach of its authorities: the verdict stands in the "
        "way of the trip."),
        when=(Match("v", VERDICT, {"can_travel": False}), Absent("a", "airborne")),
        outcome="at_risk",
        doc=N_("The person would be within the host's reach, and the verdict stands in the way of the trip."),
    ),
    Rule(
        id="exposure.if_landing",
        kind="exposure", stage=3,
        legal_basis=N_("Convention on International Civil Aviation (Chicago, 1944) arts. 1, 5 and 6; Rome Statute "
        "art. 89(1)"),
        text=N_("Flying over {host}, {person} is within reach of its authorities only if the aircraft lands there: "
        "a forced or emergency landing would meet the verdict above."),
        when=(Match("v", VERDICT, {"can_travel": False}), Match("a", "airborne")),
        outcome="if_landing",
        doc=N_("Flying over, the person is within reach only if the aircraft lands there."),
    ),
    Rule(
        id="exposure.free",
        kind="exposure", stage=3,
        legal_basis=N_("Rome Statute art. 87(5)"),
        text=N_("Nothing in the Statute stands in the way of {person}'s trip to {host} on that day."),
        when=(Match("v", VERDICT, {"can_travel": True}),),
        outcome="free",
        doc=N_("Nothing in the Statute stands in the way of the trip."),
    ),
)

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})

#: The stages the rules run in (1, 2, 3).
STAGES: tuple[int, ...] = tuple(sorted({rule.stage for rule in RULES}))

#: Every exposure outcome, with the rule that gives it.
EXPOSURES: Mapping[str, str] = MappingProxyType({rule.outcome: rule.id for rule in RULES if rule.outcome})


#: Every comparison of a base fact's date with the day asked about: ``(type, field, op)``.
COMPARED: tuple[tuple[str, str, str], ...] = check_rules(RULES)

#: The fields each derived fact type carries, with their roles.
DERIVED_TYPES: Mapping[str, Mapping[str, Role]] = MappingProxyType(
    {name: MappingProxyType(roles) for name, (_, roles) in derived_types(RULES).items()})

#: For each base fact type, the literal tests of every condition on it: a fact that none of them admits can never be
#: matched by any rule (a warrant's conviction: no rule asks about convictions).
MATCHABLE: Mapping[str, tuple[dict[str, set[Any]], ...]] = MappingProxyType({
    fact_type: tuple(literal_tests(m) for rule in RULES for m in rule.when if m.type == fact_type)
    for fact_type in FACT_TYPES
})


def matchable(fact_type: str, fields: Mapping[str, Any]) -> bool:
    """Whether some rule could match a fact of ``fact_type`` with these fields, by their ``value`` fields alone."""
    return any(all(fields.get(name) in values for name, values in tests.items())
               for tests in MATCHABLE.get(fact_type, ()))


assert [row.verdict for row in VERDICT_TABLE] == [rule.verdict for rule in RULES if rule.verdict]
