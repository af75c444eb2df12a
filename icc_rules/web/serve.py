"""Running the web API: ``serve(host, port, data, workers, allow_origins)``, what ``icc-rules serve`` calls.

The application is stateless and read-only: each worker process loads the data once at start and answers from
memory, so it scales by adding workers (``workers``) or machines behind any reverse proxy. Nothing about who asked
what is kept: uvicorn's access log is off unless ``access_log=True``.

With several workers on Linux, each worker listens on its own socket bound with ``SO_REUSEPORT``, so that the
kernel spreads the connections evenly over the workers. (uvicorn's own workers share one socket, and whichever
wakes first accepts every waiting connection: with 50 clients connecting at once, one worker took 41 of them and
the slowest answers waited twice as long.) Elsewhere, uvicorn's workers are used.

One server per address: ``SO_REUSEPORT`` would let a second server (another version, another data file) share the
port, and the kernel would split the connections between the two. So, whatever the number of workers, ``serve``
first takes an exclusive lock named after the address, held until the server stops, and binds a probe socket
without ``SO_REUSEPORT``, which fails while any other program listens there; a second server fails at once with
:class:`AddressInUse` (``icc-rules serve`` exits with status 8 and one line saying so).
"""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import re
import signal
import socket
import sys
import tempfile
from collections.abc import Iterator, Sequence
from multiprocessing.connection import wait
from types import FrameType
from typing import Any

from icc_rules import load_data

from ._library import require
from .limits import Limits

__all__ = ["AddressInUse", "serve"]

#: The application factory each worker builds its application with (reading ENVIRONMENT_KEY).
FACTORY = "icc_rules.web.app:app_from_environment"
#: The HTTP protocol each worker speaks: uvicorn's, with problem+json refusals and the time limit on reading.
PROTOCOL = "icc_rules.web.protocol:LimitedProtocol"


class AddressInUse(OSError):
    """Another server listens on the address ``serve`` was asked to listen on."""


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
        AddressInUse: another server (of any kind, any number of workers) listens on ``host:port``.
        OSError: the address cannot be listened on otherwise (a port below 1024 without the right, say).
    """
    uvicorn = require("uvicorn", "icc-rules serve", "web")
    require("fastapi", "icc-rules serve", "web")
    with _only_server(host, port):
        return _serve(uvicorn, host, port, data, workers, allow_origins, access_log, limits)


def _serve(uvicorn: Any, host: str, port: int, data: Sequence[str], workers: int, allow_origins: Sequence[str],
           access_log: bool, limits: Limits | None) -> int:
    from .app import ENVIRONMENT_KEY, Settings

    if data:
        load_data(overlays=list(data))  # fail here, once, with the file named, rather than in every worker
    settings = Settings(data_files=tuple(os.path.abspath(name) for name in data),
                        allow_origins=tuple(allow_origins), limits=limits or Limits(), access_log=access_log)
    os.environ[ENVIRONMENT_KEY] = settings.to_json()  # the workers read it
    options: dict[str, Any] = {"factory": True, "access_log": access_log, "server_header": False,
                               "log_level": "info", "proxy_headers": False, "http": PROTOCOL}
    if workers > 1 and sys.platform.startswith("linux"):
        return _reuse_port_workers(host, port, workers, options)
    uvicorn.run(FACTORY, host=host, port=port, workers=workers, **options)
    return 0


@contextlib.contextmanager
def _only_server(host: str, port: int) -> Iterator[None]:
    """While inside, this process (and the workers it starts) is the only server on ``host:port``, or
    :class:`AddressInUse` is raised on entering.

    The lock is what keeps two ``icc-rules serve`` apart even when both start at once; the probe is what finds any
    other server (an older version, another program) that took the port with ``SO_REUSEPORT`` and no lock.
    """
    with _lock(host, port):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn's: a port in TIME_WAIT is free
            try:
                probe.bind((host, port))  # no SO_REUSEPORT: fails while any socket listens there, reused or not
            except OSError as failure:
                if failure.errno != errno.EADDRINUSE:
                    raise
                raise AddressInUse(errno.EADDRINUSE, f"{host}:{port} is in use by another server: stop it, or "
                                   "choose another --port") from None
        yield


@contextlib.contextmanager
def _lock(host: str, port: int) -> Iterator[None]:
    """An exclusive lock named after ``host:port`` (a file in the temporary directory), released when this
    process and its workers have ended, or :class:`AddressInUse` if another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no SO_REUSEPORT either, so the probe alone finds a server in the way
        yield
        return
    name = re.sub(r"[^A-Za-z0-9.-]", "_", f"{host}-{port}")[:200]
    path = os.path.join(tempfile.gettempdir(), f"icc-rules-serve-{os.getuid()}-{name}.lock")
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 20, 0).decode("ascii", "replace").strip()
            raise AddressInUse(errno.EADDRINUSE, f"{host}:{port} is in use by another icc-rules server"
                               f"{f' (process {holder})' if holder.isdigit() else ''}: stop it, or choose another "
                               "--port") from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(descriptor)  # the workers' copies end with them


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
