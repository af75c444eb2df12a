"""JSON Schemas of the answers, for clients in other languages and for validating exported files.

Each function returns a JSON Schema (draft 2020-12, as pydantic writes it) of the JSON that ``model_dump(mode="json")``
and the command line's ``--json`` output produce, computed fields (``can_travel``) included. Properties are named as
the answers name them, by field name: a warrant's ``events``, not the data files' ``event``. The web API and the MCP
server's tools (``icc-rules mcp``) give the same JSON, so one schema holds all three.

>>> schema = assessment_json_schema()
>>> schema["title"], schema["properties"]["verdict"]["$ref"]
('Assessment', '#/$defs/Verdict')
>>> sorted(period_json_schema()["required"])[:4]
['can_travel', 'country', 'country_name', 'end']
>>> "events" in assessment_json_schema()["$defs"]["Warrant"]["properties"]
True
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..api import Assessment
from ..data.models import Person
from .itinerary import ItineraryReport
from .reverse import Hosts
from .timeline import Change, Period
from .world import WorldRecord, WorldView

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


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    # by field name, as model_dump writes them: the data files' aliases (``event`` for ``events``) are for reading
    return model.model_json_schema(mode="serialization", by_alias=False)


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


def hosts_json_schema() -> dict[str, Any]:
    """The schema of a :class:`~icc_rules.views.reverse.Hosts` report (``icc-rules hosts --json``)."""
    return _schema(Hosts)


def person_json_schema() -> dict[str, Any]:
    """The schema of a :class:`~icc_rules.data.models.Person` as the answers give it (``/v1/persons`` lists them)."""
    return _schema(Person)
