"""JSON Schemas of the answers, for clients in other languages and for validating exported files.

Each function returns a JSON Schema (draft 2020-12, as pydantic writes it) of the JSON that ``model_dump(mode="json")``
and the command line's ``--json`` output produce, computed fields (``can_travel``) included.

>>> schema = assessment_json_schema()
>>> schema["title"], schema["properties"]["verdict"]["$ref"]
('Assessment', '#/$defs/Verdict')
>>> sorted(period_json_schema()["required"])[:4]
['can_travel', 'country', 'country_name', 'end']
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .api import Assessment
from .views.itinerary import ItineraryReport
from .views.timeline import Change, Period
from .views.world import WorldRecord, WorldView

__all__ = [
    "assessment_json_schema",
    "change_json_schema",
    "itinerary_json_schema",
    "period_json_schema",
    "world_json_schema",
    "world_record_json_schema",
]


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(mode="serialization")


def assessment_json_schema() -> dict[str, Any]:
    """The schema of an :class:`~icc_rules.api.answers.Assessment` (``icc-rules check --json``)."""
    return _schema(Assessment)


def period_json_schema() -> dict[str, Any]:
    """The schema of a timeline :class:`~icc_rules.views.timeline.Period` (``icc-rules timeline --json`` is a list)."""
    return _schema(Period)


def change_json_schema() -> dict[str, Any]:
    """The schema of a :class:`~icc_rules.views.timeline.Change` from :func:`~icc_rules.views.timeline.next_change`."""
    return _schema(Change)


def world_json_schema() -> dict[str, Any]:
    """The schema of a :class:`~icc_rules.views.world.WorldView` (``icc-rules world --json``)."""
    return _schema(WorldView)


def world_record_json_schema() -> dict[str, Any]:
    """The schema of one country's record in a world view, as in ``WorldView.countries``.

    ``WorldView.records()`` adds the view's ``person`` and ``date`` to each record.
    """
    return _schema(WorldRecord)


def itinerary_json_schema() -> dict[str, Any]:
    """The schema of an :class:`~icc_rules.views.itinerary.ItineraryReport` (``icc-rules itinerary --json``)."""
    return _schema(ItineraryReport)
