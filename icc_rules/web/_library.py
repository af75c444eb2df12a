"""Every name the web layer needs from the library beyond its top-level public names, in one module.

==================  ====================================  =====================================================
name                from                                  what the web layer uses it for
==================  ====================================  =====================================================
``COLOURS``         ``icc_rules.render.worldmap``         the page's map and legend (the map renderer's colours)
``to_date``         ``icc_rules.lookup.dates``            reading a date parameter as the library reads it
``today``           ``icc_rules.lookup.dates``            the server's day: what an omitted date and ``today`` mean
``require``         ``icc_rules.render.extras``           ``serve``: a clear error when the web extra is missing
``LegKind``         ``icc_rules.Presence``                ``/v1/itinerary``: the kinds of leg
==================  ====================================  =====================================================

Every other name (the answers' models, ``parties_on`` for ``/v1/states`` ...) is imported from ``icc_rules``.
"""

from __future__ import annotations

import datetime

from icc_rules import (
    BulkResult,
    Change,
    Hosts,
    ItineraryReport,
    PartiesView,
    Period,
    Presence,
    Rule,
    WorldView,
    parties_on,
)
from icc_rules.lookup import dates
from icc_rules.lookup.dates import to_date
from icc_rules.render.extras import require
from icc_rules.render.worldmap import COLOURS

LegKind = Presence


def today() -> datetime.date:
    """The server's day, read from the library's clock at each call (the clock ``to_date("today")`` reads, so
    that an omitted date and ``today`` always name the same day)."""
    return dates.today()


__all__ = [
    "COLOURS",
    "BulkResult",
    "Change",
    "Hosts",
    "ItineraryReport",
    "LegKind",
    "PartiesView",
    "Period",
    "Rule",
    "WorldView",
    "parties_on",
    "require",
    "to_date",
    "today",
]
