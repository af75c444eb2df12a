"""``icc-rules serve [--host HOST] [--port PORT] [--workers N] [--allow-origin ORIGIN ...] [--access-log]``.

Serves the web API under ``/v1``, its OpenAPI document at ``/openapi.json``, interactive docs at ``/docs`` and the
page at ``/``. ``--data FILE`` (the command line's common option) loads user data files over the shipped data.
Needs the ``web`` extra: ``pip install "icc-rules[web]"``. When the address cannot be listened on (another server
holds the port, whatever its number of workers), it prints one line and exits with status 8 before any worker starts.

This module imports neither FastAPI nor uvicorn, so that the command line works without the ``web`` extra.
"""

from __future__ import annotations

import argparse
import sys

from ..lookup.numbers import whole_number

__all__ = ["EXIT_ADDRESS", "register"]

#: The exit status of ``serve`` when it cannot listen on its address (the command line's table of exit codes).
EXIT_ADDRESS = 8


def _port(text: str) -> int:
    """A TCP port number, 1 to 65535."""
    return whole_number(text, 1, 65535, "a port number")


def _workers(text: str) -> int:
    """A number of worker processes, 1 to 64."""
    return whole_number(text, 1, 64, "a number of workers")


def _run(args: argparse.Namespace) -> int:
    from .serve import serve

    try:
        return serve(args.host, args.port, data=args.data, workers=args.workers,
                     allow_origins=args.allow_origin or (), access_log=args.access_log)
    except OSError as failure:  # raised before any worker starts: the port is taken, or not ours to take
        message = f"cannot listen on {args.host}:{args.port}: {failure.strerror or failure}"
        shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in message)
        print(f"icc-rules: error: {shown}", file=sys.stderr, flush=True)
        return EXIT_ADDRESS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` command."""
    parser = subparsers.add_parser(
        "serve", help="serve the answers over HTTP: the /v1 API, its OpenAPI docs and a page (needs the web extra)",
        description="Serve the web API (/v1, /openapi.json, /docs) and the page (/). Stateless and read-only: "
        "scale it with --workers or more machines behind a reverse proxy.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8000, help="the TCP port (default: 8000)")
    parser.add_argument("--workers", type=_workers, default=1, help="worker processes (default: 1)")
    parser.add_argument("--allow-origin", action="append", metavar="ORIGIN",
                        help="a web origin allowed to call the API from a browser (CORS), e.g. "
                        "https://news.example (repeatable; none by default)")
    parser.add_argument("--access-log", action="store_true",
                        help="log every request (address, path, status); off by default: nothing is kept")
    parser.set_defaults(handler=_run)
