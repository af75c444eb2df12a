"""``icc-rules mcp [--http PORT]``: serve the tools to an AI assistant over stdio, or over streamable HTTP on
127.0.0.1.

``--data FILE`` (the command line's common option) answers from the shipped data with the user's files on top.
Needs the ``mcp`` extra: ``pip install "icc-rules[mcp]"``. This module imports no part of the MCP SDK, so that the
command line works without the extra.
"""

from __future__ import annotations

import argparse

from ..lookup.numbers import whole_number
from ..render.extras import require

__all__ = ["register"]


def _port(text: str) -> int:
    """A TCP port number, 1 to 65535."""
    return whole_number(text, 1, 65535, "a port number")


def _run(args: argparse.Namespace) -> int:
    require("mcp.server.mcpserver", "icc-rules mcp", "mcp", "mcp")
    from .server import serve

    return serve(args.dataset, http_port=args.http)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``mcp`` command."""
    parser = subparsers.add_parser(
        "mcp", help="serve the answers as tools for AI assistants, over the Model Context Protocol (needs the mcp "
        "extra)",
        description="Serve the tools (assess, world, timeline, next_change, check_itinerary, wanted_in, hosts, "
        "find_person) and resources (the rules, the verdicts, the dataset) over the Model Context Protocol: on "
        "stdio, for an assistant that starts this command, or with --http on 127.0.0.1 only. See docs/mcp.md.",
    )
    parser.add_argument("--http", type=_port, metavar="PORT",
                        help="serve over streamable HTTP at http://127.0.0.1:PORT/mcp instead of stdio")
    parser.set_defaults(handler=_run)
