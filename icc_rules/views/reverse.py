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

from pydantic import BaseModel, ConfigDict

from ..api import Assessment, CountryLike, DateLike, PersonLike, Verdict, assess, verdict_of
from ..api.queries import dataset, day_of
from ..data.countries import country_by_code
from ..data.dataset import Dataset
from ..data.models import Finding, VisitOutcome
from ..lookup.countries import resolve_country
from ..lookup.names import fold
from ..lookup.persons import resolve_person

__all__ = ["HostedVisit", "Hosts", "hosts", "wanted_in"]


def wanted_in(country: CountryLike, date: DateLike = None, *, data: Dataset | None = None) -> list[Assessment]:
    """Every person who would face a legal duty of arrest in ``country`` on ``date``, with the full answer.

    That is, every person whose verdict there is ``duty_to_arrest`` or ``residual_duty``; persons in custody that
    day are not included (they are not free to travel), nor are those with no warrant in force.

    Args:
        country: an ISO 3166-1 code or a name, or a :class:`~icc_rules.data.countries.Country`.
        date: the day (default: today).
        data: the dataset (default: the shipped one).

    Returns:
        The assessments, sorted by the person's name.

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
    found = [assess(person, where, day, data=data) for person in data.persons
             if verdict_of(person, where, day, data=data).owes_arrest]
    return sorted(found, key=lambda answer: fold(answer.person_name))


class HostedVisit(BaseModel):
    """A recorded visit, what the host did, and the verdict the rules give for its first day.

    Attributes:
        id, host, start, end, host_bound, outcome, summary: from the visit's record (``host_bound`` as recorded).
        host_name: the host country's name.
        verdict: the verdict of the rules for the person in the host on the visit's first day.
        arrest_duty_ignored: the rules found a duty to arrest (or a residual duty) and the person was not arrested.

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


class Hosts(BaseModel):
    """A person's visit precedents and the findings of non-compliance about them.

    >>> report = hosts("al-Bashir")
    >>> report.person_name, len(report.visits) > 10, len(report.findings) > 3
    ('Omar al-Bashir', True, True)
    """

    model_config = ConfigDict(frozen=True)

    person: str
    person_name: str
    visits: tuple[HostedVisit, ...]
    findings: tuple[Finding, ...]

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
        verdict = verdict_of(who, visit.host, visit.start, data=data)
        visits.append(HostedVisit(
            id=visit.id, host=visit.host, host_name=country_by_code(visit.host).name, start=visit.start,
            end=visit.end, host_bound=visit.host_bound, outcome=visit.outcome, summary=visit.summary,
            verdict=verdict, arrest_duty_ignored=verdict.ignored_by(visit.outcome),
        ))
    findings = tuple(sorted((f for f in data.findings if f.person == who.id), key=lambda f: f.date))
    return Hosts(person=who.id, person_name=who.name, visits=tuple(visits), findings=findings)
