"""The server on a real socket, as ``serve`` runs it (uvicorn with :class:`~icc_rules.web.protocol.LimitedProtocol`).

Reproductions of issue 18: a malformed request got ``400 text/plain``; a client sending its headers or its body a
byte at a time was never timed out (the time limit started only once the body was read).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from icc_rules.web.app import Settings, create_app
from icc_rules.web.limits import Limits
from icc_rules.web.protocol import limited

#: The time limit of the server under test: small, so that a slow client is cut off quickly.
LIMIT = 1.0


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    """The application with a 1-second limit, served on a free loopback port in a thread of this process."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(Settings(limits=Limits(time_limit=LIMIT))), http=limited(LIMIT),
                            log_level="critical", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield sock.getsockname()[1]
    server.should_exit = True
    thread.join(10)
    sock.close()


def _response(conn: socket.socket, wait: float = 10) -> bytes:
    """Everything the server sends until it closes the connection (or ``wait`` seconds pass)."""
    conn.settimeout(wait)
    chunks = []
    try:
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    except TimeoutError:
        chunks.append(b"<still open>")
    return b"".join(chunks)


def _problem(raw: bytes, status: int) -> dict[str, object]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].startswith(f"HTTP/1.1 {status} "), raw[:300]
    headers = dict(line.lower().split(": ", 1) for line in lines[1:])
    assert headers["content-type"] == "application/problem+json", raw[:300]
    problem: dict[str, object] = json.loads(body)
    assert problem["status"] == status and problem["title"] and problem["detail"]
    return problem


@pytest.mark.parametrize("request_", [
    b"GARBAGE\r\n\r\n",
    b"GET /v1/dataset HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    b"GET /v1/dataset HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n",
    b"GET /v1/\xff HTTP/1.1\r\nHost: x\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello on the plain port
])
def test_a_malformed_request_is_a_problem(port: int, request_: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(request_)
        _problem(_response(conn), 400)


def test_a_good_request_still_answers(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(b"GET /v1/verdicts HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert _response(conn).startswith(b"HTTP/1.1 200 ")


def test_slow_headers_are_cut_off(port: int) -> None:
    """A byte every 0.2 s: never idle long, and never done. Before, the server waited for ever."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as conn:
        request = b"GET /v1/dataset HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"a" * 200
        try:
            for byte in request:
                conn.sendall(bytes([byte]))
                time.sleep(0.2)
                if time.monotonic() - started > 5 * LIMIT:
                    break
        except (BrokenPipeError, ConnectionResetError):
            pass  # cut off while sending: what is asked
        problem = _problem(_response(conn), 408)
    assert "headers" in str(problem["detail"])
    assert time.monotonic() - started < 3 * LIMIT + 1


def test_slow_body_is_cut_off(port: int) -> None:
    started = time.monotonic()
    body = b'{"person": "putin", "legs": [{"country": "MNG", "date": "2024-09-03"}]}'
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(b"POST /v1/itinerary HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(body))
        try:
            for byte in body:
                conn.sendall(bytes([byte]))
                time.sleep(0.2)
                if time.monotonic() - started > 5 * LIMIT:
                    break
        except (BrokenPipeError, ConnectionResetError):
            pass
        problem = _problem(_response(conn), 408)
    assert "body" in str(problem["detail"])
    assert time.monotonic() - started < 3 * LIMIT + 1


def test_an_unread_slow_body_ends_with_the_connection(port: int) -> None:
    """A GET's body is not read by the application: it is answered, and the connection closed past the limit."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(b"GET /v1/verdicts HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
        try:
            for _ in range(100):
                conn.sendall(b"x")
                time.sleep(0.1)
                if time.monotonic() - started > 5 * LIMIT:
                    break
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw = _response(conn)
    assert raw.startswith(b"HTTP/1.1 200 ") and not raw.endswith(b"<still open>")
    assert time.monotonic() - started < 3 * LIMIT + 1


def test_a_silent_connection_is_closed(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        assert _response(conn, wait=3 * LIMIT + 1) == b""


def test_keep_alive_requests_each_get_the_limit(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        for _ in range(3):
            conn.sendall(b"GET /v1/verdicts HTTP/1.1\r\nHost: x\r\n\r\n")
            conn.settimeout(5)
            assert conn.recv(65536).startswith(b"HTTP/1.1 200 ")
            time.sleep(0.6 * LIMIT)  # the three together take longer than one limit
