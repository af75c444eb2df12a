"""The readers of bulk queries, one per input format, and the one rule they share: the day is never guessed.

* :mod:`.csv_text`: a CSV file or body (a header naming person, country and date as people write them, any of four
  separators, a byte order mark; rows numbered as a spreadsheet numbers them);
* :mod:`.ndjson`: NDJSON text (one JSON object or array per line, lines numbered from 1);
* :mod:`.python_rows`: rows held in Python (tuples, lists or mappings).

Each yields :class:`Query` items; :func:`day_of_row` turns a query's date into its day. ``icc-rules bulk``, the web's
``POST /v1/bulk`` and :func:`~icc_rules.views.bulk.assess_many` read through them, so the three read the same
inputs the same way.

>>> day_of_row(None, None)
Traceback (most recent call last):
...
icc_rules.errors.InputError: no date in the row: give one, or the day for rows without one (icc-rules bulk --date \
DAY; date= in Python and over the web)
>>> day_of_row(0, None)
Traceback (most recent call last):
...
icc_rules.errors.InvalidDateError: invalid date 0 (a int is not a date): expected a datetime.date, a \
datetime.datetime or an ISO 8601 string such as '2024-09-03'
>>> day_of_row(None, datetime.date(2024, 9, 3))
datetime.date(2024, 9, 3)
"""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from ...errors import InputError
from ...lookup.dates import to_date

__all__ = ["NO_DATE", "Query", "day_of_row", "missing_field"]

#: What a row without a day is told.
NO_DATE = ("no date in the row: give one, or the day for rows without one (icc-rules bulk --date DAY; date= in "
           "Python and over the web)")


class Query(NamedTuple):
    """One row read: its place, the person, country and date it names (``date`` is ``None`` when it names no day),
    and what it held.

    ``place`` counts the rows from 0 (bad ones included); ``number`` is where the input shows it (a CSV's row, the
    header being row 1; an NDJSON line, from 1), ``None`` for rows held in Python. ``values`` is the row as read (a
    CSV row's cells; a Python or JSON row itself), for echoing. A row that could not be read at all has its
    ``problem`` set, and no person, country or date.
    """

    place: int
    number: int | None
    person: Any = None
    country: Any = None
    date: Any = None
    values: Any = None
    problem: str | None = None


def missing_field(query: Query) -> str | None:
    """``person`` or ``country`` if the row has none (nothing, or only spaces), else ``None``."""
    for field, value in (("person", query.person), ("country", query.country)):
        if value is None or (isinstance(value, str) and not value.strip()):
            return field
    return None


def day_of_row(date: Any, default: datetime.date | None) -> datetime.date:
    """The day a row's ``date`` names, or ``default`` when it names none (``None``); with no ``default`` that is an
    :class:`~icc_rules.errors.InputError`. Anything else goes to :func:`~icc_rules.lookup.dates.to_date`: a value
    that is not a date (``0``, ``False``, ``[]``, ``""``) is an ``InvalidDateError``, never today."""
    if date is None:
        if default is None:
            raise InputError(NO_DATE)
        return default
    return to_date(date)
