"""The web API: the library's answers over HTTP, with the library's own models, and the page at ``/``.

Every endpoint under ``/v1`` asks the library one question and returns its answer as the library's pydantic model
serialises it (``model_dump(mode="json")``, the same JSON as the command line's ``--json``). Nothing is decided
here: no party status, no duty, no verdict order; the web layer only reads requests, calls the library and writes
its answers, errors included (:mod:`icc_rules.web.problems`).

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app())
>>> client.get("/v1/can-travel", params={"person": "Putin", "country": "Mongolia", "date": "2024-09-03"}).json()
{'person': 'putin', 'person_name': 'Vladimir Putin', 'country': 'MNG', 'country_name': 'Mongolia', 'date': '2024-09-03', 'verdict': 'duty_to_arrest', 'can_travel': False, 'data_version': '...', 'data_as_of': '...'}
>>> client.get("/v1/assess", params={"person": "Gaddafi", "country": "Libya"}).json()["type"]
'urn:icc-rules:problem:AmbiguousPersonError'
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import math
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import anyio.to_thread
from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from icc_rules import (
    RULES,
    Assessment,
    Dataset,
    ICCRulesError,
    InputError,
    Person,
    Verdict,
    __version__,
    assess,
    check_itinerary,
    hosts,
    load_data,
    next_change,
    shipped_data,
    timeline,
    wanted_in,
    world,
)
from icc_rules.api.answers import About

from . import _library
from .limits import HeadAsGet, Limits, LimitsMiddleware
from .page import page_html, swagger_assets
from .problems import MEDIA_TYPE, PROBLEM_RESPONSES, Problem, ProblemCORS, http_problem, input_problem, problem_for

__all__ = ["CanTravel", "DatasetSummary", "ItineraryRequest", "LegIn", "Settings", "create_app"]

T = TypeVar("T")

#: At most this many legs in one itinerary, and rows in one bulk request.
MAX_LEGS = 100
MAX_BULK_ROWS = 10_000
#: Rows answered per call of the library in a bulk request (the stream flushes after each).
BULK_CHUNK = 200
#: The share of the time limit a bulk request may spend before it stops with a line saying how far it got (the
#: rest is the margin for the chunk under way when it is reached).
BULK_SHARE = 0.7

#: How long a proxy may keep an answer that cannot change while the data stays the same (an answer about a past
#: date, or one that depends on the data alone), in seconds; answers about today or later are revalidated.
STABLE_MAX_AGE = 86_400

_JSON = "application/json"
_SVG = "image/svg+xml"
_CSV = "text/csv"
_NDJSON = "application/x-ndjson"
_FORMATS = {"json": _JSON, "svg": _SVG, "csv": _CSV}


#: A date parameter is documented as an ISO 8601 date (the library also takes ``20240903`` or a date and time).
_DATE: dict[str, Any] = {"format": "date"}


# --- Models of the web layer: requests, and the few answers the library gives as plain values ----------------------


class CanTravel(About):
    """The answer of ``can_travel``, with the query as the library resolved it (the fields of an ``Assessment``)."""

    date: datetime.date
    verdict: Verdict
    can_travel: bool
    data_version: str
    data_as_of: datetime.date


class LegIn(BaseModel):
    """One leg of a trip: a country, its days and a kind. The days are named one way only: ``date`` for one day
    (omitted: today), or ``start`` and ``end`` for a range (both included); any other mix is refused.

    >>> LegIn(country="ARM", date="2024-02-01", end="2024-02-05")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for LegIn
      Value error, give either date (one day) or start and end (a range, both included), not date with end [type=value_error, input_value=..., input_type=dict]
    ...
    """

    model_config = ConfigDict(extra="forbid")

    country: str = Field(description="an ISO 3166-1 code or a country name", examples=["ARM"])
    date: str | None = Field(default=None, description="the day, ISO 8601 (default: today); not with start and end",
                             examples=["2024-09-03"], json_schema_extra=_DATE)
    start: str | None = Field(default=None, description="the first day of a range, with end (instead of date)",
                              json_schema_extra=_DATE)
    end: str | None = Field(default=None, description="the last day of a range, included, with start",
                            json_schema_extra=_DATE)
    kind: _library.LegKind = Field(default="visit", description="visit, transit (a stop-over: the same verdict as "
                                   "a visit) or overflight (flagged, never at risk by itself)")

    @model_validator(mode="after")
    def _one_way_to_name_the_days(self) -> LegIn:
        given = [name for name in ("date", "start", "end") if getattr(self, name) is not None]
        if given in ([], ["date"], ["start", "end"]):
            return self
        mix = " with ".join(given) if len(given) > 1 else f"{given[0]} alone"
        raise ValueError(f"give either date (one day) or start and end (a range, both included), not {mix}")

    def as_leg(self, days: _Days) -> tuple[Any, ...]:
        """The leg as the library takes it, its days resolved in ``days``: ``(country, day or (first, last), kind)``."""
        if self.start is not None and self.end is not None:
            return (self.country, (days.of(self.start), days.of(self.end)), self.kind)
        return (self.country, days.of(self.date), self.kind)


class ItineraryRequest(BaseModel):
    """A trip to check: who travels, and the legs in order."""

    model_config = ConfigDict(extra="forbid")

    person: str = Field(description="a name, alias or id", examples=["Vladimir Putin"])
    legs: list[LegIn] = Field(max_length=MAX_LEGS, description=f"at most {MAX_LEGS} legs",
                              examples=[[{"country": "KGZ", "date": "2023-10-12"},
                                         {"country": "MNG", "date": "2024-09-03", "kind": "overflight"}]])


class RuleInfo(BaseModel):
    """One rule of the rule set: its id, what it does and the provision it encodes (``icc-rules rules --json``)."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    legal_basis: str
    doc: str
    verdict: Verdict | None = None


class VerdictInfo(BaseModel):
    """One verdict, strongest first: its value, what it means, whether the person can travel, its map colour."""

    model_config = ConfigDict(frozen=True)

    value: Verdict
    description: str
    can_travel: bool
    colour: str


class DatasetSummary(BaseModel):
    """The dataset the server answers from: its version, the day it was released, the day up to which its sources
    were searched, and what it holds."""

    model_config = ConfigDict(frozen=True)

    version: str
    as_of: datetime.date = Field(description="the last day up to which the dataset's sources were searched")
    released: datetime.date | None = Field(default=None, description="the day the dataset was released")
    in_words: str = Field(description="the version and both dates in plain words")
    note: str | None = None
    package_version: str
    counts: dict[str, int]
    user_files: tuple[str, ...] = Field(default=(), description="the names of the user data files loaded on top")


# --- Settings --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How the server runs: the user data files loaded over the shipped data, CORS origins and request limits."""

    data_files: tuple[str, ...] = ()
    allow_origins: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    access_log: bool = False

    def to_json(self) -> str:
        """The settings as JSON text (for the worker processes, through :data:`ENVIRONMENT_KEY`).

        >>> Settings.from_json(Settings(allow_origins=("https://news.example",)).to_json()).allow_origins
        ('https://news.example',)
        """
        return json.dumps({"data_files": list(self.data_files), "allow_origins": list(self.allow_origins),
                           "limits": vars(self.limits), "access_log": self.access_log})

    @classmethod
    def from_json(cls, text: str) -> Settings:
        """The settings written by :meth:`to_json`."""
        raw = json.loads(text)
        return cls(data_files=tuple(raw["data_files"]), allow_origins=tuple(raw["allow_origins"]),
                   limits=Limits(**raw["limits"]), access_log=bool(raw.get("access_log", False)))


#: The environment variable through which ``serve`` hands its settings to each worker process.
ENVIRONMENT_KEY = "ICC_RULES_WEB_SETTINGS"


def app_from_environment() -> FastAPI:
    """The application with the settings in :data:`ENVIRONMENT_KEY` (uvicorn's factory, once per worker)."""
    text = os.environ.get(ENVIRONMENT_KEY)
    return create_app(Settings.from_json(text) if text else Settings())


# --- Helpers ---------------------------------------------------------------------------------------------------------


def _data_tag(data: Dataset, files: Sequence[str]) -> str:
    """What the answers depend on besides the query: the package, the dataset version and the user files' bytes."""
    digest = hashlib.blake2b(f"{__version__}\0{data.info.version}".encode(), digest_size=16)
    for name in files:
        digest.update(b"\0" + Path(name).read_bytes())
    return digest.hexdigest()


class _Days:
    """The days one request asks about, each read once, and the server's day before any of them was: what the
    answer's ETag and its caching are derived from.

    Every date parameter is read here (the library's ``to_date``; omitted, the server's day), and the library is
    handed the day, never the text it would read again. So an answer about ``today``, ``TODAY``, an omitted date or
    a range ending today is tagged with the day it is about, and a revalidation on another day cannot match it;
    and an answer is cacheable only when every day it is about is before the day the request began (a day read
    from the clock after that is never before it, even across midnight).

    >>> days = _Days()
    >>> days.of("2024-09-03"), days.past
    (datetime.date(2024, 9, 3), True)
    >>> _ = days.of(None)
    >>> days.past, days.asked[-1] == days.today
    (False, True)
    """

    __slots__ = ("asked", "today")

    def __init__(self) -> None:
        self.today = _library.today()
        self.asked: list[datetime.date] = []

    def of(self, value: str | None) -> datetime.date:
        """The day a date parameter names (``None``: the server's day), remembered for the answer's tag."""
        day = self.today if value is None else _library.to_date(value)
        self.asked.append(day)
        return day

    def add(self, day: datetime.date) -> None:
        """Remember a day the answer is about that the request did not name (a default the server chose)."""
        self.asked.append(day)

    @property
    def past(self) -> bool:
        """True when every day asked about is before today: the answer cannot change until the data does."""
        return all(day < self.today for day in self.asked)

    def key(self) -> bytes:
        """The days, for the answer's tag."""
        return ",".join(day.isoformat() for day in self.asked).encode()


@dataclass(frozen=True)
class _Answer:
    """An answer ready to send: its bytes, its media type, and the days it is about (``None``: it depends on the
    data alone, like the rules or the persons)."""

    body: bytes
    media_type: str = _JSON
    days: _Days | None = None


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _dump(value: Any, kind: Any = None) -> bytes:
    """JSON bytes of a model (or of a list or tuple of them), as ``model_dump(mode="json")`` gives it."""
    if isinstance(value, BaseModel):
        return value.model_dump_json().encode()
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter.dump_json(value)


def _preferred(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (the first offered on a tie), or ``None`` if it accepts
    none of them. No header, or ``*/*``, gives the first offered.

    >>> _preferred("image/svg+xml", [_JSON, _SVG]), _preferred(None, [_JSON, _SVG]), _preferred("text/html", [_JSON])
    ('image/svg+xml', 'application/json', None)
    >>> _preferred("text/html,application/xhtml+xml,*/*;q=0.8", [_JSON, _SVG])
    'application/json'
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(",")[:32]:
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media.strip().lower(), 0.0 if math.isnan(quality) else quality))

    def quality_of(offer: str) -> float:
        kind = offer.split("/")[0]
        matches = [(3 if media == offer else 2 if media == f"{kind}/*" else 1, q) for media, q in ranges
                   if media in (offer, f"{kind}/*", "*/*")]
        return max(matches)[1] if matches else 0.0

    best = max(offered, key=lambda offer: (quality_of(offer), -offered.index(offer)))
    return best if quality_of(best) > 0 else None


# --- The application -------------------------------------------------------------------------------------------------


PersonParam = Annotated[str, Query(description='a name, alias or id, e.g. "Vladimir Putin", putin, Путин',
                                   examples=["Vladimir Putin"])]
CountryParam = Annotated[str, Query(description="an ISO 3166-1 alpha-2 or alpha-3 code, or a country name",
                                    examples=["Mongolia"])]
DateParam = Annotated[str | None, Query(description="an ISO 8601 date such as 2024-09-03 (default: today)",
                                        examples=["2024-09-03"], json_schema_extra=_DATE)]


def create_app(settings: Settings | None = None, *, data: Dataset | None = None) -> FastAPI:
    """The ASGI application: the ``/v1`` API, its OpenAPI document and docs, and the page at ``/``.

    Args:
        settings: user data files, CORS origins and limits (default: none, none, the defaults of
            :class:`~icc_rules.web.limits.Limits`).
        data: the dataset to answer from (default: the shipped data with ``settings.data_files`` on top).
    """
    settings = settings or Settings()
    if data is None:
        data = load_data(overlays=list(settings.data_files)) if settings.data_files else shipped_data()
    tag = _data_tag(data, settings.data_files)
    app = FastAPI(
        title="icc-rules",
        version=__version__,
        summary="Does a person wanted by the International Criminal Court risk arrest in a country on a date, and why?",
        description=(
            "The answers of the icc-rules library over HTTP: each endpoint returns the library's own answer, with "
            "the rules that decided it, their legal basis and the sources of every fact. Errors are RFC 9457 "
            "problem details whose `type` names the library's error class. A research tool, not legal advice."
        ),
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        responses=PROBLEM_RESPONSES,
    )
    app.state.data = data
    app.state.settings = settings
    _add_error_handlers(app)
    _add_routes(app, data, tag, settings)
    app.add_middleware(HeadAsGet)
    app.add_middleware(LimitsMiddleware, limits=settings.limits)
    if settings.allow_origins:
        app.add_middleware(ProblemCORS, allow_origins=list(settings.allow_origins),
                           allow_methods=["GET", "HEAD", "POST"], allow_headers=["Content-Type", "If-None-Match"],
                           expose_headers=["ETag"], max_age=3600)
    app.openapi = partial(_openapi, app)  # type: ignore[method-assign]
    return app


def _problem_response(problem: Problem, headers: Mapping[str, str] | None = None) -> Response:
    return Response(problem.model_dump_json(exclude_defaults=True).encode(), status_code=problem.status,
                    media_type=MEDIA_TYPE, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    async def library_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ICCRulesError)
        return _problem_response(problem_for(error))

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        problems = [{"where": ".".join(str(part) for part in e.get("loc", ())), "message": str(e.get("msg", ""))}
                    for e in error.errors()][:20]
        detail = "; ".join(f"{p['where']}: {p['message']}" for p in problems) or "malformed request"
        return _problem_response(input_problem(detail[:1000], problems))

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        detail = error.detail if isinstance(error.detail, str) else "refused"
        if error.status_code == 404:
            detail = f"no such path: {request.url.path[:200]} (the API is under /v1; see /docs)"
        elif error.status_code == 405:
            detail = f"{request.method[:20]} is not allowed on {request.url.path[:200]}"
        return _problem_response(http_problem(error.status_code, detail), headers=error.headers)

    app.add_exception_handler(ICCRulesError, library_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)


async def _in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run a longer library call in a worker thread (the library is thread-safe), so that the time limit can
    answer while it runs."""
    return await anyio.to_thread.run_sync(partial(function, *args), abandon_on_cancel=True)


def _add_routes(app: FastAPI, data: Dataset, tag: str, settings: Settings) -> None:
    def etag(request: Request, days: _Days | None, body: bytes = b"") -> str:
        """The ETag of an answer: the data it comes from, the query, and the days it is about as resolved (so an
        answer about today is tagged with the day it was today)."""
        scope = request.scope
        digest = hashlib.blake2b(f"{tag}\0{scope['method']}\0{scope['path']}\0".encode(), digest_size=12)
        digest.update(scope["query_string"])  # as sent: the same URL, the same tag (caches key on the URL too)
        if scope["path"].startswith("/v1/world"):
            digest.update(b"\0" + (request.headers.get("accept") or "").encode())
        digest.update(b"\0" + (days.key() if days is not None else b""))
        digest.update(b"\0" + body)
        return f'"{digest.hexdigest()}"'

    def send(request: Request, answer: _Answer, *, body: bytes = b"", vary: str | None = None) -> Response:
        tagged = etag(request, answer.days, body)
        stable = answer.days is None or answer.days.past
        headers = {
            "ETag": tagged,
            "Cache-Control": f"public, max-age={STABLE_MAX_AGE}" if stable else "no-cache",
            "X-Content-Type-Options": "nosniff",
        }
        if vary:
            headers["Vary"] = vary
        if tagged in _etags(request.headers.get("if-none-match")):
            return Response(status_code=304, headers=headers)
        return Response(answer.body, media_type=answer.media_type, headers=headers)

    # --- One query --------------------------------------------------------------------------------------------------

    @app.get("/v1/assess", response_model=Assessment, tags=["answers"], summary="The explained answer for a "
             "person in a country on a date")
    async def assess_endpoint(request: Request, person: PersonParam, country: CountryParam,
                              date: DateParam = None) -> Response:
        """The verdict with the rules that fired, their legal basis, the facts and their sources, the warrants,
        the precedents and the warnings (the library's ``assess``)."""
        days = _Days()
        answer = assess(person, country, days.of(date), data=data)
        return send(request, _Answer(answer.model_dump_json().encode(), days=days))

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
            return _problem_response(input_problem("; ".join(f"{m['where']}: {m['message']}" for m in missing),
                                                   missing))
        days = _Days()
        answer = assess(person, country, days.of(date), data=data)
        body = json.dumps({
            "person": answer.person, "person_name": answer.person_name, "country": answer.country,
            "country_name": answer.country_name, "date": answer.date.isoformat(), "verdict": answer.verdict.value,
            "can_travel": answer.can_travel, "data_version": answer.data_version,
            "data_as_of": answer.data_as_of.isoformat(),
        }, ensure_ascii=False).encode()
        return send(request, _Answer(body, days=days))

    @app.get("/v1/timeline", response_model=list[_library.Period], tags=["answers"], summary="The periods in which "
             "a person's verdict in a country stays the same")
    async def timeline_endpoint(request: Request, person: PersonParam, country: CountryParam,
                                start: Annotated[str | None, Query(description="the first day (default: the "
                                                                   "person's first warrant)", json_schema_extra=_DATE)
                                                 ] = None,
                                end: Annotated[str | None, Query(description="the last day, included (default: "
                                                                 "the dataset's as_of date)", json_schema_extra=_DATE)
                                               ] = None) -> Response:
        """The periods, maximal and without gaps, each with the rules that decided it and the events that opened
        and closed it (the library's ``timeline``)."""
        days = _Days()
        first, last = (days.of(value) if value is not None else None for value in (start, end))
        periods = await _in_thread(partial(timeline, data=data), person, country, first, last)
        return send(request, _Answer(_dump(periods, list[_library.Period]), days=days))

    @app.get("/v1/next-change", response_model=_library.Change | None, tags=["answers"], summary="The next day "
             "on which a person's verdict in a country changes")
    async def next_change_endpoint(request: Request, person: PersonParam, country: CountryParam,
                                   date: DateParam = None) -> Response:
        """The first day after ``date`` on which the verdict changes and the event that changes it, or ``null``
        when no recorded fact changes it (the library's ``next_change``)."""
        days = _Days()
        change = await _in_thread(partial(next_change, data=data), person, country, days.of(date))
        body = change.model_dump_json().encode() if change is not None else b"null"
        return send(request, _Answer(body, days=days))

    # --- Views ------------------------------------------------------------------------------------------------------

    async def world_answer(request: Request, person: str, date: str | None, media: str | None) -> Response:
        if media is None:
            raise StarletteHTTPException(406, f"this answer is given as {_JSON}, {_SVG} or {_CSV}")
        days = _Days()
        view = await _in_thread(partial(world, data=data), person, days.of(date))
        if media == _SVG:
            body = (await _in_thread(view.to_svg)).encode()
        elif media == _CSV:
            body = view.to_csv().encode()
        else:
            body = view.model_dump_json().encode()
        kind = f"{media}; charset=utf-8" if media != _JSON else media
        return send(request, _Answer(body, kind, days=days), vary="Accept")

    world_responses: dict[int | str, dict[str, Any]] = {
        200: {"content": {_SVG: {"schema": {"type": "string"}}, _CSV: {"schema": {"type": "string"}}},
              "description": "the world view as JSON, the world map as SVG, or one CSV row per country"},
        406: {"description": "the Accept header names none of the types offered", "model": Problem,
              "content": {MEDIA_TYPE: {}}},
    }

    @app.get("/v1/world", response_model=_library.WorldView, tags=["views"], responses=world_responses,
             summary="A person's verdict in every country on a date")
    async def world_endpoint(request: Request, person: PersonParam, date: DateParam = None,
                             format: Annotated[Literal["json", "svg", "csv"] | None, Query(
                                 description="json, svg or csv: overrides the Accept header (for links)")] = None,
                             ) -> Response:
        """Every country's verdict (the library's ``world``): JSON by default, the world map as SVG for
        ``Accept: image/svg+xml`` or ``format=svg``, one CSV row per country for ``Accept: text/csv`` or
        ``format=csv``."""
        media = _FORMATS[format] if format else _preferred(request.headers.get("accept"), [_JSON, _SVG, _CSV])
        return await world_answer(request, person, date, media)

    @app.get("/v1/world.svg", tags=["views"], response_class=Response, summary="The world map of a person's "
             "verdicts on a date", responses={200: {"content": {_SVG: {"schema": {"type": "string"}}},
                                                    "description": "the map, as SVG"}})
    async def world_svg_endpoint(request: Request, person: PersonParam, date: DateParam = None) -> Response:
        """The world map, each country coloured by its verdict, with a legend (``WorldView.to_svg``)."""
        return await world_answer(request, person, date, _SVG)

    @app.post("/v1/itinerary", response_model=_library.ItineraryReport, tags=["views"], summary="The verdict "
              "on each leg of a trip")
    async def itinerary_endpoint(request: Request, trip: Annotated[ItineraryRequest, Body()]) -> Response:
        """Each leg's worst verdict, the first leg at risk, and whether the trip can be made (the library's
        ``check_itinerary``); an overflight is flagged, never at risk by itself."""
        days = _Days()
        legs = [leg.as_leg(days) for leg in trip.legs]
        report = await _in_thread(partial(check_itinerary, data=data), trip.person, legs)
        return send(request, _Answer(report.model_dump_json().encode(), days=days),
                    body=trip.model_dump_json().encode())

    @app.get("/v1/wanted-in", response_model=list[Assessment], tags=["views"], summary="Everyone who would face "
             "a duty of arrest in a country on a date")
    async def wanted_in_endpoint(request: Request, country: CountryParam, date: DateParam = None) -> Response:
        """The full answer for each person whose verdict there is ``duty_to_arrest`` or ``residual_duty``
        (the library's ``wanted_in``); persons in custody that day are not listed."""
        days = _Days()
        found = await _in_thread(partial(wanted_in, data=data), country, days.of(date))
        return send(request, _Answer(_dump(found, list[Assessment]), days=days))

    @app.get("/v1/hosts", response_model=_library.Hosts, tags=["views"], summary="A person's recorded visits and "
             "what the hosts did")
    async def hosts_endpoint(request: Request, person: PersonParam) -> Response:
        """The visits, newest first, each with the rules' verdict for its first day, and the findings of
        non-compliance about the person (the library's ``hosts``)."""
        report = await _in_thread(partial(hosts, data=data), person)
        return send(request, _Answer(report.model_dump_json().encode()))

    # --- The dataset ------------------------------------------------------------------------------------------------

    persons_body = _dump(data.persons, tuple[Person, ...])

    @app.get("/v1/persons", response_model=list[Person], tags=["dataset"], summary="Every person in the dataset")
    async def persons_endpoint(request: Request) -> Response:
        """Every person with their names, warrants, summonses and applications, custody and sources."""
        return send(request, _Answer(persons_body))

    @app.get("/v1/states", response_model=_library.PartiesView, tags=["dataset"], summary="The States Parties on a date")
    async def states_endpoint(request: Request, date: Annotated[str | None, Query(
            description="an ISO 8601 date (default: the dataset's as_of date)", json_schema_extra=_DATE)] = None
                              ) -> Response:
        """The states for which the Rome Statute is in force on the date, with their treaty records."""
        days = _Days()
        day = days.of(date) if date is not None else data.info.as_of  # the default is the data's day, not today's
        answer = _library.parties_on(day, data=data)
        return send(request, _Answer(answer.model_dump_json().encode(), days=days))

    rules_body = _dump(tuple(RuleInfo(id=r.id, kind=r.kind, legal_basis=r.legal_basis, doc=r.doc, verdict=r.verdict)
                             for r in RULES), tuple[RuleInfo, ...])

    @app.get("/v1/rules", response_model=list[RuleInfo], tags=["dataset"], summary="The rule set")
    async def rules_endpoint(request: Request) -> Response:
        """Every rule in the order the engine runs them: its id, kind, legal basis and what it does."""
        return send(request, _Answer(rules_body))

    verdicts_body = _dump(tuple(VerdictInfo(value=v, description=v.description, can_travel=v.can_travel,
                                            colour=_library.COLOURS[v]) for v in Verdict), tuple[VerdictInfo, ...])

    @app.get("/v1/verdicts", response_model=list[VerdictInfo], tags=["dataset"], summary="The five verdicts, "
             "strongest first")
    async def verdicts_endpoint(request: Request) -> Response:
        """Each verdict's value, meaning, whether the person can travel, and the colour of the library's maps."""
        return send(request, _Answer(verdicts_body))

    summary = DatasetSummary(
        version=data.info.version, as_of=data.info.as_of, released=data.info.released, in_words=data.info.in_words,
        note=data.info.note, package_version=__version__,
        counts={"states": len(data.states), "situations": len(data.situations), "persons": len(data.persons),
                "warrants": sum(1 for _ in data.warrants()), "visits": len(data.visits),
                "findings": len(data.findings), "territories": len(data.territories)},
        user_files=tuple(Path(name).name for name in settings.data_files),
    )
    summary_body = summary.model_dump_json().encode()

    @app.get("/v1/dataset", response_model=DatasetSummary, tags=["dataset"], summary="The dataset's version, "
             "as-of date and counts")
    async def dataset_endpoint(request: Request) -> Response:
        """The version and as-of date of the data every answer comes from, and how many records it holds."""
        return send(request, _Answer(summary_body))

    # --- Bulk -------------------------------------------------------------------------------------------------------

    @app.post("/v1/bulk", tags=["views"], summary="Many queries at once, answered as a stream of NDJSON lines",
              response_class=StreamingResponse,
              openapi_extra={"requestBody": {"required": True, "content": {
                  _CSV: {"schema": {"type": "string"}, "example": "person,country,date\nputin,MNG,2024-09-03\n"},
                  _NDJSON: {"schema": {"type": "string"},
                            "example": '{"person": "putin", "country": "MNG", "date": "2024-09-03"}\n'},
              }}},
              responses={200: {"content": {_NDJSON: {"schema": {"type": "string"}}},
                               "description": "one JSON object per row, in order"},
                         415: {"description": "the body is neither CSV nor NDJSON", "model": Problem,
                               "content": {MEDIA_TYPE: {}}}})
    async def bulk_endpoint(request: Request, full: Annotated[bool, Query(
            description="give each row's whole answer (reasons, sources, precedents) instead of a flat record")
            ] = False, date: Annotated[str | None, Query(
            description="the day for rows that name none (ISO 8601 or today); without it such a row is an error: "
                        "the day is never guessed")] = None) -> Response:
        """Answer every row of a CSV body (a header naming ``person``, ``country`` and ``date`` as people write
        them, separated by commas, semicolons, tabs or vertical bars) or an NDJSON body (one ``{"person",
        "country", "date"}`` object or ``[person, country, date]`` array per line), at most 10,000 rows, read as
        ``icc-rules bulk`` and ``assess_many`` read them. Each answer is one line, in the order of the rows; a row
        that cannot be answered gives a line whose ``error`` says why, and the others go on."""
        media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if media not in (_CSV, _NDJSON, "application/jsonl", "application/ndjson"):
            raise StarletteHTTPException(415, f"send the queries as {_CSV} (a header naming person, country, date) "
                                         f"or {_NDJSON} (one JSON object per line), not {media[:80] or 'nothing'}")
        raw = await request.body()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InputError(f"expected UTF-8 text, but byte {error.start} is not UTF-8") from None
        days = _Days()
        day = None if date is None else days.of(date)
        days.add(days.today)  # a row may name today
        read = _library.read_csv(io.StringIO(text), date=day) if media == _CSV else _library.read_ndjson(text)
        queries = list(islice(read, MAX_BULK_ROWS + 1))
        if len(queries) > MAX_BULK_ROWS:
            raise StarletteHTTPException(413, f"{len(queries)} rows or more: at most {MAX_BULK_ROWS} in one request")
        tagged = etag(request, days, raw)
        budget = settings.limits.time_limit * BULK_SHARE
        return StreamingResponse(_bulk_lines(queries, data, full, day, budget), media_type=_NDJSON,
                                 headers={"ETag": tagged, "Cache-Control": "no-store"})

    # --- The page and the docs --------------------------------------------------------------------------------------

    page = page_html(data, settings)

    @app.get("/", include_in_schema=False)
    async def page_endpoint(request: Request) -> Response:
        gzipped = _preferred(request.headers.get("accept-encoding"), ["identity", "gzip"]) == "gzip"
        headers = {**page.headers, "ETag": page.gzip_etag if gzipped else page.etag}
        if headers["ETag"] in _etags(request.headers.get("if-none-match")):
            return Response(status_code=304, headers=headers)
        if gzipped:
            return HTMLResponse(page.gzipped, headers={**headers, "Content-Encoding": "gzip"})
        return HTMLResponse(page.body, headers=headers)

    assets = swagger_assets()

    @app.get("/docs", include_in_schema=False)
    async def docs_endpoint() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="icc-rules API",
                                   swagger_js_url="/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/swagger-ui.css", swagger_favicon_url="data:,")

    def asset_endpoint(name: str) -> Callable[[], Awaitable[Response]]:
        body, media = assets[name]

        async def endpoint() -> Response:
            return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=86400"})
        return endpoint

    for name in assets:
        app.add_api_route(f"/docs/{name}", asset_endpoint(name), include_in_schema=False, methods=["GET"])


def _etags(header: str | None) -> set[str]:
    """The entity tags of an ``If-None-Match`` header (weak ones compare as strong: RFC 9110 weak comparison)."""
    if not header:
        return set()
    return {part.strip().removeprefix("W/") for part in header.split(",")[:64]}


async def _bulk_lines(queries: Sequence[_library.Query], data: Dataset, full: bool, day: datetime.date | None,
                      seconds: float) -> AsyncIterator[bytes]:
    """The answers, a chunk of rows at a time. The status is sent before the first line, so the time limit cannot
    refuse the request any more: when most of it is spent, the stream ends with a line saying how far it got."""
    deadline = time.monotonic() + seconds
    lines = _library.RecordLines()  # the text of an answer made once for the whole request
    for first in range(0, len(queries), BULK_CHUNK):
        if time.monotonic() > deadline:
            message = (f"time limit: {first} of {len(queries)} rows answered, the others not; send rows {first + 1} "
                       f"to {len(queries)} again, or fewer rows per request")
            yield (json.dumps({"error": message, "answered": first, "rows": len(queries)}) + "\n").encode()
            return
        yield await _in_thread(_bulk_chunk, queries[first:first + BULK_CHUNK], data, full, day, lines)


def _bulk_chunk(queries: Sequence[_library.Query], data: Dataset, full: bool, day: datetime.date | None,
                lines: _library.RecordLines) -> bytes:
    """NDJSON lines for some rows: flat records (the library's bulk answers), or each whole answer."""
    if full:
        return "".join(json.dumps(answer.model_dump(mode="json") if answer is not None else {"error": str(error)},
                                  ensure_ascii=False) + "\n"
                       for _, answer, error in _library.assess_queries(queries, data=data, date=day)).encode()
    return lines.text(_library.answer_queries(queries, data=data, date=day)).encode()


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with each model's properties named as the answers name them (by field name, as
    ``model_dump`` writes them, not by the data files' aliases such as ``event`` for ``events``)."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, summary=app.summary, description=app.description,
                         routes=app.routes)
    aliases = _aliases_by_model(_models(Assessment, CanTravel, _library.PartiesView, DatasetSummary, RuleInfo, VerdictInfo,
                                        Person, _library.Period, _library.Change, _library.WorldView,
                                        _library.ItineraryReport, _library.Hosts, Problem))
    paths = schema.get("paths", {})
    if "/v1/can-travel" in paths and "/v1/assess" in paths:  # read by the endpoint itself: the same as assess's
        paths["/v1/can-travel"]["get"]["parameters"] = paths["/v1/assess"]["get"]["parameters"]
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):  # malformed requests are 400 problems, not FastAPI's 422
        components.pop(name, None)
    problem = {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            for status, response in responses.items():
                if status[0] in "45":
                    response["content"] = problem
            if method == "get" and path.startswith("/v1/"):
                responses["304"] = {"description": "Not Modified: the answer is the one whose ETag was given in "
                                    "If-None-Match"}
    for name, component in components.items():
        renames = aliases.get(component.get("title", name), {})
        if renames and "properties" in component:
            component["properties"] = {renames.get(k, k): v for k, v in component["properties"].items()}
            if "required" in component:
                component["required"] = [renames.get(k, k) for k in component["required"]]
    app.openapi_schema = schema
    return schema


def _models(*roots: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """Every model reachable from ``roots`` through their fields."""
    seen: set[type[BaseModel]] = set()
    stack = list(roots)
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for info in model.model_fields.values():
            stack.extend(_nested_models(info.annotation))


def _nested_models(annotation: Any) -> Iterable[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from _nested_models(argument)


def _aliases_by_model(models: Iterable[type[BaseModel]]) -> dict[str, dict[str, str]]:
    return {model.__name__: {info.alias: name for name, info in model.model_fields.items()
                             if info.alias and info.alias != name} for model in models}

