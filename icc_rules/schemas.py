"""JSON Schemas of the answers, for clients in other languages and for validating exported files: the public name
of :mod:`icc_rules.views.schemas`, where they are made (the MCP server and the web API read them there too).

>>> assessment_json_schema()["title"]
'Assessment'
"""

from .views.schemas import (
    assessment_json_schema,
    change_json_schema,
    hosts_json_schema,
    itinerary_json_schema,
    period_json_schema,
    person_json_schema,
    world_json_schema,
    world_record_json_schema,
)

__all__ = [
    "assessment_json_schema",
    "change_json_schema",
    "hosts_json_schema",
    "itinerary_json_schema",
    "period_json_schema",
    "person_json_schema",
    "world_json_schema",
    "world_record_json_schema",
]
