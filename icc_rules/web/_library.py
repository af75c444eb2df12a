"""Every name the web layer needs from the library that the top level of ``icc_rules`` does not export (yet).

The library's internal modules are moving into sub-packages. This is the one module of :mod:`icc_rules.web` that
imports from them, so that the move is followed here and nowhere else: the rest of the web layer imports the
library through its public top-level names (``from icc_rules import assess, ...``) and through this module.

Today's homes of the names:

==================  ====================================  =====================================================
name                from                                  what the web layer uses it for
==================  ====================================  =====================================================
``Period``          ``icc_rules.timeline``                ``/v1/timeline`` (a list of them)
``Change``          ``icc_rules.timeline``                ``/v1/next-change``
``WorldView``       ``icc_rules.world``                   ``/v1/world``
``ItineraryReport`` ``icc_rules.itinerary``               ``/v1/itinerary``
``LegKind``         ``icc_rules.itinerary``               ``/v1/itinerary``: the kinds of leg
``Hosts``           ``icc_rules.reverse``                 ``/v1/hosts``
``BulkResult``      ``icc_rules.bulk``                    ``/v1/bulk`` (its ``records()`` rows)
``Rule``            ``icc_rules.rules``                   ``/v1/rules``
``COLOURS``         ``icc_rules.worldmap``                the page's map and legend (the map renderer's colours)
``to_date``         ``icc_rules.dates``                   reading a date parameter as the library reads it
``require``         ``icc_rules.extras``                  ``serve``: a clear error when the web extra is missing
``parties_on``      ``icc_rules.dataset.Dataset`` method  ``/v1/states``, through :func:`states_parties_on`
==================  ====================================  =====================================================
"""

from __future__ import annotations

import datetime

from icc_rules import Dataset, State
from icc_rules.bulk import BulkResult
from icc_rules.dates import to_date
from icc_rules.extras import require
from icc_rules.itinerary import ItineraryReport, LegKind
from icc_rules.reverse import Hosts
from icc_rules.rules import Rule
from icc_rules.timeline import Change, Period
from icc_rules.world import WorldView
from icc_rules.worldmap import COLOURS

__all__ = [
    "COLOURS",
    "BulkResult",
    "Change",
    "Hosts",
    "ItineraryReport",
    "LegKind",
    "Period",
    "Rule",
    "WorldView",
    "require",
    "states_parties_on",
    "to_date",
]


def states_parties_on(data: Dataset, day: datetime.date) -> tuple[State, ...]:
    """The States Parties on ``day``: the states for which the Statute is in force that day, as the library says.

    Today that is ``Dataset.parties_on``; in the new layout it is a public function that asks the rules.

    >>> from icc_rules import shipped_data
    >>> len(states_parties_on(shipped_data(), datetime.date(2025, 1, 1)))
    125
    """
    return data.parties_on(day)
