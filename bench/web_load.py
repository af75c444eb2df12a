"""Load benchmark of the web API: warm ``/v1/can-travel`` with 50 concurrent clients, against its targets.

Run from a checkout with the web extra installed (``uv sync --extra web``, or ``pip install -e ".[web]"``)::

    python bench/web_load.py                      # 2 workers, 50 clients, 20 s or 40,000 requests
    python bench/web_load.py --quick              # a smoke run: 5 s or 5,000 requests

It starts ``icc-rules serve`` on a free port of the loopback interface (127.0.0.1, nothing else is ever sent to),
warms every worker with the queries, then runs a closed loop of keep-alive HTTP/1.1 clients (plain asyncio streams,
so that the load generator itself costs as little CPU as possible: it shares the machine with the server). It
prints requests per second and the latency percentiles, each with its target, and checks that every response
equals the library's direct answer: each query's first response is compared with ``can_travel`` and
``verdict_of`` called here, and every later response with that first one, byte for byte. It stops by itself, and
stops the server, after the requests or the time given, whichever comes first. Exit status 1 if a target is missed
or a response differs.

Targets (issue 14): at least 1,000 requests per second, p99 under 50 ms, on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from icc_rules import all_countries, can_travel, shipped_data, verdict_of  # after the path set-up

TARGET_RPS = 1_000
TARGET_P99_MS = 50.0
HOST = "127.0.0.1"


def queries(count: int, seed: int = 14) -> list[tuple[str, str, str]]:
    """``count`` distinct (person id, alpha-3 code, ISO date) queries over the whole dataset."""
    rng = random.Random(seed)
    persons = [p.id for p in shipped_data().persons]
    codes = [c.code for c in all_countries()]
    found: set[tuple[str, str, str]] = set()
    while len(found) < count:
        day = f"{rng.randint(2003, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        found.add((rng.choice(persons), rng.choice(codes), day))
    return sorted(found)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "icc_rules", "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise SystemExit("the server did not start within 60 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server this script started (its own process group: uvicorn's parent and its workers)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


class Connection:
    """One keep-alive HTTP/1.1 connection that sends GET requests one at a time."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        return cls(reader, writer)

    async def get(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


def request_for(query: tuple[str, str, str]) -> bytes:
    person, country, date = query
    path = "/v1/can-travel?" + urlencode({"person": person, "country": country, "date": date})
    return f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()


def check_first(query: tuple[str, str, str], status: int, body: bytes) -> str | None:
    """What is wrong with the first response to ``query``, compared with the library's direct answer."""
    if status != 200:
        return f"{query}: status {status}"
    answer = json.loads(body)
    person, country, date = query
    expected = {"person": person, "country": country, "date": date, "can_travel": can_travel(person, country, date),
                "verdict": verdict_of(person, country, date).value}
    got = {key: answer.get(key) for key in expected}
    return None if got == expected else f"{query}: got {got}, the library says {expected}"


async def warm(port: int, requests: list[bytes], rounds: int) -> dict[bytes, tuple[int, bytes]]:
    """Send every query ``rounds`` times over many connections (so that every worker answers each at least once,
    most likely), and return each query's first response: its status and body."""
    first: dict[bytes, tuple[int, bytes]] = {}
    connections = [await Connection.open(port) for _ in range(16)]

    async def run(connection: Connection, share: list[bytes]) -> None:
        for request in share:
            first.setdefault(request, await connection.get(request))

    try:
        for _ in range(rounds):
            shuffled = random.sample(requests, len(requests))
            await asyncio.gather(*(run(c, shuffled[i::len(connections)]) for i, c in enumerate(connections)))
    finally:
        for connection in connections:
            connection.close()
    return first


async def load(port: int, requests: list[bytes], first: dict[bytes, tuple[int, bytes]], clients: int, total: int,
               seconds: float) -> tuple[list[float], float, int]:
    """The closed loop: ``clients`` connections, each sending its next request as soon as the last is answered,
    until ``total`` requests are done or ``seconds`` have passed. Returns the latencies (ms), the elapsed time and
    the number of responses that differ from the first response to the same query."""
    latencies: list[float] = []
    mismatches = 0
    sent = 0
    connections = [await Connection.open(port) for _ in range(clients)]
    clock = time.perf_counter
    start = clock()
    deadline = start + seconds

    async def run(connection: Connection, seed: int) -> None:
        nonlocal sent, mismatches
        rng = random.Random(seed)
        while sent < total and clock() < deadline:
            sent += 1
            request = requests[rng.randrange(len(requests))]
            began = clock()
            status, body = await connection.get(request)
            latencies.append((clock() - began) * 1000)
            if status != 200 or body != first[request][1]:
                mismatches += 1

    try:
        await asyncio.gather(*(run(c, seed) for seed, c in enumerate(connections)))
    finally:
        for connection in connections:
            connection.close()
    return latencies, clock() - start, mismatches


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    options.add_argument("--workers", type=int, default=2, help="server worker processes (default: 2)")
    options.add_argument("--clients", type=int, default=50, help="concurrent clients (default: 50)")
    options.add_argument("--requests", type=int, default=40_000, help="at most this many requests (default: 40000)")
    options.add_argument("--seconds", type=float, default=20.0, help="at most this long, in seconds (default: 20)")
    options.add_argument("--queries", type=int, default=500, help="distinct queries (default: 500)")
    options.add_argument("--quick", action="store_true", help="a smoke run: 5 s or 5,000 requests")
    options.add_argument("--port", type=int, help="load a server already running on this loopback port instead")
    args = options.parse_args()
    if args.quick:
        args.requests, args.seconds = 5_000, 5.0
    try:
        import uvloop
    except ImportError:
        uvloop = None
    runner = uvloop.run if uvloop is not None else asyncio.run

    print(f"icc-rules web load benchmark: {os.cpu_count()} CPU(s); Python {platform.python_version()}; "
          f"{platform.platform()}")
    print(f"server: icc-rules serve --workers {args.workers} on {HOST}; load: {args.clients} keep-alive clients, "
          f"at most {args.requests} requests or {args.seconds:g} s; {args.queries} distinct queries")
    chosen = queries(args.queries)
    requests = [request_for(query) for query in chosen]
    port = args.port or free_port()
    server = start_server(port, args.workers) if not args.port else None
    try:
        first = runner(warm(port, requests, rounds=3))
        problems = [p for q, r in zip(chosen, requests, strict=True) if (p := check_first(q, *first[r])) is not None]
        latencies, elapsed, mismatches = runner(load(port, requests, first, args.clients, args.requests,
                                                     args.seconds))
    finally:
        if server is not None:
            stop_server(server)
    rps = len(latencies) / elapsed
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    verdicts = {"rps": rps >= TARGET_RPS, "p99": p99 < TARGET_P99_MS, "equal": not problems and not mismatches}
    print(f"\n{len(latencies)} requests in {elapsed:.1f} s")
    print(f"  requests per second  {rps:9.0f}    target >= {TARGET_RPS}    {'PASS' if verdicts['rps'] else 'FAIL'}")
    print(f"  latency p50          {p50:9.2f} ms")
    print(f"  latency p90          {percentile(latencies, 0.90):9.2f} ms")
    print(f"  latency p99          {p99:9.2f} ms target < {TARGET_P99_MS:g} ms  {'PASS' if verdicts['p99'] else 'FAIL'}")
    print(f"  latency max          {max(latencies):9.2f} ms")
    print(f"  responses equal to the library's direct answer: {len(chosen) - len(problems)}/{len(chosen)} queries "
          f"checked against can_travel and verdict_of, {len(latencies) - mismatches}/{len(latencies)} responses "
          f"identical to their query's first    {'PASS' if verdicts['equal'] else 'FAIL'}")
    for problem in problems[:10]:
        print(f"    {problem}")
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
