"""The HTTP/1.1 protocol ``serve`` runs: uvicorn's (httptools), with its own refusals made problems, and a deadline.

uvicorn itself answers a request it cannot parse with ``400 text/plain``, and waits for ever on a client that sends
its request a byte at a time (it has no limit on reading a request, only on an idle connection). This protocol:

- answers a request that cannot be parsed with a ``400 application/problem+json`` (:mod:`.problems`);
- gives each request the server's time limit (:class:`~icc_rules.web.limits.Limits`), counted from its first byte:
  headers not all in by then are answered ``408`` and the connection is closed (a connection that sends nothing
  is closed after the limit); the deadline goes to the application in the scope (``scope["extensions"]`` under :data:`DEADLINE`), so
  that the same limit covers the body and the answer (:class:`~icc_rules.web.limits.LimitsMiddleware`); a body
  still coming in a second after it (one the application did not read) ends with the connection.

``serve`` passes it to uvicorn by name (``http="icc_rules.web.protocol:LimitedProtocol"``); the limit is the one in
the settings ``serve`` hands its workers.
"""

from __future__ import annotations

import asyncio
import functools
import os
from http import HTTPStatus
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .limits import DEADLINE
from .problems import MEDIA_TYPE, http_problem, problem_bytes

__all__ = ["DEADLINE", "LimitedProtocol", "limited"]


#: After the deadline, how long a body the application did not read may still be coming before the connection
#: is closed (the application answers a body it did read late itself, with a 408).
GRACE = 1.0


@functools.cache
def _served_limit() -> float:
    """The time limit in the settings ``serve`` hands its workers (the default without them)."""
    from .app import ENVIRONMENT_KEY, Settings

    text = os.environ.get(ENVIRONMENT_KEY)
    return (Settings.from_json(text) if text else Settings()).limits.time_limit


def response_bytes(status: int, detail: str) -> bytes:
    """A whole HTTP/1.1 response carrying the problem, that closes the connection."""
    body = problem_bytes(http_problem(status, detail))
    head = (f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\ncontent-type: {MEDIA_TYPE}\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n")
    return head.encode() + body


class LimitedProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with problem+json refusals and a deadline on reading each request."""

    #: The seconds a request may take, from its first byte to its answer (``None``: the served settings' limit).
    time_limit: float | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit = self.time_limit if self.time_limit is not None else _served_limit()
        self._timer: asyncio.TimerHandle | None = None
        self._deadline = 0.0
        self._reading = False  # inside a request's headers
        self._complete = True  # the last request was read to its end

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()  # from the request's first byte (a connection that sends nothing is closed after the limit)
        self._reading, self._complete = True, False

    def on_headers_complete(self) -> None:
        self._reading = False
        extensions: dict[str, Any] = self.scope.setdefault("extensions", {})
        extensions[DEADLINE] = self._deadline
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._complete = True
        self._disarm()
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        self._disarm()
        self.transport.write(response_bytes(400, f"this is not an HTTP/1.1 request this server can read ({msg})"))
        self.transport.close()

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.time() + self._limit
        self._timer = self.loop.call_at(self._deadline, self._too_slow)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _too_slow(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        if self._reading and self.cycle is not None and not self.cycle.response_complete:
            self.cycle.keep_alive = False  # a pipelined request behind an answer being sent: close after that answer
        elif self._reading:  # the headers are not all in: nothing has started to answer them
            self.transport.write(response_bytes(408, f"the request's headers took over {self._limit:g} seconds "
                                                "to arrive"))
            self.transport.close()
        elif not self._complete:  # the body: the application answers it late with a 408; this ends one it left
            self._timer = self.loop.call_later(GRACE, self._abandon)
        else:  # connected, and nothing sent
            self.transport.close()

    def _abandon(self) -> None:
        self._timer = None
        if not self._complete and not self.transport.is_closing():
            self.transport.close()


def limited(time_limit: float) -> type[LimitedProtocol]:
    """The protocol with another time limit than the served settings' (for a server started in-process).

    >>> limited(2.5).time_limit
    2.5
    """
    return type("LimitedProtocol", (LimitedProtocol,), {"time_limit": time_limit})
