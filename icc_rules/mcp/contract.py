"""The output schema of each tool, built from the answer schemas of :mod:`icc_rules.schemas`.

Every tool's structured content is one object: the library's answer under ``answer``, then the notice, what the data
cannot know and the dataset's version and as-of date. ``answer`` is held to the same schema as the command line's
``--json`` and the web API (an ``Assessment``, a list of ``Period``, a ``Change`` or ``null`` ...): one contract.

>>> schemas = output_schemas()
>>> schemas["assess"]["properties"]["answer"]["title"], schemas["timeline"]["properties"]["answer"]["type"]
('Assessment', 'array')
>>> sorted(schemas["timeline"]["required"])
['answer', 'cannot_know', 'data_as_of', 'data_version', 'notice']
>>> schemas["assess"]["properties"]["best_sources"]["items"]
{'$ref': '#/$defs/Source'}
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

from ..data.models import Source
from ..views.schemas import (
    assessment_json_schema,
    change_json_schema,
    hosts_json_schema,
    itinerary_json_schema,
    period_json_schema,
    person_json_schema,
    world_json_schema,
)

__all__ = ["ANSWER_SCHEMAS", "output_schemas"]

#: Each tool's answer: the schema function of :mod:`icc_rules.schemas`, and its shape: ``one`` answer, a list of
#: ``many``, or one that may be ``null`` (``nullable``: ``next_change`` when no recorded fact changes the verdict).
ANSWER_SCHEMAS: dict[str, tuple[Callable[[], dict[str, Any]], str]] = {
    "assess": (assessment_json_schema, "one"),
    "world": (world_json_schema, "one"),
    "timeline": (period_json_schema, "many"),
    "next_change": (change_json_schema, "nullable"),
    "check_itinerary": (itinerary_json_schema, "one"),
    "wanted_in": (assessment_json_schema, "many"),
    "hosts": (hosts_json_schema, "one"),
    "find_person": (person_json_schema, "one"),
}


def _frame(answer: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "answer": answer,
            "notice": {"type": "string", "description": "legal research, not legal advice: what that means here"},
            "cannot_know": {"type": "array", "items": {"type": "string"},
                            "description": "what the data cannot know: warrants under seal, events after as_of"},
            "data_version": {"type": "string", "description": "the version of the dataset the answer comes from"},
            "data_as_of": {"type": "string", "format": "date",
                           "description": "the day the dataset's facts were last checked"},
        },
        "required": ["answer", "notice", "cannot_know", "data_version", "data_as_of"],
        "$defs": defs,
    }


@cache
def _output_schemas() -> dict[str, dict[str, Any]]:
    schemas = {}
    for tool, (schema_of, shape) in ANSWER_SCHEMAS.items():
        answer = schema_of()
        defs = answer.pop("$defs", {})  # moved to the root, where the answer's "#/$defs/..." references point
        if shape == "many":
            answer = {"type": "array", "items": answer}
        elif shape == "nullable":
            answer = {"anyOf": [answer, {"type": "null"}]}
        schemas[tool] = _frame(answer, defs)
    assess = schemas["assess"]
    assess["$defs"].setdefault("Source", Source.model_json_schema(mode="serialization", by_alias=False))
    assess["properties"]["best_sources"] = {
        "type": "array", "items": {"$ref": "#/$defs/Source"},
        "description": "the sources to cite: the strongest two of each fact the reasons used, each source once, in the "
        "order of the reasons"}
    assess["required"].append("best_sources")
    return schemas


def output_schemas() -> dict[str, dict[str, Any]]:
    """The output schema of every tool, by tool name (a new copy each call)."""
    return copy.deepcopy(_output_schemas())
