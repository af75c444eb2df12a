"""Request limits: the size of a body and of a query string, and the time an answer may take.

A plain ASGI middleware (no per-request objects beyond what the checks need, so that the fast answers stay fast).
A request over a limit is answered with an RFC 9457 problem (:mod:`icc_rules.web.problems`): 413 for a body too
large, 414 for a query string too long, 408 for a body that is not all in by the time limit, 503 with
``Retry-After`` when the answer is not ready in time. An answer already being streamed when its time runs out is cut
short (its status was sent). The time limit counts from the request's first byte when the server says when that
was (``serve``'s protocol, :mod:`icc_rules.web.protocol`, which also times out slow headers), else from when the
application is called.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from .problems import MEDIA_TYPE, http_problem

__all__ = ["HeadAsGet", "Limits", "LimitsMiddleware"]

#: The key, in the scope's ``extensions``, under which ``serve``'s protocol gives the loop time by which the
#: request must be answered (:data:`icc_rules.web.protocol.DEADLINE`; this module does not import uvicorn).
DEADLINE = "icc_rules.deadline"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class Limits:
    """The limits on one request.

    Attributes:
        max_body: the largest body accepted, in bytes (a bulk request of 10,000 rows fits in well under 1 MB).
        max_query: the longest query string accepted, in bytes.
        max_headers: the most header bytes accepted (uvicorn's httptools parser reads headers of any size: a
            reverse proxy in front should refuse them earlier).
        time_limit: the seconds a request may take, from its first byte to its answer: headers not in by then get
            a 408 and the connection is closed, a body not in by then a 408, an answer not ready by then a 503.
    """

    max_body: int = 1_000_000
    max_query: int = 4_096
    max_headers: int = 16_384
    time_limit: float = 10.0


class LimitsMiddleware:
    """Applies :class:`Limits` to every HTTP request."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await _refuse_websocket(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limits = self.limits
        if len(scope.get("query_string", b"")) > limits.max_query:
            await _refuse(send, 414, f"the query string is over {limits.max_query} bytes")
            return
        headers = scope.get("headers", ())
        if sum(len(name) + len(value) for name, value in headers) > limits.max_headers:
            await _refuse(send, 431, f"the headers are over {limits.max_headers} bytes")
            return
        for name, value in headers:
            if name == b"content-length" and (not value.isdigit() or int(value) > limits.max_body):
                await _refuse(send, 413, f"the body is over {limits.max_body} bytes")
                return
        deadline = (scope.get("extensions") or {}).get(DEADLINE) or asyncio.get_running_loop().time() + \
            limits.time_limit
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            try:
                async with asyncio.timeout_at(deadline):
                    body = await _read_body(receive, limits.max_body)
            except TimeoutError:
                await _refuse(send, 408, f"the request's body took over {limits.time_limit:g} seconds to arrive",
                              {"connection": "close"})
                return
            if body is None:
                await _refuse(send, 413, f"the body is over {limits.max_body} bytes")
                return
            receive = _replay(body, receive)
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            async with asyncio.timeout_at(deadline):  # no task of its own, unlike wait_for on Python 3.11
                await self.app(scope, receive, watched_send)
        except TimeoutError:
            if not started:
                await _refuse(send, 503, f"the answer took over {limits.time_limit:g} seconds; try a smaller "
                              "request, or again later", {"retry-after": "5"})


class HeadAsGet:
    """Answers ``HEAD`` as ``GET`` without the body (RFC 9110 section 9.3.2), for every GET endpoint."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or ``None`` once it is over ``limit`` bytes (a body without a length is counted as read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away: nothing to answer
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read, then waits on the client as the original would."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse_websocket(scope: Scope, receive: Receive, send: Send) -> None:
    """A WebSocket handshake (the API has no WebSocket endpoint) is refused with a 404 problem where the server
    can send one (the ASGI denial response), else closed (uvicorn then answers 403 by itself)."""
    await receive()  # websocket.connect
    if "websocket.http.response" not in (scope.get("extensions") or {}):
        await send({"type": "websocket.close", "code": 1008})
        return
    body = http_problem(404, "this server has no WebSocket endpoint: the API is plain HTTP under /v1"
                        ).model_dump_json(exclude_defaults=True).encode()
    await send({"type": "websocket.http.response.start", "status": 404,
                "headers": [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]})
    await send({"type": "websocket.http.response.body", "body": body})


async def _refuse(send: Send, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = http_problem(status, detail).model_dump_json(exclude_defaults=True).encode()
    raw_headers = [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode()),
                   *((k.encode(), v.encode()) for k, v in (headers or {}).items())]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})
