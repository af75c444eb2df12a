"""Everyone in the dataset and where each stands on a day: wanted, in custody, or with no warrant in force.

A person's standing is what the rules find about them in a country that owes the Court nothing of its own (no
treaty, declaration, territory or referral record): there the verdict turns on the person alone. ``no_duty`` there
means a warrant is in force (the person is wanted), ``in_custody`` that they are held, and ``no_warrant`` that no
warrant is in force (none issued yet, only a summons, or every warrant withdrawn or ended).

>>> standing = {p.person: p.status for p in persons_on("2025-06-01")}
>>> standing["putin"], standing["duterte"], standing["kony"]
('wanted', 'in custody', 'wanted')
>>> persons_on("2023-01-01")[0].status  # Akhundzada: his warrant came in 2025
'no warrant in force'
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict

from ..api import DateLike, Verdict, verdict_of
from ..api.queries import dataset, day_of
from ..data.countries import all_countries
from ..data.dataset import Dataset
from ..errors import DataError

__all__ = ["STATUS", "PersonStatus", "persons_on"]

#: The words for a person's standing, by the verdict in a country that owes the Court nothing of its own.
STATUS: Mapping[Verdict, str] = MappingProxyType({
    Verdict.IN_CUSTODY: "in custody",
    Verdict.DUTY_TO_ARREST: "wanted",
    Verdict.RESIDUAL_DUTY: "wanted",
    Verdict.NO_DUTY: "wanted",
    Verdict.NO_WARRANT: "no warrant in force",
})


class PersonStatus(BaseModel):
    """A person's standing on a day, and their warrants, summonses and applications as recorded.

    >>> putin = next(p for p in persons_on("2024-09-03") if p.person == "putin")
    >>> putin.name, putin.status, putin.verdict.value, putin.warrants[0]["issued"]
    ('Vladimir Putin', 'wanted', 'no_duty', '2023-03-17')
    """

    model_config = ConfigDict(frozen=True)

    person: str
    name: str
    date: datetime.date
    status: str
    verdict: Verdict
    warrants: tuple[dict[str, str], ...]


def _country_without_host_facts(data: Dataset) -> str:
    found = next((c.code for c in all_countries() if c.code not in data.host_codes), None)
    if found is None:
        raise DataError("every country has host facts in this data: no country shows a person's standing alone")
    return found


def persons_on(date: DateLike = None, *, data: Dataset | None = None) -> list[PersonStatus]:
    """Every person in the dataset, in the data's order, with their standing on ``date`` (default: today).

    Raises:
        InvalidDateError: ``date`` is not a date.
    """
    data = dataset(data)
    day = day_of(date)
    nowhere = _country_without_host_facts(data)
    found = []
    for person in data.persons:
        verdict = verdict_of(person, nowhere, day, data=data)
        warrants = tuple({"id": w.id, "kind": w.kind, "situation": w.situation, "issued": w.issued.isoformat()}
                         for w in person.warrants)
        found.append(PersonStatus(person=person.id, name=person.name, date=day, status=STATUS[verdict],
                                  verdict=verdict, warrants=warrants))
    return found
