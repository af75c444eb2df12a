"""Reverse queries: who would face arrest in a country, and where a person went and what the hosts did.

:func:`wanted_in` asks the rules about every person in the dataset for one country and one day and keeps those
whose verdict says the host owes the Court their arrest (:attr:`~icc_rules.law.verdicts.Verdict.owes_arrest`:
``duty_to_arrest`` and ``residual_duty``), and those held in custody elsewhere on other grounds whom the host would
owe the Court were they free (the rules' :attr:`~icc_rules.api.Decision.held`): they are listed with their custody
(:attr:`WantedIn.held`), not hidden. Everyone else's verdict (``no_duty``, ``no_warrant``, or custody on the ICC's
warrant) means no legal duty of arrest in that country.

:func:`hosts` lists a person's recorded visits (the precedents), each with the verdict the rules give for its first
day, beside what the host did, and the findings of non-compliance that concern the person.

>>> "Vladimir Putin" in [answer.person_name for answer in wanted_in("Mongolia", "2024-09-03")]
True
>>> mongolia = next(visit for visit in hosts("Putin").visits if visit.host == "MNG")
>>> mongolia.start, mongolia.verdict.value, mongolia.outcome, mongolia.arrest_duty_ignored
(datetime.date(2024, 9, 2), 'duty_to_arrest', 'not_arrested', True)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from ..api import Assessment, CountryLike, DateLike, Decision, Held, PersonLike, Verdict, assess, best_source, decide
from ..api.internal import (
    chamber_in_words,
    country_name_in,
    dataset,
    day_of,
    in_english_mark,
    source_in_words,
    warning_in_words,
)
from ..data.countries import country_by_code
from ..data.dataset import Dataset
from ..data.loading import without_user_data
from ..data.models import VISIT_OUTCOME_WORDS, Finding, Source, VisitOutcome
from ..i18n import gettext as _
from ..i18n import ngettext, using
from ..lookup.countries import resolve_country
from ..lookup.names import fold
from ..lookup.persons import resolve_person
from .userdata import user_data_warnings

__all__ = ["HostedVisit", "Hosts", "WantedIn", "hosts", "wanted_in"]


class WantedIn(list[Assessment]):
    """The answer of :func:`wanted_in`: a list of assessments, sorted by the person's name, that also says what it
    owes to a user's files, even when it is empty.

    Attributes:
        user_data: the user's files the answer rests on: those that changed what the data says about the country or
            about a person whose verdict there they change, or who is listed; empty for shipped data alone.
        warnings: one line per user's file (or group of files) that changes who is listed, naming who would be
            listed, or not, without it.
        held: for each listed person held in custody elsewhere on the day (their verdict is ``in_custody``), by
            person id, who holds them, since when, and the verdict the host would owe were they free.

    >>> found = wanted_in("Russia", "2024-09-03")
    >>> found, found.user_data, found.warnings, found.held
    ([], (), (), {})
    """

    user_data: tuple[str, ...]
    warnings: tuple[str, ...]
    held: dict[str, Held]

    def __init__(self, answers: Iterable[Assessment] = (), user_data: Iterable[str] = (),
                 warnings: Iterable[str] = (), held: dict[str, Held] | None = None) -> None:
        super().__init__(answers)
        self.user_data = tuple(user_data)
        self.warnings = tuple(warnings)
        self.held = dict(held or {})

    def in_language(self, lang: str | None = None) -> WantedIn:
        """The list with each answer's texts for a reader (:meth:`~icc_rules.api.Assessment.in_language`) and the
        warnings in ``lang`` (``"en"``, ``"fr"``; by default the current language).

        >>> wanted_in("Mongolia", "2024-09-03").in_language("fr")[0].country_name
        'Mongolie'
        """
        with using(lang) as lang_used:
            if lang_used == "en":
                return self
            return WantedIn((answer.in_language() for answer in self), self.user_data,
                            map(warning_in_words, self.warnings), self.held)


def wanted_in(country: CountryLike, date: DateLike = None, *, data: Dataset | None = None) -> WantedIn:
    """Every person who would face a legal duty of arrest in ``country`` on ``date``, with the full answer.

    That is, every person whose verdict there is ``duty_to_arrest`` or ``residual_duty``, and every person held in
    custody elsewhere that day on other grounds (their ICC warrant not executed) whom the host would owe the Court
    were they free: their verdict is ``in_custody``, and :attr:`WantedIn.held` says who holds them. Persons in the
    Court's custody, and those with no warrant in force, are not listed. With a user's file the answer says who is
    listed, or left out, because of it (:class:`WantedIn`).

    Args:
        country: an ISO 3166-1 code or a name, or a :class:`~icc_rules.data.countries.Country`.
        date: the day (default: today).
        data: the dataset (default: the shipped one).

    Returns:
        The assessments, sorted by the person's name, as a :class:`WantedIn` list.

    Raises:
        UnknownCountryError: No country matches ``country``.
        InvalidDateError: ``date`` is not a date.

    >>> [a.person_name for a in wanted_in("Sudan", "2010-01-01")]
    ['Ahmad Harun', 'Ali Kushayb', 'Omar al-Bashir']
    >>> mongolia = wanted_in("Mongolia", "2024-09-03")
    >>> mongolia.held["al-bashir"].in_words
    'held by Sudan since 2019-04-11, on other grounds (the ICC warrant is not executed)'
    >>> wanted_in("Russia", "2024-09-03")
    []
    """
    data = dataset(data)
    where, day = resolve_country(country), day_of(date)
    decisions = {person.id: decide(person, where, day, data=data) for person in data.persons}
    found = sorted((assess(person, where, day, data=data) for person, decision in decisions.items()
                    if _owed(decision) is not None), key=lambda answer: fold(answer.person_name))
    held = {person: custody for person, decision in decisions.items() if (custody := decision.held) is not None
            and custody.owed_if_free is not None}
    base = without_user_data(data)
    if base is None:
        return WantedIn(found, held=held)
    # Who the user's files list or leave out: the same question on the data without them (the rules' answers).
    listed = {answer.person for answer in found}
    listed_without = {person.id: verdict for person in base.persons
                      if (verdict := _owed(decide(person, where, day, data=base))) is not None}
    changes = []
    for person in {*listed, *listed_without} - (listed & listed_without.keys()):
        files = _files_about(data, person, where.code)
        if person in listed_without:
            name = base.person(person).name
            changes.append((files, f"{name} would be listed ({listed_without[person].label})"))
        else:
            changes.append((files, f"{data.person(person).name} would not be listed"))
    changes.sort(key=lambda change: fold(change[1]))
    touched = {*data.user_data.get(f"host:{where.code}", ()), *(f for answer in found for f in answer.user_data),
               *(f for files, _ in changes for f in files)}
    return WantedIn(found, sorted(touched), user_data_warnings(changes), held)


def _owed(decision: Decision) -> Verdict | None:
    """The verdict under which the host owes the Court the person's arrest: the decision's own, or for a person
    held elsewhere on other grounds the one it would be were they free (the rules' :attr:`Decision.held`)."""
    if decision.verdict.owes_arrest:
        return decision.verdict
    held = decision.held
    return held.owed_if_free if held is not None else None


def _files_about(data: Dataset, person: str, host: str) -> tuple[str, ...]:
    """The user's files that changed what the data says about ``person`` (and their situations) or ``host``."""
    keys = [f"host:{host}", f"person:{person}"]
    if person in {p.id for p in data.persons}:
        keys += [f"situation:{warrant.situation}" for warrant in data.person(person).warrants]
    found = tuple(dict.fromkeys(file for key in keys for file in data.user_data.get(key, ())))
    return found or tuple(dict.fromkeys(data.origins.values()))  # changed through something else they hold


class HostedVisit(BaseModel):
    """A recorded visit, what the host did, and the verdict the rules give for its first day.

    Attributes:
        id, host, start, end, host_bound, outcome, summary: from the visit's record (``host_bound`` as recorded).
        host_name: the host country's name.
        source: the visit's best source (:func:`~icc_rules.api.best_source`).
        verdict: the verdict of the rules for the person in the host on the visit's first day.
        arrest_duty_ignored: the rules found a duty to arrest (or a residual duty) and the person was not arrested.
        user_data: the user's files the verdict rests on (they changed what the data says about the person or the
            host); empty for shipped data alone.
        verdict_without_user_data: the verdict without those files, where they change it; else ``None``.

    >>> visit = next(v for v in hosts("Putin").visits if v.host == "MNG")
    >>> visit.host_name, visit.verdict.value, visit.arrest_duty_ignored
    ('Mongolia', 'duty_to_arrest', True)
    """

    model_config = ConfigDict(frozen=True)

    id: str
    host: str
    host_name: str
    start: datetime.date
    end: datetime.date | None
    host_bound: bool
    outcome: VisitOutcome
    summary: str
    source: Source
    verdict: Verdict
    arrest_duty_ignored: bool
    user_data: tuple[str, ...] = ()
    verdict_without_user_data: Verdict | None = None


class Hosts(BaseModel):
    """A person's visit precedents and the findings of non-compliance about them.

    ``warnings`` says, once per user's file, which visits' verdicts it changes and what they would be without it.

    >>> report = hosts("al-Bashir")
    >>> report.person_name, len(report.visits) > 10, len(report.findings) > 3, report.warnings
    ('Omar al-Bashir', True, True, ())
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    visits: tuple[HostedVisit, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()

    def table(self) -> str:
        """A readable list: one line per visit (date, host, the verdict and what the host did, in words) with its
        best source under it, then the findings, each with the chamber, the decision's number if recorded, and its
        best source.

        >>> print(hosts("Putin").table())  # doctest: +ELLIPSIS
        Vladimir Putin: ... recorded visits
        ...
          2024-09-02  Mongolia              must arrest        came and was not arrested (duty ignored)
                      source: TASS: Putin to visit Mongolia on September 2-3 [secondary] <https://tass.com/politics/1837097>
        ...
        """
        report = self.in_language()
        visits = len(report.visits)
        lines = [ngettext("{person}: {count} recorded visit", "{person}: {count} recorded visits", visits).format(
            person=report.person_name, count=visits)]
        width = max((len(v.host_name) for v in report.visits), default=0)
        said = max((len(v.verdict.label) for v in report.visits), default=0)
        for visit in report.visits:
            flag = _(" (duty ignored)") if visit.arrest_duty_ignored else ""
            lines.append(f"  {visit.start}  {visit.host_name:<{width}}  {visit.verdict.label:<{said}}  "
                         f"{_(VISIT_OUTCOME_WORDS[visit.outcome])}{flag}")
            lines.append(_("              source: {source}").format(source=source_in_words(visit.source)))
        if report.findings:
            lines += ["", _("Findings of non-compliance:")]
            for finding in report.findings:
                chamber = chamber_in_words(finding.chamber) if finding.chamber else None
                by = ", ".join(part for part in (chamber, finding.decision) if part)
                lines.append(_("  {day}  {state} ({by}): {summary}").format(
                    day=finding.date, state=country_name_in(finding.state, country_by_code(finding.state).name), by=by,
                    summary=finding.summary + in_english_mark()))
                lines.append(_("              source: {source}").format(
                    source=source_in_words(best_source(finding.sources))))
        return "\n".join(lines)

    def in_language(self, lang: str | None = None) -> Hosts:
        """The report with its texts for a reader (the hosts' names, the warnings) in ``lang`` (``"en"``, ``"fr"``;
        by default the current language); codes, verdicts, days and the data (summaries, sources, findings) stay as
        they are.

        >>> next(v.host_name for v in hosts("Putin").in_language("fr").visits if v.host == "MNG")
        'Mongolie'
        """
        with using(lang) as lang_used:
            if lang_used == "en":
                return self
            return self.model_copy(update={
                "visits": tuple(visit.model_copy(update={"host_name": country_name_in(visit.host, visit.host_name)})
                                for visit in self.visits),
                "warnings": tuple(map(warning_in_words, self.warnings))})


def hosts(person: PersonLike, *, data: Dataset | None = None) -> Hosts:
    """The recorded visits of ``person`` (newest first) with what each host did, and the findings about them.

    Args:
        person: a name, alias or id, or a :class:`~icc_rules.data.models.Person`.
        data: the dataset (default: the shipped one).

    Returns:
        :class:`Hosts`: the visits, each with the rules' verdict for its first day, and the findings of
        non-compliance (article 87(7)) that name the person.

    Raises:
        UnknownPersonError: No person matches ``person``.
        AmbiguousPersonError: ``person`` matches several persons.

    >>> [f.state for f in hosts("al-Bashir").findings][:3]
    ['MWI', 'TCD', 'TCD']
    """
    data = dataset(data)
    who = resolve_person(data, person)
    visits = []
    for visit in sorted((v for v in data.visits if v.person == who.id), key=lambda v: v.start, reverse=True):
        decision = decide(who, visit.host, visit.start, data=data)
        verdict = decision.verdict
        without = decision.without_user_data(visit.start)
        visits.append(HostedVisit(
            id=visit.id, host=visit.host, host_name=country_by_code(visit.host).name, start=visit.start,
            end=visit.end, host_bound=visit.host_bound, outcome=visit.outcome, summary=visit.summary,
            source=best_source(visit.sources), verdict=verdict, arrest_duty_ignored=verdict.ignored_by(visit.outcome),
            user_data=decision.user_files,
            verdict_without_user_data=without[0][1] if without and without[0][1] != verdict else None,
        ))
    findings = tuple(sorted((f for f in data.findings if f.person == who.id), key=lambda f: f.date))
    warnings = user_data_warnings(
        (visit.user_data, f"{visit.host_name} {visit.start}: {visit.verdict_without_user_data.label} (not {visit.verdict.label})")
        for visit in visits if visit.verdict_without_user_data is not None)
    return Hosts(person=who.id, person_name=who.name, visits=tuple(visits), findings=findings, warnings=warnings)
