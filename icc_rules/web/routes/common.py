"""What every route shares: the media types, the parameters, the days a request asks about, the answer ready to
send with its ETag and caching, and the worker thread for the longer library calls.

A route reads its parameters, asks the library, and hands :meth:`Context.send` an :class:`Answer`; the tag, the
``Cache-Control`` and the 304 for a revalidation are written here once for all of them.
"""

from __future__ import annotations

import datetime
import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter

from icc_rules import Dataset
from icc_rules.i18n import from_accept_language, resolve_language

from .. import _library
from ..problems import MEDIA_TYPE, Problem

if TYPE_CHECKING:
    from ..app import Settings

T = TypeVar("T")

#: How long a proxy may keep an answer that cannot change while the data stays the same (an answer about a past
#: date, or one that depends on the data alone), in seconds; answers about today or later are revalidated.
STABLE_MAX_AGE = 86_400

JSON = "application/json"
SVG = "image/svg+xml"
CSV = "text/csv"
NDJSON = "application/x-ndjson"
FORMATS = {"json": JSON, "svg": SVG, "csv": CSV}

#: A date parameter is documented as an ISO 8601 date (the library also takes ``20240903`` or a date and time).
DATE: dict[str, Any] = {"format": "date"}

PersonParam = Annotated[str, Query(description='a name, alias or id, e.g. "Vladimir Putin", putin, Путин',
                                   examples=["Vladimir Putin"])]
CountryParam = Annotated[str, Query(description="an ISO 3166-1 alpha-2 or alpha-3 code, or a country name",
                                    examples=["Mongolia"])]
DateParam = Annotated[str | None, Query(description="an ISO 8601 date such as 2024-09-03 (default: today)",
                                        examples=["2024-09-03"], json_schema_extra=DATE)]


class Days:
    """The days one request asks about, each read once, and the server's day before any of them was: what the
    answer's ETag and its caching are derived from.

    Every date parameter is read here (the library's ``to_date``; omitted, the server's day), and the library is
    handed the day, never the text it would read again. So an answer about ``today``, ``TODAY``, an omitted date or
    a range ending today is tagged with the day it is about, and a revalidation on another day cannot match it;
    and an answer is cacheable only when every day it is about is before the day the request began (a day read
    from the clock after that is never before it, even across midnight).

    >>> days = Days()
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


#: The language parameter of the answers that hold text for a reader (the ``Accept-Language`` header otherwise).
LangParam = Annotated[str | None, Query(description="the language of the texts for a reader: en or fr (fr-FR, fr_CA "
                                        "... are French); without it, the Accept-Language header decides, else en. The "
                                        "codes, dates and data stay as they are.", examples=["fr"])]


def language_of(request: Request) -> str:
    """The language an answer is asked in: ``?lang`` (an unknown one is an ``InputError``), else the language the
    ``Accept-Language`` header prefers among those the library speaks, else English.

    >>> from starlette.requests import Request
    >>> def request(query: str, accept: str = "") -> Request:
    ...     return Request({"type": "http", "query_string": query.encode(),
    ...                     "headers": [(b"accept-language", accept.encode())]})
    >>> language_of(request("lang=fr-FR")), language_of(request("", "de, fr;q=0.8")), language_of(request(""))
    ('fr', 'fr', 'en')
    >>> language_of(request("lang=en", "fr"))
    'en'
    """
    asked = request.query_params.get("lang")
    if asked is not None:
        return resolve_language(asked)
    return from_accept_language(request.headers.get("accept-language")) or "en"


@dataclass(frozen=True)
class Answer:
    """An answer ready to send: its bytes, its media type, the days it is about (``None``: it depends on the data
    alone, like the rules or the persons), and the language of its texts when it has texts for a reader (``None``:
    it has none, or they do not change with the language)."""

    body: bytes
    media_type: str = JSON
    days: Days | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Context:
    """What the routes answer from: the dataset, its tag (made by the app from the dataset and the files it was loaded
    from) and the server's settings."""

    data: Dataset
    tag: str
    settings: Settings

    def etag(self, request: Request, days: Days | None, body: bytes = b"", lang: str | None = None) -> str:
        """The ETag of an answer: the data it comes from, the query, the days it is about as resolved (so an
        answer about today is tagged with the day it was today), and its language when it has one (so an answer
        asked in English and one asked in French by their Accept-Language never share a tag)."""
        scope = request.scope
        digest = hashlib.blake2b(f"{self.tag}\0{scope['method']}\0{scope['path']}\0".encode(), digest_size=12)
        digest.update(scope["query_string"])  # as sent: the same URL, the same tag (caches key on the URL too)
        if scope["path"].startswith("/v1/world"):
            digest.update(b"\0" + (request.headers.get("accept") or "").encode())
        digest.update(b"\0" + (days.key() if days is not None else b""))
        digest.update(b"\0" + body)
        if lang not in (None, "en"):  # English is the same bytes however it was asked for: its tag is unchanged
            digest.update(b"\0lang=" + str(lang).encode())
        return f'"{digest.hexdigest()}"'

    def send(self, request: Request, answer: Answer, *, body: bytes = b"", vary: str | None = None) -> Response:
        """The answer with its tag and caching headers, or a 304 when the request names its tag."""
        tagged = self.etag(request, answer.days, body, answer.lang)
        stable = answer.days is None or answer.days.past
        headers = {
            "ETag": tagged,
            "Cache-Control": f"public, max-age={STABLE_MAX_AGE}" if stable else "no-cache",
            "X-Content-Type-Options": "nosniff",
        }
        if answer.lang is not None:
            headers["Content-Language"] = answer.lang
            vary = f"{vary}, Accept-Language" if vary else "Accept-Language"
        if vary:
            headers["Vary"] = vary
        if tagged in etags(request.headers.get("if-none-match")):
            return Response(status_code=304, headers=headers)
        return Response(answer.body, media_type=answer.media_type, headers=headers)


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def dump(value: Any, kind: Any = None) -> bytes:
    """JSON bytes of a model (or of a list or tuple of them), as ``model_dump(mode="json")`` gives it."""
    if isinstance(value, BaseModel):
        return value.model_dump_json().encode()
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter.dump_json(value)


def preferred(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (the first offered on a tie), or ``None`` if it accepts
    none of them. No header, or ``*/*``, gives the first offered.

    >>> preferred("image/svg+xml", [JSON, SVG]), preferred(None, [JSON, SVG]), preferred("text/html", [JSON])
    ('image/svg+xml', 'application/json', None)
    >>> preferred("text/html,application/xhtml+xml,*/*;q=0.8", [JSON, SVG])
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


def etags(header: str | None) -> set[str]:
    """The entity tags of an ``If-None-Match`` header (weak ones compare as strong: RFC 9110 weak comparison)."""
    if not header:
        return set()
    return {part.strip().removeprefix("W/") for part in header.split(",")[:64]}


def problem_response(problem: Problem, headers: Mapping[str, str] | None = None) -> Response:
    """A problem details answer, its defaults left out."""
    return Response(problem.model_dump_json(exclude_defaults=True).encode(), status_code=problem.status,
                    media_type=MEDIA_TYPE, headers=headers)


async def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run a longer library call in a worker thread (the library is thread-safe), so that the time limit can
    answer while it runs."""
    return await anyio.to_thread.run_sync(partial(function, *args), abandon_on_cancel=True)
