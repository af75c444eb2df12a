"""Every name the web layer needs from the library beyond its top-level public names, in one module.

==================  ====================================  =====================================================
name                from                                  what the web layer uses it for
==================  ====================================  =====================================================
``COLOURS``         ``icc_rules.render.worldmap``         the page's map and legend (the map renderer's colours)
``to_date``         ``icc_rules.lookup.dates``            reading a date parameter as the library reads it
``today``           ``icc_rules.lookup.dates``            the server's day: what an omitted date and ``today`` mean
``require``         ``icc_rules.render.extras``           ``serve``: a clear error when the web extra is missing
``LegKind``         ``icc_rules.Presence``                ``/v1/itinerary``: the kinds of leg
``read_csv``        ``icc_rules.views.inputs.csv_text``   ``/v1/bulk``: a CSV body, read as the CLI reads a file
``read_ndjson``     ``icc_rules.views.inputs.ndjson``     ``/v1/bulk``: an NDJSON body
``Query``           ``icc_rules.views.inputs``            ``/v1/bulk``: one row read
``answer_queries``  ``icc_rules.views.bulk``              ``/v1/bulk``: the rows' flat answers
``RecordLines``     ``icc_rules.views.bulk``              ``/v1/bulk``: their NDJSON lines
``assess_queries``  ``icc_rules.views.bulk``              ``/v1/bulk?full=true``: the rows' whole answers
==================  ====================================  =====================================================

Every other name (the answers' models, ``parties_on`` for ``/v1/states`` ...) is imported from ``icc_rules``.
"""

from __future__ import annotations

import datetime

from icc_rules import (
    Change,
    Hosts,
    ItineraryReport,
    PartiesView,
    Period,
    Presence,
    WorldView,
    parties_on,
)
from icc_rules.lookup import dates
from icc_rules.lookup.dates import to_date
from icc_rules.render.extras import require
from icc_rules.render.worldmap import COLOURS
from icc_rules.views.bulk import RecordLines, answer_queries, assess_queries
from icc_rules.views.inputs import Query
from icc_rules.views.inputs.csv_text import read_csv
from icc_rules.views.inputs.ndjson import read_ndjson

LegKind = Presence


def today() -> datetime.date:
    """The server's day, read from the library's clock at each call (the clock ``to_date("today")`` reads, so
    that an omitted date and ``today`` always name the same day)."""
    return dates.today()


__all__ = [
    "COLOURS",
    "Change",
    "Hosts",
    "ItineraryReport",
    "LegKind",
    "PartiesView",
    "Period",
    "Query",
    "RecordLines",
    "WorldView",
    "answer_queries",
    "assess_queries",
    "parties_on",
    "read_csv",
    "read_ndjson",
    "require",
    "to_date",
    "today",
]
