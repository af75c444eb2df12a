"""The extras contain what their hints promise, and each hint says how to install it the way icc-rules was
installed: with uv in a checkout, as a uv tool, with uv pip, or with pip from PyPI or from a checkout."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from icc_rules.errors import MissingExtraError
from icc_rules.render import extras

ROOT = Path(__file__).parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_each_extra_installs_what_its_feature_imports() -> None:
    optional = PROJECT["project"]["optional-dependencies"]
    names = {extra: " ".join(packages).lower() for extra, packages in optional.items()}
    assert "pygal" in names["map"] and "pygal_maps_world" in names["map"]
    assert "cairosvg" in names["png"] and "icc-rules[map]" in names["png"]  # the PNG hint's extra has cairosvg
    assert "pandas" in names["pandas"]
    runtime = {requirement.split("=")[0].split(">")[0].split("<")[0] for requirement in PROJECT["project"]["dependencies"]}
    assert runtime == {"durable-rules", "pydantic", "babel"}  # babel: the catalogs, CLDR's names (docs/dependencies.md)


def test_uv_builds_durable_rules_with_the_python_313_flag() -> None:
    variables = PROJECT["tool"]["uv"]["extra-build-variables"]["durable-rules"]
    assert variables == {"CPPFLAGS": "-DPyEval_CallObject=PyObject_CallObject"}
    assert {"test", "lint", "docs", "dev"} <= set(PROJECT["dependency-groups"])
    assert "durable-rules" in (ROOT / "uv.lock").read_text(encoding="utf-8")


class FakeDistribution:
    def __init__(self, installer: str | None, direct_url: dict[str, Any] | None) -> None:
        self.files = {"INSTALLER": installer, "direct_url.json": json.dumps(direct_url) if direct_url else None}

    def read_text(self, name: str) -> str | None:
        return self.files.get(name)


@pytest.mark.parametrize(("installer", "origin", "receipt", "expected"), [
    ("pip", None, False, '"icc-rules[map]"'),
    ("pip", {"url": "file:///src/icc-rules", "dir_info": {}}, False, 'install "/src/icc-rules[map]"'),
    ("pip", {"url": "file:///src/icc-rules", "dir_info": {"editable": True}}, False, 'install -e "/src/icc-rules[map]"'),
    ("uv", None, False, 'uv pip install "icc-rules[map]"'),
    ("uv", None, True, 'uv tool install "icc-rules[map]"'),
    ("uv", {"url": "file://CHECKOUT", "dir_info": {"editable": True}}, False, "uv sync --extra map (in "),
])
def test_the_hint_fits_how_icc_rules_was_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, installer: str,
                                                   origin: dict[str, Any] | None, receipt: bool, expected: str) -> None:
    if origin is not None:
        origin = {**origin, "url": origin["url"].replace("CHECKOUT", str(tmp_path))}
        (tmp_path / "uv.lock").write_text("", encoding="utf-8")
    monkeypatch.setattr(extras.metadata, "distribution", lambda name: FakeDistribution(installer, origin))
    prefix = tmp_path / "env"
    prefix.mkdir()
    if receipt:
        (prefix / "uv-receipt.toml").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "prefix", str(prefix))
    assert expected in extras.install_hint("map")


def test_without_an_installed_distribution_the_hint_is_pip_from_pypi(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise extras.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(extras.metadata, "distribution", missing)
    assert extras.install_hint("pandas").endswith('install "icc-rules[pandas]"')


def test_a_png_without_cairosvg_names_the_png_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from icc_rules.render.worldmap import save

    monkeypatch.setitem(sys.modules, "cairosvg", None)
    with pytest.raises(MissingExtraError, match=r"the chart as PNG needs the optional package cairosvg: .*png") as raised:
        save(lambda: "<svg/>", tmp_path / "chart.png", "the chart")
    assert raised.value.extra == "png"


def test_a_system_library_that_is_missing_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_cairo(name: str) -> None:
        raise OSError("no library called cairo-2 was found")

    monkeypatch.setattr(extras.importlib, "import_module", no_cairo)
    with pytest.raises(MissingExtraError, match=r"needs the system's Cairo library .*no library called cairo"):
        extras.require("cairosvg", "a PNG", "png")
