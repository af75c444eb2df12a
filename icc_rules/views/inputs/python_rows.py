"""Reading bulk queries held in Python: tuples or lists ``(person, country)`` or ``(person, country, date)``, or
mappings with the keys ``person``, ``country`` and optionally ``date`` (other keys are ignored).

A missing date (a two-item row, no ``date`` key, or ``None``) is left missing, for the caller's day or an error;
any other value is the date given, even one that is not a date (``0``, ``""``), which is then refused.

>>> [q.date for q in read_rows([("putin", "MN"), {"person": "putin", "country": "MN", "date": ""}])]
[None, '']
>>> next(read_rows(["putin,MN"])).problem
"a row must be (person, country), (person, country, date) or a mapping, not 'putin,MN'"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ...errors import InputError
from . import Query

__all__ = ["query_of", "read_rows"]


def read_rows(rows: Iterable[Any]) -> Iterator[Query]:
    """A :class:`~icc_rules.views.inputs.Query` for each row (``number`` is ``None``; a row of the wrong shape has
    its ``problem`` set).

    Raises:
        InputError: ``rows`` is not an iterable of rows (a string, a mapping, a number).
    """
    if not isinstance(rows, Iterable) or isinstance(rows, (str, bytes, Mapping)):
        raise InputError(f"rows {rows!r:.200}: expected an iterable of rows (tuples or mappings), e.g. a list")
    for index, row in enumerate(rows):
        yield query_of(index, row)


def query_of(index: int, row: Any, number: int | None = None) -> Query:
    """The query of one row, the ``index``-th (``number``: where its input shows it, if anywhere else)."""
    if isinstance(row, Mapping):
        if "person" not in row or "country" not in row:
            return Query(index, number, values=row, problem="a row needs the keys 'person' and 'country' (and optionally 'date'), "
                         f"not {sorted(map(str, row))}"[:300])
        return Query(index, number, row["person"], row["country"], row.get("date"), row)
    if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) not in (2, 3):
        return Query(index, number, values=row, problem=f"a row must be (person, country), (person, country, date) or a mapping, "
                     f"not {row!r:.200}")
    return Query(index, number, row[0], row[1], row[2] if len(row) == 3 else None, row)
