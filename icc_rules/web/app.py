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

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from icc_rules import Dataset, ICCRulesError, __version__, load_data, shipped_data

from .limits import HeadAsGet, Limits, LimitsMiddleware
from .models import CanTravel, DatasetSummary, ItineraryRequest, LegIn
from .openapi import openapi
from .problems import PROBLEM_RESPONSES, ProblemCORS, http_problem, input_problem, problem_for
from .routes import answers, bulk, dataset, page, views
from .routes.common import Context, language_of, problem_response

__all__ = ["CanTravel", "DatasetSummary", "ItineraryRequest", "LegIn", "Settings", "create_app"]


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


# --- The application --------------------------------------------------------------------------------------------------


def _data_tag(data: Dataset, files: Sequence[str]) -> str:
    """What the answers depend on besides the query: the package, the dataset version and the user files' bytes."""
    digest = hashlib.blake2b(f"{__version__}\0{data.info.version}".encode(), digest_size=16)
    for name in files:
        digest.update(b"\0" + Path(name).read_bytes())
    return digest.hexdigest()


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
    _add_routes(app, Context(data, tag, settings))
    app.add_middleware(HeadAsGet)
    app.add_middleware(LimitsMiddleware, limits=settings.limits)
    if settings.allow_origins:
        app.add_middleware(ProblemCORS, allow_origins=list(settings.allow_origins),
                           allow_methods=["GET", "HEAD", "POST"], allow_headers=["Content-Type", "If-None-Match"],
                           expose_headers=["ETag"], max_age=3600)
    app.openapi = partial(openapi, app)  # type: ignore[method-assign]
    return app


def _language(request: Request) -> str:
    """The language an error is said in: the request's, or English when the request names an unknown one."""
    try:
        return language_of(request)
    except ICCRulesError:
        return "en"


def _add_error_handlers(app: FastAPI) -> None:
    async def library_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ICCRulesError)
        language = _language(request)
        headers = {"Content-Language": language, "Vary": "Accept-Language"} if language != "en" else None
        return problem_response(problem_for(error, language), headers=headers)

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        problems = [{"where": ".".join(str(part) for part in e.get("loc", ())), "message": str(e.get("msg", ""))}
                    for e in error.errors()][:20]
        detail = "; ".join(f"{p['where']}: {p['message']}" for p in problems) or "malformed request"
        return problem_response(input_problem(detail[:1000], problems))

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        detail = error.detail if isinstance(error.detail, str) else "refused"
        if error.status_code == 404:
            detail = f"no such path: {request.url.path[:200]} (the API is under /v1; see /docs)"
        elif error.status_code == 405:
            detail = f"{request.method[:20]} is not allowed on {request.url.path[:200]}"
        return problem_response(http_problem(error.status_code, detail), headers=error.headers)

    app.add_exception_handler(ICCRulesError, library_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)


def _add_routes(app: FastAPI, context: Context) -> None:
    """Every route, topic by topic, in the order of the OpenAPI document."""
    answers.add(app, context)
    views.add(app, context)
    dataset.add(app, context)
    bulk.add(app, context)
    page.add(app, context)

