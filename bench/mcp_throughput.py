"""The MCP server's throughput over stdio: ``assess`` answers per second, one call after another, from a client to
``python -m icc_rules mcp`` in a process of its own.

Run: ``python bench/mcp_throughput.py [CALLS]`` (default 500). Two clients are timed on the same random queries (every
person, every country, every day since the Statute entered into force; a fixed seed):

* the ``mcp`` SDK's own ``Client``, as an assistant written in Python would call the server. It checks every answer
  against the tool's output schema (with ``jsonschema``), in the client's process;
* plain JSON-RPC lines written to the server's stdin and read from its stdout: what the server itself sustains.

Each prints its figure; the server's start (handshake included) is timed apart.
"""

from __future__ import annotations

import datetime
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = [sys.executable, "-m", "icc_rules", "mcp"]


def queries(count: int, seed: int = 1) -> list[dict[str, str]]:
    """``count`` random ``assess`` arguments (ids, alpha-3 codes, ISO dates)."""
    sys.path.insert(0, str(ROOT))
    from icc_rules import all_countries, shipped_data
    from icc_rules.law.statute import STATUTE_IN_FORCE

    data = shipped_data()
    rng = random.Random(seed)
    persons, countries = [p.id for p in data.persons], [c.code for c in all_countries()]
    span = (data.info.as_of - STATUTE_IN_FORCE).days
    return [{"person": rng.choice(persons), "country": rng.choice(countries),
             "date": (STATUTE_IN_FORCE + datetime.timedelta(days=rng.randrange(span + 1))).isoformat()}
            for _ in range(count)]


def sdk_client(asked: list[dict[str, str]]) -> tuple[float, float]:
    """(seconds to start and connect, answers per second) with the SDK's ``Client`` over stdio."""
    import anyio
    from mcp import Client, StdioServerParameters

    async def run() -> tuple[float, float]:
        began = time.perf_counter()
        async with Client(StdioServerParameters(command=SERVER[0], args=SERVER[1:], cwd=str(ROOT))) as client:
            await client.list_tools()
            started = time.perf_counter() - began
            began = time.perf_counter()
            for arguments in asked:
                result = await client.call_tool("assess", arguments)
                assert not result.is_error, result.content
            return started, len(asked) / (time.perf_counter() - began)

    return anyio.run(run)


def _send(server: subprocess.Popen[bytes], message: dict[str, Any]) -> None:
    assert server.stdin is not None
    server.stdin.write(json.dumps(message).encode() + b"\n")
    server.stdin.flush()


def _receive(server: subprocess.Popen[bytes], number: int) -> dict[str, Any]:
    assert server.stdout is not None
    while True:  # notifications (logging) may come first
        message: dict[str, Any] = json.loads(server.stdout.readline())
        if message.get("id") == number:
            return message


def plain_json_rpc(asked: list[dict[str, str]]) -> tuple[float, float]:
    """(seconds to start and shake hands, answers per second) with JSON-RPC lines over the server's stdio."""
    began = time.perf_counter()
    with subprocess.Popen(SERVER, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as server:
        _send(server, {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "bench", "version": "1"}}})
        _receive(server, 0)
        _send(server, {"jsonrpc": "2.0", "method": "notifications/initialized"})
        started = time.perf_counter() - began
        began = time.perf_counter()
        for number, arguments in enumerate(asked, 1):
            _send(server, {"jsonrpc": "2.0", "id": number, "method": "tools/call",
                           "params": {"name": "assess", "arguments": arguments}})
            answer = _receive(server, number)
            assert not answer["result"].get("isError"), answer
        rate = len(asked) / (time.perf_counter() - began)
        assert server.stdin is not None
        server.stdin.close()
        server.wait(30)
    return started, rate


def main(argv: list[str]) -> int:
    calls = int(argv[0]) if argv else 500
    asked = queries(calls)
    for name, client in (("the mcp SDK's Client (validates each answer)", sdk_client),
                         ("plain JSON-RPC lines", plain_json_rpc)):
        started, rate = client(asked)
        print(f"{name}: {rate:,.0f} assess answers/s over stdio ({calls} calls, one at a time); "
              f"server started and connected in {started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
