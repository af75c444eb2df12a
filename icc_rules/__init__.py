"""icc-rules: does a person wanted by the International Criminal Court risk arrest in a country on a date?

>>> from icc_rules import can_travel, assess
>>> can_travel("Vladimir Putin", "Mongolia", "2024-09-03")
False
>>> assess("Vladimir Putin", "Mongolia", "2024-09-03").verdict.value
'duty_to_arrest'

The package is built in layers, each importing only what the layer table allows it (``docs/architecture.md``):
``data`` (records), ``lookup`` (what users type), ``law`` (the rules: the only place anything is decided), ``api``
(the public decision API), ``render`` (tables, CSV/JSON, calendars, pictures), ``views`` (timelines, the world, trips,
reverse queries, bulk), ``web`` (the HTTP service) and ``cli``. This module names the public API.
"""

from ._version import __version__
from .api import (
    RULES,
    Assessment,
    Decision,
    FactUsed,
    Presence,
    Reason,
    Rule,
    Span,
    Verdict,
    assess,
    can_travel,
    decide,
    load_data,
    shipped_data,
    spans,
    state_status,
    verdict_of,
)
from .data.countries import Country, all_countries
from .data.dataset import Dataset
from .data.models import Person, Source, State, Warrant
from .errors import (
    AmbiguousPersonError,
    DataError,
    EngineError,
    ICCRulesError,
    InputError,
    InvalidDateError,
    LookupFailed,
    MissingExtraError,
    UnknownCountryError,
    UnknownPersonError,
)
from .lookup.countries import resolve_country
from .views.bulk import BulkError, BulkResult, assess_many
from .views.itinerary import ItineraryReport, Leg, LegReport, check_itinerary
from .views.reverse import HostedVisit, Hosts, WantedIn, hosts, wanted_in
from .views.states import PartiesView, StateParty, parties_on
from .views.timeline import (
    Change,
    Period,
    next_change,
    save_timeline_svg,
    timeline,
    timeline_svg,
    timeline_warnings,
    to_ics,
)
from .views.world import WorldRecord, WorldView, world

__all__ = [
    "RULES",
    "AmbiguousPersonError",
    "Assessment",
    "BulkError",
    "BulkResult",
    "Change",
    "Country",
    "DataError",
    "Dataset",
    "Decision",
    "EngineError",
    "FactUsed",
    "HostedVisit",
    "Hosts",
    "ICCRulesError",
    "InputError",
    "InvalidDateError",
    "ItineraryReport",
    "Leg",
    "LegReport",
    "LookupFailed",
    "MissingExtraError",
    "PartiesView",
    "Period",
    "Person",
    "Presence",
    "Reason",
    "Rule",
    "Source",
    "Span",
    "State",
    "StateParty",
    "UnknownCountryError",
    "UnknownPersonError",
    "Verdict",
    "WantedIn",
    "Warrant",
    "WorldRecord",
    "WorldView",
    "__version__",
    "all_countries",
    "assess",
    "assess_many",
    "can_travel",
    "check_itinerary",
    "decide",
    "hosts",
    "load_data",
    "next_change",
    "parties_on",
    "resolve_country",
    "save_timeline_svg",
    "shipped_data",
    "spans",
    "state_status",
    "timeline",
    "timeline_svg",
    "timeline_warnings",
    "to_ics",
    "verdict_of",
    "wanted_in",
    "world",
]
