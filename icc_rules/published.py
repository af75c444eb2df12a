"""Figures the ICC, the UN and others published (how many States Parties, warrants, persons at large on a date),
and the same figures computed from the dataset, so that a test can hold the data to them.

The published figures live in ``data/published_counts.toml``; each carries its sources, and ``expected_difference``
records a known, explained gap between the data and a figure counted differently (the note says why).

>>> from icc_rules.dataset import shipped
>>> counts = published_counts()
>>> ukraine = next(c for c in counts if c.what == "states_parties" and c.date == datetime.date(2025, 1, 1))
>>> ukraine.value, count_in_data(shipped(), ukraine.what, ukraine.date)
(125, 125)
"""

from __future__ import annotations

import datetime
import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from .dataset import DATA_DIR, Dataset
from .errors import DataError
from .models import Checked, Person

CountKind = Literal[
    "instruments_deposited", "states_parties", "persons_with_public_warrants", "public_warrants",
    "warrants_executed", "persons_charged", "persons_at_large", "persons_in_icc_custody", "cases",
]

#: The file of published figures.
COUNTS_FILE = DATA_DIR / "published_counts.toml"


class PublishedCount(Checked):
    """One figure as a source published it, for the date it speaks for.

    >>> published_counts()[0].what
    'instruments_deposited'
    """

    id: str
    what: CountKind
    date: datetime.date
    value: int
    expected_difference: int = 0


@cache
def published_counts(path: Path = COUNTS_FILE) -> tuple[PublishedCount, ...]:
    """The published figures, validated (``DataError`` naming the record on a problem)."""
    try:
        rows = tomllib.loads(path.read_text(encoding="utf-8")).get("count", [])
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataError(f"{path.name}: cannot read the published counts ({error})") from None
    counts = []
    for index, row in enumerate(rows):
        try:
            counts.append(PublishedCount.model_validate(row))
        except ValidationError as error:
            raise DataError(f"{path.name}: count[{index}] ({row.get('id')!r}): {error}") from None
    return tuple(counts)


def count_in_data(data: Dataset, what: str, day: datetime.date) -> int | None:
    """The same figure computed from ``data`` for ``day``, or ``None`` where the data does not model it.

    States Parties come from the treaty records (art. 126, 127(1)); persons at large are those whom the rules find
    wanted and not detained, asked in a country without any treaty record (where only the warrant and custody
    matter).

    >>> from icc_rules.dataset import shipped
    >>> count_in_data(shipped(), "states_parties", datetime.date(2024, 2, 1))
    124
    """
    if what == "states_parties":
        return len(data.parties_on(day))
    if what == "instruments_deposited":
        return sum(
            1 for s in data.states
            if s.deposited is not None and s.deposited <= day
            and not any(c.date <= day and c.kind in ("accession_withdrawn", "withdrawal_effective") for c in s.changes)
        )
    if what in ("persons_with_public_warrants", "public_warrants"):
        return sum(1 for p in data.persons if any(
            w.kind == "warrant" and (w.made_public or w.issued) <= day for w in p.warrants))
    if what == "persons_charged":
        return sum(1 for p in data.persons if any(
            w.kind in ("warrant", "summons") and (w.made_public or w.issued) <= day for w in p.warrants))
    if what == "persons_at_large":
        from .facade import assess

        nowhere = _country_without_treaty_record(data)
        return sum(1 for p in data.persons if _at_large(assess(p, nowhere, day, data=data).rules, p, day))
    if what == "persons_in_icc_custody":
        return sum(1 for p in data.persons
                   if any(c.held_by == "ICC" and c.start <= day and (c.end is None or c.end > day) for c in p.custody))
    if what == "warrants_executed":
        return sum(1 for p in data.persons if any(
            e.kind in ("arrested", "surrendered", "transferred") and e.date <= day
            for w in p.warrants if w.kind == "warrant" for e in w.events))
    return None


def _at_large(rules: tuple[str, ...], person: Person, day: datetime.date) -> bool:
    """Wanted on a public warrant the rules find in force, and not held by the Court (the ICC's own way of counting:
    a person held by a state on other grounds is still at large for the Court)."""
    held_by_court = any(c.held_by == "ICC" and c.start <= day and (c.end is None or c.end > day) for c in person.custody)
    public = all((w.made_public or w.issued) <= day for w in person.warrants if w.kind == "warrant" and w.issued <= day)
    return "warrant.in_force" in rules and not held_by_court and public


def _country_without_treaty_record(data: Dataset) -> str:
    from .countries import all_countries

    return next(c.code for c in all_countries() if c.code not in data.host_codes)
