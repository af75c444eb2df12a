"""Reverse queries: who would face arrest in a country, and where a person went and what the hosts did.

:func:`wanted_in` asks the rules about every person in the dataset for one country and one day and keeps those
whose verdict says the host owes the Court their arrest (:attr:`~icc_rules.law.verdicts.Verdict.owes_arrest`:
``duty_to_arrest`` and ``residual_duty``). A person in custody on that day (verdict ``in_custody``) is left out: they
cannot travel there, so they are not at risk of arrest there. Everyone else's verdict (``no_duty``, ``no_warrant``)
means no legal duty of arrest in that country.

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

from ..api import Assessment, CountryLike, DateLike, PersonLike, Verdict, assess, decide, verdict_of
from ..api.internal import dataset, day_of
from ..data.countries import country_by_code
from ..data.dataset import Dataset
from ..data.loading import without_user_data
from ..data.models import Finding, VisitOutcome
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

    >>> found = wanted_in("Russia", "2024-09-03")
    >>> found, found.user_data, found.warnings
    ([], (), ())
    """

    user_data: tuple[str, ...]
    warnings: tuple[str, ...]

    def __init__(self, answers: Iterable[Assessment] = (), user_data: Iterable[str] = (),
                 warnings: Iterable[str] = ()) -> None:
        super().__init__(answers)
        self.user_data = tuple(user_data)
        self.warnings = tuple(warnings)


def wanted_in(country: CountryLike, date: DateLike = None, *, data: Dataset | None = None) -> WantedIn:
    """Every person who would face a legal duty of arrest in ``country`` on ``date``, with the full answer.

    That is, every person whose verdict there is ``duty_to_arrest`` or ``residual_duty``; persons in custody that
    day are not included (they are not free to travel), nor are those with no warrant in force. With a user's file
    the answer says who is listed, or left out, because of it (:class:`WantedIn`).

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
    >>> wanted_in("Russia", "2024-09-03")
    []
    """
    data = dataset(data)
    where, day = resolve_country(country), day_of(date)
    found = sorted((assess(person, where, day, data=data) for person in data.persons
                    if verdict_of(person, where, day, data=data).owes_arrest), key=lambda answer: fold(answer.person_name))
    base = without_user_data(data)
    if base is None:
        return WantedIn(found)
    # Who the user's files list or leave out: the same question on the data without them (the rules' answers).
    listed = {answer.person for answer in found}
    listed_without = {person.id: verdict for person in base.persons
                      if (verdict := verdict_of(person, where, day, data=base)).owes_arrest}
    changes = []
    for person in {*listed, *listed_without} - (listed & listed_without.keys()):
        files = _files_about(data, person, where.code)
        if person in listed_without:
            name = base.person(person).name
            changes.append((files, f"{name} would be listed ({listed_without[person].value})"))
        else:
            changes.append((files, f"{data.person(person).name} would not be listed"))
    changes.sort(key=lambda change: fold(change[1]))
    touched = {*data.user_data.get(f"host:{where.code}", ()), *(f for answer in found for f in answer.user_data),
               *(f for files, _ in changes for f in files)}
    return WantedIn(found, sorted(touched), user_data_warnings(changes))


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
        """A readable list: one line per visit (date, host, verdict, outcome), then the findings.

        >>> print(hosts("Putin").table())  # doctest: +ELLIPSIS
        Vladimir Putin: ... recorded visits
        ...
          2024-09-02  Mongolia              duty_to_arrest  not_arrested  (duty ignored)
        ...
        """
        visits = len(self.visits)
        lines = [f"{self.person_name}: {visits} recorded visit{'s' * (visits != 1)}"]
        width = max((len(v.host_name) for v in self.visits), default=0)
        for visit in self.visits:
            flag = "  (duty ignored)" if visit.arrest_duty_ignored else ""
            lines.append(f"  {visit.start}  {visit.host_name:<{width}}  {visit.verdict.value:<14}  {visit.outcome}{flag}")
        if self.findings:
            lines += ["", "Findings of non-compliance:"]
            for finding in self.findings:
                lines.append(f"  {finding.date}  {country_by_code(finding.state).name}: {finding.summary}")
        return "\n".join(lines)


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
            verdict=verdict, arrest_duty_ignored=verdict.ignored_by(visit.outcome),
            user_data=decision.user_files,
            verdict_without_user_data=without[0][1] if without and without[0][1] != verdict else None,
        ))
    findings = tuple(sorted((f for f in data.findings if f.person == who.id), key=lambda f: f.date))
    warnings = user_data_warnings(
        (visit.user_data, f"{visit.host_name} {visit.start}: {visit.verdict_without_user_data.value} (not {visit.verdict.value})")
        for visit in visits if visit.verdict_without_user_data is not None)
    return Hosts(person=who.id, person_name=who.name, visits=tuple(visits), findings=findings, warnings=warnings)
