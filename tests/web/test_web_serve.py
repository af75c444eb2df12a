"""``icc-rules serve``: the command's options, and what it hands to uvicorn (which is not started here)."""

from __future__ import annotations

import os
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
