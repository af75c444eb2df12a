"""The routes about one question: ``/v1/assess``, ``/v1/can-travel``, ``/v1/timeline`` and ``/v1/next-change``."""

from __future__ import annotations

import json
from functools import partial
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response

from icc_rules import Assessment, assess, next_change, timeline

from .. import _library
from ..models import CanTravel
from ..problems import input_problem
from .common import (
    DATE,
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
    problem_response,
)


def add(app: FastAPI, context: Context) -> None:
    """Add the routes about one question to ``app``."""
    data, send = context.data, context.send

    @app.get("/v1/assess", response_model=Assessment, tags=["answers"], summary="The explained answer for a "
             "person in a country on a date")
    async def assess_endpoint(request: Request, person: PersonParam, country: CountryParam,
                              date: DateParam = None, lang: LangParam = None) -> Response:
        """The verdict with the rules that fired, their legal basis, the facts and their sources, the warrants,
        the precedents and the warnings (the library's ``assess``). In French (``?lang=fr``, or
        ``Accept-Language: fr``), the texts for a reader are French (``Assessment.in_language``); the answer says
        its language in ``Content-Language``."""
        days = Days()
        language = language_of(request)
        answer = assess(person, country, days.of(date), data=data).in_language(language)
        return send(request, Answer(answer.model_dump_json().encode(), days=days, lang=language))

    @app.get("/v1/can-travel", response_model=CanTravel, tags=["answers"], summary="Whether a person can travel "
             "to a country on a date")
    async def can_travel_endpoint(request: Request) -> Response:
        """True exactly when the verdict is ``no_warrant`` or ``no_duty`` (the library's ``can_travel``), with the
        query as resolved: the person's id and name, the country's code and name, the date and the verdict. The
        parameters are those of ``/v1/assess``."""
        # The hot path: the parameters are read here rather than by FastAPI's machinery, which costs more than the
        # library's answer to a query it has seen (the OpenAPI document copies them from /v1/assess).
        params = request.query_params
        person, country, date = params.get("person"), params.get("country"), params.get("date")
        if person is None or country is None:
            missing = [{"where": f"query.{name}", "message": "Field required"}
                       for name, value in (("person", person), ("country", country)) if value is None]
            return problem_response(input_problem("; ".join(f"{m['where']}: {m['message']}" for m in missing),
                                                  missing))
        days = Days()
        answer = assess(person, country, days.of(date), data=data)
        body = json.dumps({
            "person": answer.person, "person_name": answer.person_name, "country": answer.country,
            "country_name": answer.country_name, "date": answer.date.isoformat(), "verdict": answer.verdict.value,
            "can_travel": answer.can_travel, "data_version": answer.data_version,
            "data_as_of": answer.data_as_of.isoformat(),
        }, ensure_ascii=False).encode()
        return send(request, Answer(body, days=days))

    @app.get("/v1/timeline", response_model=list[_library.Period], tags=["answers"], summary="The periods in which "
             "a person's verdict in a country stays the same")
    async def timeline_endpoint(request: Request, person: PersonParam, country: CountryParam,
                                start: Annotated[str | None, Query(description="the first day (default: the "
                                                                   "person's first warrant)", json_schema_extra=DATE)
                                                 ] = None,
                                end: Annotated[str | None, Query(description="the last day, included (default: "
                                                                 "the dataset's as_of date)", json_schema_extra=DATE)
                                               ] = None, lang: LangParam = None) -> Response:
        """The periods, maximal and without gaps, each with the rules that decided it and the events that opened
        and closed it (the library's ``timeline``); the events in the language asked for, as ``/v1/assess``."""
        days = Days()
        language = language_of(request)
        first, last = (days.of(value) if value is not None else None for value in (start, end))
        periods = await in_thread(partial(timeline, data=data), person, country, first, last)
        periods = [period.in_language(language) for period in periods]
        return send(request, Answer(dump(periods, list[_library.Period]), days=days, lang=language))

    @app.get("/v1/next-change", response_model=_library.Change | None, tags=["answers"], summary="The next day "
             "on which a person's verdict in a country changes")
    async def next_change_endpoint(request: Request, person: PersonParam, country: CountryParam,
                                   date: DateParam = None, lang: LangParam = None) -> Response:
        """The first day after ``date`` on which the verdict changes and the event that changes it, or ``null``
        when no recorded fact changes it (the library's ``next_change``); the event in the language asked for."""
        days = Days()
        language = language_of(request)
        change = await in_thread(partial(next_change, data=data), person, country, days.of(date))
        body = change.in_language(language).model_dump_json().encode() if change is not None else b"null"
        return send(request, Answer(body, days=days, lang=language))
