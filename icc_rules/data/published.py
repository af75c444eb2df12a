"""Figures the ICC, the UN and others published (how many States Parties, warrants, persons at large on a date),
so that a test can hold the data to them (the same figures computed from the data, by asking the rules, are
:func:`icc_rules.views.counts.count`).

The published figures live in ``published_counts.toml``; each carries its sources, and ``expected_difference``
records a known, explained gap between the data and a figure counted differently (the note says why).

>>> counts = published_counts()
>>> ukraine = next(c for c in counts if c.what == "states_parties" and c.date == datetime.date(2025, 1, 1))
>>> ukraine.value
125
"""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from ..errors import DataError
from .files import read_toml
from .models import Checked

CountKind = Literal[
    "instruments_deposited", "states_parties", "persons_with_public_warrants", "public_warrants",
    "warrants_executed", "persons_charged", "persons_at_large", "persons_in_icc_custody", "cases",
]

#: The file of published figures.
COUNTS_FILE = Path(__file__).parent / "published_counts.toml"


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
    rows = read_toml(path).get("count", [])
    if not isinstance(rows, list):
        raise DataError(f"{path}: [[count]] must be an array of tables")
    counts = []
    for index, row in enumerate(rows):
        try:
            counts.append(PublishedCount.model_validate(row))
        except ValidationError as error:
            raise DataError(f"{path.name}: count[{index}] ({row.get('id')!r}): {error}") from None
    return tuple(counts)
