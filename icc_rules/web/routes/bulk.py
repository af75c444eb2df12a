"""``POST /v1/bulk``: many queries in one CSV or NDJSON body, read as ``icc-rules bulk`` and ``assess_many`` read
them, answered as a stream of NDJSON lines a chunk of rows at a time."""

from __future__ import annotations

import datetime
import io
import json
import time
from collections.abc import AsyncIterator, Sequence
from itertools import islice
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from icc_rules import Dataset, InputError

from .. import _library
from ..problems import MEDIA_TYPE, Problem
from .common import CSV, NDJSON, Context, Days, in_thread

#: At most this many rows in one bulk request.
MAX_BULK_ROWS = 10_000
#: Rows answered per call of the library in a bulk request (the stream flushes after each).
BULK_CHUNK = 200
#: The share of the time limit a bulk request may spend before it stops with a line saying how far it got (the
#: rest is the margin for the chunk under way when it is reached).
BULK_SHARE = 0.7

_BODY = {"requestBody": {"required": True, "content": {
    CSV: {"schema": {"type": "string"}, "example": "person,country,date\nputin,MNG,2024-09-03\n"},
    NDJSON: {"schema": {"type": "string"}, "example": '{"person": "putin", "country": "MNG", "date": "2024-09-03"}\n'},
}}}
_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {NDJSON: {"schema": {"type": "string"}}}, "description": "one JSON object per row, in order"},
    415: {"description": "the body is neither CSV nor NDJSON", "model": Problem, "content": {MEDIA_TYPE: {}}},
}


def add(app: FastAPI, context: Context) -> None:
    """Add ``/v1/bulk`` to ``app``."""
    data, settings = context.data, context.settings

    @app.post("/v1/bulk", tags=["views"], summary="Many queries at once, answered as a stream of NDJSON lines",
              response_class=StreamingResponse, openapi_extra=_BODY, responses=_RESPONSES)
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
        if media not in (CSV, NDJSON, "application/jsonl", "application/ndjson"):
            raise StarletteHTTPException(415, f"send the queries as {CSV} (a header naming person, country, date) "
                                         f"or {NDJSON} (one JSON object per line), not {media[:80] or 'nothing'}")
        raw = await request.body()
        text = _text(raw)
        days = Days()
        day = None if date is None else days.of(date)
        days.add(days.today)  # a row may name today
        queries = _read(text, media, day)
        tagged = context.etag(request, days, raw)
        budget = settings.limits.time_limit * BULK_SHARE
        return StreamingResponse(_lines(queries, data, full, day, budget), media_type=NDJSON,
                                 headers={"ETag": tagged, "Cache-Control": "no-store"})


def _text(raw: bytes) -> str:
    """The body as text (UTF-8, a byte order mark dropped)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"expected UTF-8 text, but byte {error.start} is not UTF-8") from None


def _read(text: str, media: str, day: datetime.date | None) -> list[_library.Query]:
    """The rows of a body, at most :data:`MAX_BULK_ROWS` of them."""
    read = _library.read_csv(io.StringIO(text), date=day) if media == CSV else _library.read_ndjson(text)
    queries = list(islice(read, MAX_BULK_ROWS + 1))
    if len(queries) > MAX_BULK_ROWS:
        raise StarletteHTTPException(413, f"{len(queries)} rows or more: at most {MAX_BULK_ROWS} in one request")
    return queries


async def _lines(queries: Sequence[_library.Query], data: Dataset, full: bool, day: datetime.date | None,
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
        yield await in_thread(answer_chunk, queries[first:first + BULK_CHUNK], data, full, day, lines)


def answer_chunk(queries: Sequence[_library.Query], data: Dataset, full: bool, day: datetime.date | None,
                 lines: _library.RecordLines) -> bytes:
    """NDJSON lines for some rows: flat records (the library's bulk answers), or each whole answer."""
    if full:
        return "".join(json.dumps(answer.model_dump(mode="json") if answer is not None else {"error": str(error)},
                                  ensure_ascii=False) + "\n"
                       for _, answer, error in _library.assess_queries(queries, data=data, date=day)).encode()
    return lines.text(_library.answer_queries(queries, data=data, date=day)).encode()
