"""The Rome Statute's own date arithmetic: when it binds a state (art. 126) and when a withdrawal takes effect (art. 127).

These are the only two formulas the Statute gives for dates; the data loader checks every recorded entry into force
against :func:`entry_into_force`.

>>> entry_into_force(datetime.date(2002, 4, 11))   # among the first sixty instruments
datetime.date(2002, 7, 1)
>>> entry_into_force(datetime.date(2023, 11, 14))  # Armenia
datetime.date(2024, 2, 1)
>>> entry_into_force(datetime.date(2024, 10, 25))  # Ukraine
datetime.date(2025, 1, 1)
>>> withdrawal_takes_effect(datetime.date(2016, 10, 27))  # Burundi
datetime.date(2017, 10, 27)
"""

from __future__ import annotations

import datetime

#: The day the Statute was adopted at the Rome Conference: no treaty fact can be older.
STATUTE_ADOPTED = datetime.date(1998, 7, 17)

#: Art. 126(1): the Statute entered into force on this day for the states that had deposited by then.
STATUTE_IN_FORCE = datetime.date(2002, 7, 1)

#: The day the sixtieth instrument was deposited; instruments deposited on or before it count under art. 126(1).
SIXTIETH_INSTRUMENT = datetime.date(2002, 4, 11)

#: Art. 126(2): the Statute enters into force "on the first day of the month after the 60th day following" deposit.
DAYS_AFTER_DEPOSIT = 60


def entry_into_force(deposited: datetime.date) -> datetime.date:
    """The day the Statute enters into force for a state that deposited its instrument on ``deposited``.

    Article 126(1) for instruments deposited by the sixtieth (11 April 2002), article 126(2) for later ones: the
    first day of the month after the sixtieth day following deposit.

    >>> entry_into_force(datetime.date(2002, 5, 15))  # Greece: bound one month after the others
    datetime.date(2002, 8, 1)
    """
    if deposited <= SIXTIETH_INSTRUMENT:
        return STATUTE_IN_FORCE
    sixtieth_day = deposited + datetime.timedelta(days=DAYS_AFTER_DEPOSIT)
    return _first_of_next_month(sixtieth_day)


def withdrawal_takes_effect(received: datetime.date, stated: datetime.date | None = None) -> datetime.date:
    """The day a withdrawal takes effect under article 127(1).

    One year after the Secretary-General receives the notification, or a later date the notification names.

    >>> withdrawal_takes_effect(datetime.date(2018, 3, 17))  # the Philippines
    datetime.date(2019, 3, 17)
    >>> withdrawal_takes_effect(datetime.date(2024, 2, 29))  # no 29 February next year: the day after 28 February
    datetime.date(2025, 3, 1)
    """
    try:
        one_year = received.replace(year=received.year + 1)
    except ValueError:  # 29 February: a year later is the following 1 March
        one_year = datetime.date(received.year + 1, 3, 1)
    return max(one_year, stated) if stated else one_year


def _first_of_next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
