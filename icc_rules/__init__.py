"""icc-rules: does a person wanted by the International Criminal Court risk arrest in a country on a date?

>>> from icc_rules import can_travel, assess
>>> can_travel("Vladimir Putin", "Mongolia", "2024-09-03")
False
>>> assess("Vladimir Putin", "Mongolia", "2024-09-03").verdict.value
'duty_to_arrest'
"""

from .assessment import Assessment, FactUsed, Reason
from .bulk import assess_many
from .countries import Country, all_countries, resolve_country
from .dataset import Dataset
from .dataset import load as load_data
from .dataset import shipped as shipped_data
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
from .facade import assess, can_travel, verdict_of
from .itinerary import Leg, check_itinerary
from .models import Person, Source, State, Warrant
from .reverse import hosts, wanted_in
from .rules import RULES
from .timeline import next_change, timeline
from .verdicts import Verdict
from .world import world

__version__ = "0.1.0"

__all__ = [
    "RULES",
    "AmbiguousPersonError",
    "Assessment",
    "Country",
    "DataError",
    "Dataset",
    "EngineError",
    "FactUsed",
    "ICCRulesError",
    "InputError",
    "InvalidDateError",
    "Leg",
    "LookupFailed",
    "MissingExtraError",
    "Person",
    "Reason",
    "Source",
    "State",
    "UnknownCountryError",
    "UnknownPersonError",
    "Verdict",
    "Warrant",
    "__version__",
    "all_countries",
    "assess",
    "assess_many",
    "can_travel",
    "check_itinerary",
    "hosts",
    "load_data",
    "next_change",
    "resolve_country",
    "shipped_data",
    "timeline",
    "verdict_of",
    "wanted_in",
    "world",
]
