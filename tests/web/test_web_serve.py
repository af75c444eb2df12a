"""``icc-rules serve``: the command's options, and what it hands to uvicorn (which is not started here)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from icc_rules import DataError, MissingExtraError
from icc_rules.cli import main, parser
from icc_rules.web import app as app_module
from icc_rules.web import serve as serve_module
from icc_rules.web.app import ENVIRONMENT_KEY, Settings, app_from_environment


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Records uvicorn.run's arguments instead of serving; the settings it leaves for the workers are undone."""
    import uvicorn

    runs: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append({"app": app, **options}))
    monkeypatch.setattr(serve_module, "_reuse_port_workers", lambda host, port, workers, options: runs.append(
        {"app": serve_module.FACTORY, "host": host, "port": port, "workers": workers, **options}) or 0)
    monkeypatch.setattr(serve_module, "_only_server", lambda host, port: contextlib.nullcontext())
    monkeypatch.delenv(ENVIRONMENT_KEY, raising=False)
    return runs


def test_serve_is_a_command_with_its_options(started: list[dict[str, Any]], jersey_extended: Path) -> None:
    assert main(["serve", "--port", "8123", "--workers", "2", "--allow-origin", "https://news.example",
                 "--data", str(jersey_extended)]) == 0
    (run,) = started
    assert run["app"] == "icc_rules.web.app:app_from_environment" and run["factory"] is True
    assert (run["host"], run["port"], run["workers"], run["access_log"]) == ("127.0.0.1", 8123, 2, False)
    settings = Settings.from_json(os.environ[ENVIRONMENT_KEY])
    assert settings.allow_origins == ("https://news.example",)
    assert settings.data_files == (str(jersey_extended.resolve()),)
    app = app_from_environment()  # what each worker builds
    assert app.state.settings == settings


def test_one_worker_is_uvicorn_s_own(started: list[dict[str, Any]]) -> None:
    assert main(["serve", "--access-log"]) == 0
    assert started[0]["workers"] == 1 and started[0]["access_log"] is True and "reload" not in started[0]


def test_several_workers_share_the_port_and_stop_on_a_signal() -> None:
    """A real run: two workers on SO_REUSEPORT sockets answer, and SIGTERM stops them all with status 0."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "icc_rules", "serve", "--port", str(port), "--workers", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/can-travel?person=putin&country=MNG"
                                            "&date=2024-09-03", timeout=5) as response:
                    assert json.loads(response.read())["verdict"] == "duty_to_arrest"
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "the server did not start"
                time.sleep(0.2)
        with pytest.raises(OSError):  # the port is taken: a server without SO_REUSEPORT cannot start on it
            socket.create_server(("127.0.0.1", port)).close()
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "2 workers on http://127.0.0.1:" in output


def test_serve_checks_the_data_before_any_worker_starts(started: list[dict[str, Any]], tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[person]]\nid = 1\n", encoding="utf-8")
    with pytest.raises(DataError):
        serve_module.serve(data=[str(broken)])
    assert started == [] and main(["serve", "--data", str(broken)]) == 4


@pytest.mark.parametrize("argv", [["serve", "--port", "0"], ["serve", "--port", "http"], ["serve", "--workers", "0"],
                                  ["serve", "--workers", "many"], ["serve", "--bind", "x"]])
def test_bad_options_are_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parser().parse_args(argv)
    assert stopped.value.code == 2
    assert "icc-rules serve: error:" in capsys.readouterr().err or argv[1] == "--bind"


def test_without_the_web_extra_serve_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    def missing(module: str, feature: str, extra: str, package: str | None = None) -> None:
        raise MissingExtraError(feature, extra, module)

    monkeypatch.setattr(serve_module, "require", missing)
    assert main(["serve"]) == 3
    assert 'pip install "icc-rules[web]"' in capsys.readouterr().err


def test_the_default_settings_with_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT_KEY, raising=False)
    assert app_from_environment().state.settings == Settings()
    assert app_module.create_app(Settings(access_log=True)).state.settings.access_log


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _serve(port: int, workers: int) -> subprocess.Popen[str]:
    """``serve`` in a process group of its own, so that it can be stopped with every worker it started."""
    return subprocess.Popen([sys.executable, "-m", "icc_rules", "serve", "--port", str(port), "--workers",
                             str(workers)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _refused(port: int, workers: int) -> str:
    """What a second ``serve`` on the port says; it must stop at once with status 8 and one line."""
    second = _serve(port, workers)
    try:
        output, errors = second.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(second.pid, signal.SIGKILL)  # its workers too: they would hold its output open
        second.communicate()
        pytest.fail(f"a second server with {workers} worker(s) started on port {port} beside the first")
    assert second.returncode == 8, (output, errors)
    assert errors.count("\n") == 1 and errors.startswith("icc-rules: error: cannot listen on 127.0.0.1:"), errors
    return errors


def test_a_second_server_on_a_port_in_use_fails_at_once() -> None:
    """The reproduction: a server with two workers on SO_REUSEPORT sockets, then a second ``serve`` on the same
    port. Before, the second one with two workers started too, and the kernel split the connections between them."""
    port = _free_port()
    first = _serve(port, 2)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/dataset", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline and first.poll() is None, "the first server did not start"
                time.sleep(0.2)
        for workers in (2, 1, 3):
            assert "in use by another icc-rules server (process" in _refused(port, workers)
        assert first.poll() is None  # the first one is untouched
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=60)
    assert first.returncode == 0


def test_a_port_held_by_another_program_with_so_reuseport_is_in_use() -> None:
    """Another program (an older icc-rules, say) listening with SO_REUSEPORT and no lock: the probe finds it."""
    with socket.socket() as other:
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        assert "is in use by another server: stop it, or choose another --port" in _refused(port, 2)


def test_serve_raises_address_in_use() -> None:
    with socket.create_server(("127.0.0.1", 0)) as other, pytest.raises(serve_module.AddressInUse):
        serve_module.serve("127.0.0.1", other.getsockname()[1], workers=2)


def test_the_command_says_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as other:
        assert main(["serve", "--port", str(other.getsockname()[1]), "--workers", "2"]) == 8
    errors = capsys.readouterr().err
    assert errors.count("\n") == 1 and "is in use by another server" in errors, errors
