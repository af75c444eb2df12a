"""icc-rules never opens a network connection: every answer comes from the data files inside the package. (The one
exception is a maintainer's ``icc-rules data watch``, which reads the feed it is given: tests/data/test_watch.py.)

Every way to reach the network through :mod:`socket` (connect, connect_ex, sendto, create_connection and the name
lookups) is made to record the attempt and fail; then queries, views and commands run, and nothing tried. The same
holds from the first import on, in a fresh process.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from icc_rules import assess, can_travel, load_data, verdict_of
from icc_rules.cli import main

ROOT = Path(__file__).parent.parent


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tried: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            tried.append(f"{name}{args[1:] if name.startswith('socket.socket') else args}")
            raise OSError(f"network access in a test: {name}")
        return refused

    for name in ("connect", "connect_ex", "sendto", "sendall", "send"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    return tried


def test_the_guard_catches_a_connection(attempts: list[str]) -> None:
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("example.org", 80))
    with pytest.raises(OSError, match="network access"), socket.socket() as sock:
        sock.connect(("127.0.0.1", 9))
    assert len(attempts) == 2


def test_queries_views_and_overlays_open_no_connection(attempts: list[str], tmp_path: Path) -> None:
    assert not can_travel("Vladimir Putin", "Mongolia", "2024-09-03")
    assert assess("Netanyahu", "Hungary", "2025-04-03").explain()
    for person in ("al-Bashir", "Duterte", "kony", "Путин"):
        for country in ("SD", "Philippines", "UGA", "Türkiye", "Kosovo"):
            verdict_of(person, country, "2023-06-01")
            verdict_of(person, country)  # today
    overlay = tmp_path / "mine.toml"
    overlay.write_text("", encoding="utf-8")
    verdict_of("putin", "MNG", "2024-09-03", data=load_data(overlays=[overlay]))
    for module, name, args in (("icc_rules.views.world", "world", ("putin", "2024-09-03")),
                               ("icc_rules.views.timeline", "timeline", ("putin", "ARM"))):
        try:
            view = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):  # a view this checkout does not have
            continue
        view(*args)
    assert attempts == []


@pytest.mark.parametrize("argv", [
    ["check", "putin", "mongolia", "2024-09-03", "--json"],
    ["check", "Gaddafi", "Libya"],
    ["persons", "--json"],
    ["states", "--on", "2025-01-01"],
    ["rules"],
    ["data", "validate"],
    ["data", "stale", "--days", "0", "--json"],
])
def test_commands_open_no_connection(attempts: list[str], argv: list[str]) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(argv)
    assert attempts == []


def test_a_fresh_process_opens_no_connection_from_import_on() -> None:
    script = textwrap.dedent("""
        import socket

        def refused(*args, **kwargs):
            raise SystemExit("network access: " + repr(args))

        for name in ("connect", "connect_ex", "sendto", "sendall", "send"):
            setattr(socket.socket, name, refused)
        for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
            setattr(socket, name, refused)

        import icc_rules
        from icc_rules.cli import main

        assert not icc_rules.can_travel("putin", "MNG", "2024-09-03")
        assert main(["check", "netanyahu", "US", "2025-02-04"]) == 0
        print("no connection")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("no connection")
