"""Errors as data: every failed request is answered with an RFC 9457 ``application/problem+json`` body.

A library error keeps its name: the problem's ``type`` is ``urn:icc-rules:problem:`` followed by the error class
(``UnknownPersonError``, ``InvalidDateError`` ...), ``error`` is the class name alone, ``detail`` is the library's
message, and ``suggestions`` (and ``candidates`` for an ambiguous name) are the library's own. A request the web
layer refuses before asking the library (too large, too slow, no such path) has the type ``about:blank`` and the
HTTP status's title, as RFC 9457 section 4.2.1 says.

>>> problem = problem_for(UnknownPersonError("Puttin", ["Vladimir Putin (putin)"]))
>>> problem.status, problem.type, problem.suggestions
(404, 'urn:icc-rules:problem:UnknownPersonError', ('Vladimir Putin (putin)',))
>>> problem_for(InvalidDateError("3/9/2024", "not ISO 8601")).status
400
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

from icc_rules import (
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
from icc_rules.i18n.messages import error_message

__all__ = ["MEDIA_TYPE", "PROBLEM_RESPONSES", "STATUS", "TYPE_PREFIX", "Problem", "ProblemCORS", "http_problem",
           "input_problem", "problem_for"]

#: The media type of every error body (RFC 9457 section 3).
MEDIA_TYPE = "application/problem+json"

#: The ``type`` of a library error is this prefix and the error's class name.
TYPE_PREFIX = "urn:icc-rules:problem:"

#: The HTTP status of each library error, the most specific class first (the first match wins).
STATUS: Mapping[type[ICCRulesError], int] = MappingProxyType({
    InvalidDateError: 400,
    AmbiguousPersonError: 400,
    UnknownPersonError: 404,
    UnknownCountryError: 404,
    LookupFailed: 404,
    InputError: 400,
    MissingExtraError: 501,  # the server lacks an optional package: its fault, not the request's
    DataError: 500,  # the data is loaded before the first request: never caused by one
    EngineError: 500,  # a bug in the rules engine: never the request's fault
})

#: A short title for each library error (RFC 9457 section 3.1.4: the same for every occurrence of the type).
TITLES: Mapping[type[ICCRulesError], str] = MappingProxyType({
    InvalidDateError: "Not a date",
    AmbiguousPersonError: "Ambiguous person",
    UnknownPersonError: "Unknown person",
    UnknownCountryError: "Unknown country",
    LookupFailed: "Nothing matches",
    InputError: "Malformed input",
    MissingExtraError: "An optional package is missing on the server",
    DataError: "The server's data is broken",
    EngineError: "The rules engine failed",
    ICCRulesError: "icc-rules error",
})


class Problem(BaseModel):
    """An RFC 9457 problem details object, with the library's error name and suggestions as extension members."""

    model_config = ConfigDict(frozen=True)

    type: str = Field(description="the problem type: urn:icc-rules:problem:ERRORCLASS for a library error, "
                      "about:blank for a plain HTTP refusal")
    title: str = Field(description="a short summary of the problem type")
    status: int = Field(description="the HTTP status code")
    detail: str = Field(description="what went wrong with this request, in the library's words")
    error: str | None = Field(default=None, description="the library's error class (None for a plain HTTP refusal)")
    suggestions: tuple[str, ...] = Field(default=(), description="close matches for an unknown name, or the "
                                         "candidates for an ambiguous one")
    candidates: tuple[str, ...] = Field(default=(), description="the ids an ambiguous name matches")
    errors: tuple[dict[str, str], ...] = Field(default=(), description="each malformed field of the request: "
                                               "where it is and what was expected")


def _status(error: ICCRulesError) -> tuple[int, str]:
    for kind, status in STATUS.items():
        if isinstance(error, kind):
            return status, TITLES[kind]
    return 500, TITLES[ICCRulesError]


def problem_for(error: ICCRulesError, lang: str = "en") -> Problem:
    """The problem for a library error: its class as the type, its message as the detail (in ``lang``), its
    suggestions."""
    status, title = _status(error)
    name = type(error).__name__
    suggestions = tuple(error.suggestions) if isinstance(error, LookupFailed) else ()
    candidates = tuple(error.candidates) if isinstance(error, AmbiguousPersonError) else ()
    return Problem(type=TYPE_PREFIX + name, title=title, status=status, detail=error_message(str(error), lang),
                   error=name, suggestions=suggestions, candidates=candidates)


def input_problem(detail: str, errors: Sequence[Mapping[str, Any]] = ()) -> Problem:
    """A malformed request (a missing parameter, a body of the wrong shape) as the library's ``InputError``.

    >>> input_problem("person: field required").type
    'urn:icc-rules:problem:InputError'
    """
    return Problem(type=TYPE_PREFIX + "InputError", title=TITLES[InputError], status=400, detail=detail,
                   error="InputError", errors=tuple({str(k): str(v) for k, v in e.items()} for e in errors))


def http_problem(status: int, detail: str) -> Problem:
    """A refusal by the web layer itself (no such path, too large, too slow): type ``about:blank``.

    >>> http_problem(404, "no such path: /v2/assess").title
    'Not Found'
    """
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return Problem(type="about:blank", title=title, status=status, detail=detail)


def problem_bytes(problem: Problem) -> bytes:
    """The body of a problem response (members left at their defaults are left out)."""
    return problem.model_dump_json(exclude_defaults=True).encode()


class ProblemCORS(CORSMiddleware):
    """Starlette's CORS middleware, whose refused preflight is a problem like every other refusal (Starlette
    answers it in plain text)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        refused = bytes(response.body).decode("utf-8", "replace").removeprefix("Disallowed CORS ")
        detail = (f"this cross-origin request is refused (CORS): its {refused[:80]} is not allowed (methods: "
                  f"{', '.join(self.allow_methods)}; headers: {', '.join(sorted(self.allow_headers))}; origins: "
                  "those given to serve --allow-origin)")
        headers = {name: value for name, value in response.headers.items()
                   if name not in ("content-type", "content-length")}
        return Response(problem_bytes(http_problem(response.status_code, detail)), status_code=response.status_code,
                        media_type=MEDIA_TYPE, headers=headers)


#: The problem responses every endpoint may give, for the OpenAPI document.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": description, "model": Problem, "content": {MEDIA_TYPE: {}}}
    for status, description in (
        (400, ("malformed input: a date that is not a date, an ambiguous name, a missing or malformed parameter "
              "(InputError, InvalidDateError, AmbiguousPersonError)")),
        (404, "nothing matches: an unknown person or country (UnknownPersonError, UnknownCountryError)"),
        (413, "the request is too large"),
        (414, "the query string is too long"),
        (503, "the answer took longer than the server's time limit"),
    )
}
