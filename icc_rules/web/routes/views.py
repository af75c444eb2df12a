"""The routes that answer many questions at once: ``/v1/world`` (JSON, SVG or CSV), ``/v1/world.svg``,
``/v1/itinerary``, ``/v1/wanted-in`` and ``/v1/hosts``."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from icc_rules import Assessment, check_itinerary, hosts, wanted_in, world

from .. import _library
from ..models import ItineraryRequest
from ..problems import MEDIA_TYPE, Problem
from .common import (
    CSV,
    FORMATS,
    JSON,
    SVG,
    Answer,
    Context,
    CountryParam,
    DateParam,
    Days,
    LangParam,
    PersonParam,
    dump,
    in_thread,
    language_of,
    preferred,
)

#: The answers of /v1/world besides its JSON: the map and the CSV, and the 406 when none is accepted.
_WORLD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {SVG: {"schema": {"type": "string"}}, CSV: {"schema": {"type": "string"}}},
          "description": "the world view as JSON, the world map as SVG, or one CSV row per country"},
    406: {"description": "the Accept header names none of the types offered", "model": Problem,
          "content": {MEDIA_TYPE: {}}},
}


def add(app: FastAPI, context: Context) -> None:
    """Add the views' routes to ``app``."""
    _add_world(app, context)
    data, send = context.data, context.send

    @app.post("/v1/itinerary", response_model=_library.ItineraryReport, tags=["views"], summary="The verdict "
              "on each leg of a trip")
    async def itinerary_endpoint(request: Request, trip: Annotated[ItineraryRequest, Body()],
                                 lang: LangParam = None) -> Response:
        """Each leg's worst verdict, the first leg at risk, and whether the trip can be made (the library's
        ``check_itinerary``); an overflight is flagged, never at risk by itself. The legs' countries, notes,
        warnings and events in the language asked for (``?lang`` or ``Accept-Language``, as ``/v1/assess``)."""
        days = Days()
        language = language_of(request)
        legs = [leg.as_leg(days) for leg in trip.legs]
        report = await in_thread(partial(check_itinerary, data=data), trip.person, legs)
        return send(request, Answer(report.in_language(language).model_dump_json().encode(), days=days,
                                    lang=language), body=trip.model_dump_json().encode())

    @app.get("/v1/wanted-in", response_model=list[Assessment], tags=["views"], summary="Everyone who would face "
             "a duty of arrest in a country on a date")
    async def wanted_in_endpoint(request: Request, country: CountryParam, date: DateParam = None,
                                 lang: LangParam = None) -> Response:
        """The full answer for each person whose verdict there is ``duty_to_arrest`` or ``residual_duty``
        (the library's ``wanted_in``); persons in custody that day are not listed. Each answer's texts for a reader
        in the language asked for, as ``/v1/assess``."""
        days = Days()
        language = language_of(request)
        found = await in_thread(partial(wanted_in, data=data), country, days.of(date))
        return send(request, Answer(dump(found.in_language(language), list[Assessment]), days=days, lang=language))

    @app.get("/v1/hosts", response_model=_library.Hosts, tags=["views"], summary="A person's recorded visits and "
             "what the hosts did")
    async def hosts_endpoint(request: Request, person: PersonParam, lang: LangParam = None) -> Response:
        """The visits, newest first, each with the rules' verdict for its first day, and the findings of
        non-compliance about the person (the library's ``hosts``); the hosts' names and the warnings in the language
        asked for, as ``/v1/assess`` (the summaries and sources are the data's, as recorded)."""
        language = language_of(request)
        report = await in_thread(partial(hosts, data=data), person)
        return send(request, Answer(report.in_language(language).model_dump_json().encode(), lang=language))


def _add_world(app: FastAPI, context: Context) -> None:
    data, send = context.data, context.send

    async def world_answer(request: Request, person: str, date: str | None, media: str | None) -> Response:
        if media is None:
            raise StarletteHTTPException(406, f"this answer is given as {JSON}, {SVG} or {CSV}")
        days = Days()
        view = await in_thread(partial(world, data=data), person, days.of(date))
        if media == SVG:
            body = (await in_thread(view.to_svg)).encode()
        elif media == CSV:
            body = view.to_csv().encode()
        else:  # the JSON's texts for a reader (names, warnings) in the language asked for; the map and CSV are data
            language = language_of(request)
            body = view.in_language(language).model_dump_json().encode()
            kind = JSON
            return send(request, Answer(body, kind, days=days, lang=language), vary="Accept")
        kind = f"{media}; charset=utf-8"
        return send(request, Answer(body, kind, days=days), vary="Accept")

    @app.get("/v1/world", response_model=_library.WorldView, tags=["views"], responses=_WORLD_RESPONSES,
             summary="A person's verdict in every country on a date")
    async def world_endpoint(request: Request, person: PersonParam, date: DateParam = None,
                             format: Annotated[Literal["json", "svg", "csv"] | None, Query(
                                 description="json, svg or csv: overrides the Accept header (for links)")] = None,
                             lang: LangParam = None) -> Response:
        """Every country's verdict (the library's ``world``): JSON by default, the world map as SVG for
        ``Accept: image/svg+xml`` or ``format=svg``, one CSV row per country for ``Accept: text/csv`` or
        ``format=csv``."""
        media = FORMATS[format] if format else preferred(request.headers.get("accept"), [JSON, SVG, CSV])
        return await world_answer(request, person, date, media)

    @app.get("/v1/world.svg", tags=["views"], response_class=Response, summary="The world map of a person's "
             "verdicts on a date", responses={200: {"content": {SVG: {"schema": {"type": "string"}}},
                                                    "description": "the map, as SVG"}})
    async def world_svg_endpoint(request: Request, person: PersonParam, date: DateParam = None) -> Response:
        """The world map, each country coloured by its verdict, with a legend (``WorldView.to_svg``)."""
        return await world_answer(request, person, date, SVG)
