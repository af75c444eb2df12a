"""Everyone in the dataset and where each stands on a day: wanted, in custody, or with no warrant in force.

A person's standing is a question the rules answer (:func:`icc_rules.api.standing`): here it is only listed.

>>> standing = {p.person: p.status for p in persons_on("2025-06-01")}
>>> standing["putin"], standing["duterte"], standing["kony"]
('wanted', 'in custody', 'wanted')
>>> persons_on("2023-01-01")[0].status  # Akhundzada: his warrant came in 2025
'no warrant in force'
"""

from __future__ import annotations

import datetime

from pydantic import BaseModel, ConfigDict

from ..api import DateLike, Verdict, standing
from ..api.internal import dataset, day_of
from ..data.dataset import Dataset

__all__ = ["PersonStatus", "persons_on"]


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


def persons_on(date: DateLike = None, *, data: Dataset | None = None) -> list[PersonStatus]:
    """Every person in the dataset, in the data's order, with their standing on ``date`` (default: today).

    Raises:
        InvalidDateError: ``date`` is not a date.
    """
    data = dataset(data)
    day = day_of(date)
    found = []
    for person in data.persons:
        where = standing(person, day, data=data)
        warrants = tuple({"id": w.id, "kind": w.kind, "situation": w.situation, "issued": w.issued.isoformat()}
                         for w in person.warrants)
        found.append(PersonStatus(person=person.id, name=person.name, date=day, status=where.status,
                                  verdict=where.decision.verdict, warrants=warrants))
    return found
