"""Turning the date arguments users pass into a ``datetime.date``: one entry point, one handler per accepted type.

>>> to_date("2024-09-03")
datetime.date(2024, 9, 3)
>>> to_date(datetime.datetime(2024, 9, 3, 23, 30))
datetime.date(2024, 9, 3)
>>> to_date("2024-02-30")
Traceback (most recent call last):
...
icc_rules.errors.InvalidDateError: invalid date '2024-02-30' (day is out of range for month): expected a \
datetime.date, a datetime.datetime or an ISO 8601 string such as '2024-09-03'

A missing value is not a day: pandas' ``NaT`` (a ``datetime`` subclass), numpy's ``NaT``, ``NaN`` and ``None``
(here: the public functions read ``None`` as "today" before they get this far) are each an error, never a day:

>>> to_date(float("nan"))
Traceback (most recent call last):
...
icc_rules.errors.InvalidDateError: invalid date nan (a float is not a date): expected a datetime.date, a \
datetime.datetime or an ISO 8601 string such as '2024-09-03'
"""

from __future__ import annotations

import datetime
from functools import singledispatch

from ..errors import InvalidDateError

__all__ = ["to_date", "today"]


def today() -> datetime.date:
    """Today's date on this machine (what an omitted date means)."""
    return datetime.date.today()


@singledispatch
def to_date(value: object) -> datetime.date:
    """Turn a user's date argument into a ``datetime.date``.

    Accepts a ``datetime.date``, a ``datetime.datetime`` (its calendar date, in its own time zone; pandas'
    ``Timestamp`` too), a numpy ``datetime64``, or a string: ISO 8601 (``"2024-09-03"``, ``"20240903"``,
    ``"2024-09-03T10:00+02:00"``) or ``"today"``. Anything else, and any missing value (``NaT``, ``NaN``), raises
    :class:`~icc_rules.errors.InvalidDateError`.

    >>> to_date("today") == datetime.date.today()
    True
    """
    if type(value).__name__ == "datetime64":  # numpy, without importing it: its text is ISO 8601 or 'NaT'
        text = str(value.astype("datetime64[D]"))  # type: ignore[attr-defined]
        if text == "NaT":
            raise InvalidDateError(value, "a missing value (NaT)")
        return _from_text(value, text)
    raise InvalidDateError(value, f"a {type(value).__name__} is not a date")


@to_date.register
def _(value: datetime.datetime) -> datetime.date:
    return _real_day(value, lambda: value.date())


@to_date.register
def _(value: datetime.date) -> datetime.date:
    return _real_day(value, lambda: value)


@to_date.register
def _(value: str) -> datetime.date:
    text = value.strip()
    if not text or len(text) > 40:
        raise InvalidDateError(value, "empty" if not text else "too long")
    if text.casefold() == "today":
        return today()
    return _from_text(value, text)


def _from_text(value: object, text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as date_error:
        try:
            return datetime.datetime.fromisoformat(text).date()
        except ValueError:
            raise InvalidDateError(value, str(date_error).replace("Invalid isoformat string: ", "")
                                   if "range" in str(date_error) else "not ISO 8601") from None


def _real_day(value: object, day: object) -> datetime.date:
    """A plain ``datetime.date`` with the same calendar day, or InvalidDateError for a missing value: pandas'
    ``NaT`` is a ``datetime`` whose fields are not numbers."""
    try:
        found = day()  # type: ignore[operator]
        return datetime.date(found.year, found.month, found.day)
    except (TypeError, ValueError, AttributeError):
        raise InvalidDateError(value, "a missing value (NaT)" if repr(value) == "NaT" else "not a real day") from None
