"""Coercion of the date arguments users pass, and the integer day numbers the rules engine compares.

>>> to_date("2024-09-03")
datetime.date(2024, 9, 3)
>>> to_date(datetime.datetime(2024, 9, 3, 23, 30))
datetime.date(2024, 9, 3)
>>> to_date("2024-02-30")
Traceback (most recent call last):
...
icc_rules.errors.InvalidDateError: invalid date '2024-02-30' (day is out of range for month): expected a \
datetime.date, a datetime.datetime or an ISO 8601 string such as '2024-09-03'
>>> day_number(datetime.date(2023, 3, 17))
20230317
>>> from_day_number(20230317)
datetime.date(2023, 3, 17)
"""

from __future__ import annotations

import datetime
from functools import singledispatch

from .errors import InvalidDateError

#: The day number that stands for "never" (an open end) in engine facts: after every real day, 9999-12-31
#: (``99991231``) included, so that an open-ended warrant is still in force on the last day a date can name.
NEVER = 99999999


@singledispatch
def to_date(value: object) -> datetime.date:
    """Turn a user's date argument into a ``datetime.date``.

    Accepts a ``datetime.date``, a ``datetime.datetime`` (its calendar date, in its own time zone) or an ISO 8601
    string (``"2024-09-03"``, ``"20240903"``, ``"2024-09-03T10:00+02:00"``). Anything else raises
    :class:`~icc_rules.errors.InvalidDateError`.
    """
    raise InvalidDateError(value, f"a {type(value).__name__} is not a date")


@to_date.register
def _(value: datetime.datetime) -> datetime.date:
    return value.date()


@to_date.register
def _(value: datetime.date) -> datetime.date:
    return value


@to_date.register
def _(value: str) -> datetime.date:
    text = value.strip()
    if not text or len(text) > 40:
        raise InvalidDateError(value, "empty" if not text else "too long")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as date_error:
        try:
            return datetime.datetime.fromisoformat(text).date()
        except ValueError:
            raise InvalidDateError(value, str(date_error).replace("Invalid isoformat string: ", "")
                                   if "range" in str(date_error) else "not ISO 8601") from None


def day_number(day: datetime.date) -> int:
    """The date as the integer ``YYYYMMDD``, which orders like the date (the engine compares these)."""
    return day.year * 10000 + day.month * 100 + day.day


def from_day_number(number: int) -> datetime.date:
    """The inverse of :func:`day_number`."""
    return datetime.date(number // 10000, number // 100 % 100, number % 100)


def optional_day_number(day: datetime.date | None) -> int:
    """:func:`day_number`, with ``None`` (no such event) mapped to :data:`NEVER`."""
    return NEVER if day is None else day_number(day)
