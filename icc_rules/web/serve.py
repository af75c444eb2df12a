"""Running the web API: ``serve(host, port, data, workers, allow_origins)``, what ``icc-rules serve`` calls.

The application is stateless and read-only: each worker process loads the data once at start and answers from
memory, so it scales by adding workers (``workers``) or machines behind any reverse proxy. Nothing about who asked
what is kept: uvicorn's access log is off unless ``access_log=True``.

With several workers on Linux, each worker listens on its own socket bound with ``SO_REUSEPORT``, so that the
kernel spreads the connections evenly over the workers. (uvicorn's own workers share one socket, and whichever
wakes first accepts every waiting connection: with 50 clients connecting at once, one worker took 41 of them and
the slowest answers waited twice as long.) Elsewhere, uvicorn's workers are used.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
from collections.abc import Sequence
from multiprocessing.connection import wait
from types import FrameType
from typing import Any

from icc_rules import load_data

from ._library import require
from .limits import Limits

__all__ = ["serve"]

#: The application factory each worker builds its application with (reading ENVIRONMENT_KEY).
FACTORY = "icc_rules.web.app:app_from_environment"


def serve(host: str = "127.0.0.1", port: int = 8000, data: Sequence[str] = (), workers: int = 1,
          allow_origins: Sequence[str] = (), *, access_log: bool = False, limits: Limits | None = None) -> int:
    """Serve the API and the page with uvicorn until interrupted; returns the exit status.

    Args:
        host: the address to listen on (default: loopback only; ``0.0.0.0`` for every interface).
        port: the TCP port.
        data: user data files loaded over the shipped data (checked here, before any worker starts).
        workers: how many worker processes (each answers from its own copy of the data).
        allow_origins: the web origins allowed to call the API from a browser (CORS); none by default.
        access_log: log each request (address, method, path and status) to standard output.
        limits: request limits (default: :class:`~icc_rules.web.limits.Limits`).

    Raises:
        MissingExtraError: the ``web`` extra is not installed.
        DataError: a data file is missing or malformed.
        OSError: the address cannot be listened on (a port in use, say).
    """
    uvicorn = require("uvicorn", "icc-rules serve", "web")
    require("fastapi", "icc-rules serve", "web")
    from .app import ENVIRONMENT_KEY, Settings

    if data:
        load_data(overlays=list(data))  # fail here, once, with the file named, rather than in every worker
    settings = Settings(data_files=tuple(os.path.abspath(name) for name in data),
                        allow_origins=tuple(allow_origins), limits=limits or Limits(), access_log=access_log)
    os.environ[ENVIRONMENT_KEY] = settings.to_json()  # the workers read it
    options: dict[str, Any] = {"factory": True, "access_log": access_log, "server_header": False,
                               "log_level": "info", "proxy_headers": False}
    if workers > 1 and sys.platform.startswith("linux"):
        return _reuse_port_workers(host, port, workers, options)
    uvicorn.run(FACTORY, host=host, port=port, workers=workers, **options)
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket bound with SO_REUSEPORT (several of them share the port; the kernel spreads the
    connections over them)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _worker(sock: socket.socket, options: dict[str, Any]) -> None:
    import uvicorn

    uvicorn.Server(uvicorn.Config(FACTORY, **options)).run(sockets=[sock])


def _reuse_port_workers(host: str, port: int, workers: int, options: dict[str, Any]) -> int:
    """Run ``workers`` processes, each serving its own SO_REUSEPORT socket, until a signal stops them all (or one
    of them stops: then the others are stopped too, and the exit status is 1, for a supervisor to restart)."""
    sockets = [_listen(host, port) for _ in range(workers)]  # bound here, so that a port in use fails at once
    context = multiprocessing.get_context("fork")  # each worker gets its socket as it is
    processes = [context.Process(target=_worker, args=(sock, options), name=f"icc-rules-worker-{n}")
                 for n, sock in enumerate(sockets, 1)]
    for process in processes:
        process.start()
    for sock in sockets:
        sock.close()
    print(f"icc-rules serve: {workers} workers on http://{host}:{port} (SO_REUSEPORT)", flush=True)
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        wait([process.sentinel for process in processes])  # until a worker stops, or a signal stops them all
        if not stopping:
            stop(signal.SIGTERM, None)
        for process in processes:
            process.join(30)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0 if stopping else 1
