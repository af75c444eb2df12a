"""Dates as the rules engine compares them: integer day numbers ``YYYYMMDD``, which order like the dates.

>>> day_number(datetime.date(2023, 3, 17))
20230317
>>> from_day_number(20230317)
datetime.date(2023, 3, 17)
>>> next_day(20240131)
20240201
"""

from __future__ import annotations

import datetime

__all__ = ["NEVER", "OPEN_START", "day_number", "from_day_number", "is_day", "next_day", "optional_day_number"]

#: The day number that stands for "never" (an open end): after every real day, 9999-12-31 (``99991231``) included,
#: so that an open-ended warrant is still in force on the last day a date can name.
NEVER = 99999999

#: The day number that stands for "from the start" (an open beginning): before every real day.
OPEN_START = 0


def day_number(day: datetime.date) -> int:
    """The date as the integer ``YYYYMMDD``, which orders like the date (the engine compares these)."""
    return day.year * 10000 + day.month * 100 + day.day


def from_day_number(number: int) -> datetime.date:
    """The inverse of :func:`day_number`."""
    return datetime.date(number // 10000, number // 100 % 100, number % 100)


def optional_day_number(day: datetime.date | None, missing: int = NEVER) -> int:
    """:func:`day_number`, with ``None`` (no such event) mapped to ``missing`` (:data:`NEVER` by default)."""
    return missing if day is None else day_number(day)


def is_day(number: object) -> bool:
    """True for the number of a real day, 0001-01-01 to 9999-12-31 (not :data:`NEVER` or :data:`OPEN_START`)."""
    return isinstance(number, int) and not isinstance(number, bool) and 10101 <= number <= 99991231


def next_day(number: int) -> int:
    """The number of the day after; the day after 9999-12-31 is :data:`NEVER`."""
    day = from_day_number(number)
    return NEVER if day == datetime.date.max else day_number(day + datetime.timedelta(days=1))
